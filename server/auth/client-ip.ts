/**
 * The custom server stamps the socket's address into this header (overwriting whatever the client
 * sent); with TRUST_PROXY it uses the first X-Forwarded-For hop instead.
 */
export const CLIENT_IP_HEADER = 'x-loadline-client-ip';

export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}
