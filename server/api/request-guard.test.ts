/**
 * security.md check 12 (and the Origin half of 14): the same-origin proof the tRPC and logout
 * routes require before any state change: JSON, the custom header, an allowed Origin.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '@/lib/http';
import { checkTrustedRequest, forbidden, isAllowedOrigin } from './request-guard';

const APP = 'http://localhost:3000';
const saved = {
  APP_URL: process.env.APP_URL,
  AUTH_URL: process.env.AUTH_URL,
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS,
};

beforeEach(() => {
  process.env.APP_URL = APP;
  process.env.AUTH_URL = APP;
  process.env.ALLOWED_ORIGINS = 'https://staging.club.example, https://club.example/';
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

function post(headers: Record<string, string>, body: BodyInit = '{}') {
  return new Request(`${APP}/api/trpc/x.y`, { method: 'POST', headers, body });
}
const good = {
  'content-type': 'application/json',
  [REQUEST_HEADER]: REQUEST_HEADER_VALUE,
  origin: APP,
};

describe('checkTrustedRequest for state changes (requireBody: true)', () => {
  it('accepts JSON with the custom header from the app’s own origin', () => {
    expect(checkTrustedRequest(post(good), { requireBody: true })).toBeNull();
    expect(
      checkTrustedRequest(post({ ...good, 'content-type': 'Application/JSON; charset=utf-8' }), {
        requireBody: true,
      }),
    ).toBeNull();
    expect(
      checkTrustedRequest(post({ ...good, origin: `${APP}/` }), { requireBody: true }),
    ).toBeNull();
  });

  it('accepts the extra ALLOWED_ORIGINS (trailing slash or not)', () => {
    for (const origin of ['https://staging.club.example', 'https://club.example']) {
      expect(checkTrustedRequest(post({ ...good, origin }), { requireBody: true })).toBeNull();
    }
  });

  it.each([
    ['text/plain', { ...good, 'content-type': 'text/plain' }],
    ['text/plain;charset=UTF-8', { ...good, 'content-type': 'text/plain;charset=UTF-8' }],
    ['form-urlencoded', { ...good, 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { ...good, 'content-type': 'multipart/form-data; boundary=x' }],
    ['a JSON look-alike type', { ...good, 'content-type': 'application/json-patch+json' }],
  ])('refuses %s with 403', (_label, headers) => {
    expect(checkTrustedRequest(post(headers), { requireBody: true })).toMatchObject({
      status: 403,
    });
  });

  it('refuses a missing content type (a body without one is text/plain to fetch)', () => {
    const req = new Request(`${APP}/api/trpc/x.y`, {
      method: 'POST',
      headers: { [REQUEST_HEADER]: REQUEST_HEADER_VALUE, origin: APP },
      body: new Uint8Array([123, 125]),
    });
    expect(req.headers.get('content-type')).toBeNull();
    expect(checkTrustedRequest(req, { requireBody: true })).toMatchObject({ status: 403 });
  });

  it.each([
    ['a foreign origin', 'https://evil.example'],
    ['a look-alike suffix', 'http://localhost:3000.evil.example'],
    ['another port', 'http://localhost:3001'],
    ['another scheme', 'https://localhost:3000'],
    ['the opaque origin "null"', 'null'],
  ])('refuses %s with 403', (_label, origin) => {
    expect(checkTrustedRequest(post({ ...good, origin }), { requireBody: true })).toMatchObject({
      status: 403,
    });
  });

  it('refuses a POST without an Origin header', () => {
    const { origin: _o, ...noOrigin } = good;
    expect(checkTrustedRequest(post(noOrigin), { requireBody: true })).toMatchObject({
      status: 403,
    });
  });

  it('refuses a missing or wrong custom header', () => {
    const { [REQUEST_HEADER]: _h, ...noHeader } = good;
    expect(checkTrustedRequest(post(noHeader), { requireBody: true })).toMatchObject({
      status: 403,
    });
    expect(
      checkTrustedRequest(post({ ...good, [REQUEST_HEADER]: '0' }), { requireBody: true }),
    ).toMatchObject({ status: 403 });
  });

  it('trusts no origin when APP_URL and AUTH_URL are both unset', () => {
    delete process.env.APP_URL;
    delete process.env.AUTH_URL;
    process.env.ALLOWED_ORIGINS = '';
    expect(isAllowedOrigin(APP)).toBe(false);
    expect(isAllowedOrigin('')).toBe(false);
    expect(checkTrustedRequest(post(good), { requireBody: true })).toMatchObject({ status: 403 });
  });
});

describe('checkTrustedRequest for health-data queries (requireBody: false)', () => {
  const get = (headers: Record<string, string>) =>
    new Request(`${APP}/api/trpc/x.y?input=%7B%7D`, { headers });

  it('accepts a same-origin GET with the header, with or without an Origin', () => {
    expect(
      checkTrustedRequest(get({ [REQUEST_HEADER]: REQUEST_HEADER_VALUE }), { requireBody: false }),
    ).toBeNull();
    expect(
      checkTrustedRequest(get({ [REQUEST_HEADER]: REQUEST_HEADER_VALUE, origin: APP }), {
        requireBody: false,
      }),
    ).toBeNull();
  });

  it('refuses a GET without the header (an <img> or a link) or from a foreign Origin', () => {
    expect(checkTrustedRequest(get({}), { requireBody: false })).toMatchObject({ status: 403 });
    expect(
      checkTrustedRequest(
        get({ [REQUEST_HEADER]: REQUEST_HEADER_VALUE, origin: 'https://evil.example' }),
        {
          requireBody: false,
        },
      ),
    ).toMatchObject({ status: 403 });
  });
});

describe('forbidden()', () => {
  it('answers the failure as JSON with no-store', async () => {
    const res = forbidden({ status: 403, message: 'Origin not allowed.' });
    expect(res.status).toBe(403);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: 'Origin not allowed.' });
  });
});
