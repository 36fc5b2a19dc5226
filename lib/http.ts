/**
 * Every state-changing request (and every query that returns health data) must carry this
 * header. A cross-site form or <img> cannot set it, so together with the JSON content type and
 * the Origin check it closes CSRF for tRPC, which does not check content types itself.
 */
export const REQUEST_HEADER = 'x-loadline-request';
export const REQUEST_HEADER_VALUE = '1';

export const jsonMutationHeaders = {
  'content-type': 'application/json',
  [REQUEST_HEADER]: REQUEST_HEADER_VALUE,
} as const;
