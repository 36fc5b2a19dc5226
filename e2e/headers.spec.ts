import { expect, signIn, test } from './fixtures';

test('HTML pages carry a nonce CSP and the hardening headers (security 13)', async ({
  request,
}) => {
  const res = await request.get('/login');
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['referrer-policy']).toBeTruthy();
  // A fresh nonce per response.
  const again = (await request.get('/login')).headers()['content-security-policy'];
  expect(again).not.toBe(csp);
});

test('the API never reflects a foreign Origin and health data is not cached', async ({
  request,
}) => {
  const res = await request.get('/api/trpc/me.get', {
    headers: { origin: 'https://evil.example' },
  });
  expect(res.headers()['access-control-allow-origin']).toBeUndefined();
  expect(res.headers()['cache-control']).toContain('no-store');
});

test('the session cookie is HttpOnly and SameSite=Lax (security 4)', async ({ page }) => {
  await signIn(page, 'athlete1@demo.club');
  const cookie = (await page.context().cookies()).find((c) =>
    c.name.endsWith('authjs.session-token'),
  );
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
});

test('a mutation without JSON, the custom header or our Origin is refused (security 12)', async ({
  page,
}) => {
  await signIn(page, 'athlete1@demo.club');
  const base = new URL(page.url()).origin;
  const attempts: Record<string, string>[] = [
    { 'content-type': 'text/plain', 'x-loadline-request': '1', origin: base },
    {
      'content-type': 'application/x-www-form-urlencoded',
      'x-loadline-request': '1',
      origin: base,
    },
    { 'content-type': 'application/json', origin: base },
    {
      'content-type': 'application/json',
      'x-loadline-request': '1',
      origin: 'https://evil.example',
    },
  ];
  for (const headers of attempts) {
    const res = await page.request.post('/api/auth/logout', { headers, data: '{}' });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
  }
  // Still signed in: nothing was written.
  await page.goto('/me');
  await expect(page).toHaveURL(/\/me$/);
});

test('health answers per the contract', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true, db: 'pglite' });
});
