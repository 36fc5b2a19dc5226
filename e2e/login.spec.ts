import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test.describe('demo logins land on their page', () => {
  test('athlete without today’s check-in lands on /check-in', async ({ page }) => {
    // athlete24 has no check-in for the seeding day either, and no other spec checks in as them
    // (check-in.spec uses athletes 1–3, and specs share one database).
    await signIn(page, 'athlete24@demo.club');
    await expect(page).toHaveURL(/\/check-in$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('athlete whose check-in for today is done lands on /me with their name as h1', async ({
    page,
  }) => {
    await signIn(page, 'athlete10@demo.club');
    await expect(page).toHaveURL(/\/me$/);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).not.toHaveText('');
  });

  test('coach lands on the squad board of Road Squad', async ({ page }) => {
    await signIn(page, 'coach@demo.club');
    await expect(page).toHaveURL(/\/squad\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Road Squad' })).toBeVisible();
    // The demo's 24, give or take the athletes other specs of this run invite or delete.
    await expect(page.locator('tr[data-athlete-id]').first()).toBeVisible();
    expect(await page.locator('tr[data-athlete-id]').count()).toBeGreaterThanOrEqual(20);
  });

  test('second coach lands on Track Squad', async ({ page }) => {
    await signIn(page, 'coach2@demo.club');
    await expect(page.getByRole('heading', { level: 1, name: 'Track Squad' })).toBeVisible();
    await expect(page.locator('tr[data-athlete-id]').first()).toBeVisible();
    expect(await page.locator('tr[data-athlete-id]').count()).toBeGreaterThanOrEqual(14);
  });

  test('club admin lands on /admin', async ({ page }) => {
    await signIn(page, 'admin@demo.club');
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 2, name: /Members/ })).toBeVisible();
  });

  test('a wrong password is refused with a message, and logout ends the session', async ({
    page,
  }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('coach@demo.club');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).toContainText('do not match');

    await signIn(page, 'coach@demo.club');
    const cookies = await page.context().cookies();
    await page.getByRole('button', { name: /^Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    // A copy of the old cookie no longer works: the session was revoked on the server.
    const context2 = await page.context().browser()!.newContext();
    await context2.addCookies(cookies);
    const page2 = await context2.newPage();
    await page2.goto('/squad');
    await expect(page2).toHaveURL(/\/login/);
    await context2.close();
  });

  test('a coach cannot open another team’s board', async ({ page }) => {
    await signIn(page, 'coach2@demo.club');
    const track = page.url();
    await signOutViaApi(page);
    await signIn(page, 'coach@demo.club');
    const response = await page.goto(track);
    expect(response?.status()).toBe(404);
    await expect(page.locator('tr[data-athlete-id]')).toHaveCount(0);
  });

  test('forgot password: without a mail server the page sends people to their club admin', async ({
    page,
  }) => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/reset$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Forgot your password?' }),
    ).toBeVisible();
    // The e2e server has no SMTP_URL: no form that could only show a link to whoever typed an address.
    await expect(page.getByText(/does not send email/)).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await expect(page).toHaveURL(/\/login$/);
    // A dead reset link offers the way to a new one.
    await page.goto('/reset/not-a-real-reset-token');
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await expect(page).toHaveURL(/\/reset$/);
  });
});

async function signOutViaApi(page: import('@playwright/test').Page) {
  await page.evaluate(() =>
    fetch('/api/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-loadline-request': '1' },
      body: '{}',
    }),
  );
}
