/**
 * Invitations end to end: the club admin invites an athlete to Road Squad; the new athlete opens
 * the one-time link on a phone, sets name and password, is signed in and lands on their page,
 * and the coach's live board (a third context) shows them without a reload. Plus the clear pages
 * for used and tampered links, and axe scans of the invitation pages, light and dark at 375 px.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const SHOTS = process.env.INVITE_SHOTS; // a directory: also save screenshots there
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'new-athlete-password';

async function newContextPage(browser: Browser, viewport = PHONE) {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

/** Admin creates a personal invitation through the form; returns the one-time link. */
async function inviteThroughForm(page: Page, who: { email: string; name: string }) {
  await page.goto('/admin/invitations');
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Role').selectOption('athlete');
  await page.getByLabel('Team', { exact: true }).first().selectOption({ label: 'Road Squad' });
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const result = page.getByRole('status').filter({ hasText: `Invitation for ${who.name}` });
  await expect(result).toBeVisible();
  await expect(result).toContainText('Email is not set up on this server');
  const link = (await result.locator('p.font-mono').textContent())?.trim() ?? '';
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  return link;
}

test('admin invites an athlete; they sign up on a phone and appear live on the coach’s board', async ({
  browser,
  page: adminPage,
}) => {
  const stamp = Date.now().toString(36);
  const athlete = { email: `nia.${stamp}@example.org`, name: `Nia Newcomer ${stamp}` };

  // The coach watches Road Squad's board.
  const coach = await newContextPage(browser, { width: 1280, height: 900 });
  await signIn(coach.page, 'coach@demo.club');
  await expect(coach.page).toHaveURL(/\/squad\/[0-9a-f-]{36}/);
  await expect(coach.page.locator('[data-connection=live]')).toBeVisible({ timeout: 15_000 });
  await expect(coach.page.locator('tr[data-athlete-id]', { hasText: athlete.name })).toHaveCount(0);

  await signIn(adminPage, 'admin@demo.club');
  const link = await inviteThroughForm(adminPage, athlete);
  await shot(adminPage, 'admin-invitation-created');
  // The list shows it as pending (the link itself is not listed).
  const row = adminPage.locator('tr[data-invite-id]', { hasText: athlete.name });
  await expect(row).toContainText('Pending');

  // The athlete opens the link on a phone.
  const phone = await newContextPage(browser);
  await phone.page.goto(new URL(link).pathname);
  await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText(
    'Join Riverside Harriers (demo)',
  );
  await expect(phone.page.getByText('invited as an athlete of Road Squad')).toBeVisible();
  await expect(phone.page.getByLabel('Email')).toHaveValue(athlete.email);
  await expect(phone.page.getByLabel('Your name')).toHaveValue(athlete.name);
  await shot(phone.page, 'phone-invite');
  // A short password is refused with the field named; nothing is lost.
  await phone.page.getByLabel('Choose a password').fill('short');
  await phone.page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(phone.page.getByText('Use at least 10 characters')).toBeVisible();
  await expect(phone.page.getByLabel('Your name')).toHaveValue(athlete.name);
  await phone.page.getByLabel('Choose a password').fill(PASSWORD);
  await phone.page.getByRole('button', { name: 'Create account and join' }).click();

  // Signed in and on their page (athletes land on the check-in, where consent comes first).
  await phone.page.waitForURL(/\/check-in$/);
  await expect(phone.page.getByRole('main')).toBeVisible();
  await shot(phone.page, 'phone-landed');

  // The coach's board shows the new athlete live, without a reload.
  await expect(coach.page.locator('tr[data-athlete-id]', { hasText: athlete.name })).toHaveCount(
    1,
    {
      timeout: 15_000,
    },
  );
  await shot(coach.page, 'coach-board-new-athlete');

  // The link is used now: a clear page, not an error.
  const again = await newContextPage(browser);
  await again.page.goto(new URL(link).pathname);
  await expect(again.page.getByRole('heading', { level: 1 })).toHaveText(
    'This invitation has already been used',
  );
  // The admin's list says so too.
  await adminPage.reload();
  await expect(adminPage.locator('tr[data-invite-id]', { hasText: athlete.name })).toContainText(
    'Accepted',
  );

  await Promise.all([coach.context.close(), phone.context.close(), again.context.close()]);
});

test('a tampered link gets a clear page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link is not valid');
  await expect(page.getByText('Copy the whole link')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to sign in' })).toBeVisible();
});

test('invitation pages pass axe, light and dark, at 375 px', async ({ browser, page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, 'admin@demo.club');
  const link = await inviteThroughForm(page, {
    email: `axe.${Date.now().toString(36)}@example.org`,
    name: 'Axe Runner',
  });
  // A join code too, so its card and QR dialog are scanned.
  await page.getByRole('button', { name: 'Create join code' }).click();
  await expect(page.getByRole('list', { name: 'Active join codes' })).toBeVisible();

  const visitor = await newContextPage(browser, { width: 375, height: 812 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await visitor.page.emulateMedia({ colorScheme: scheme });

    await page.goto('/admin/invitations');
    await expect(page.getByRole('list', { name: 'Active join codes' })).toBeVisible();
    await expect(page.locator('tr[data-invite-id]').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, `admin-invitations-${scheme}`);
    await page.getByRole('button', { name: 'Show QR code' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('img', { name: /QR code of the join link for/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, `admin-qr-${scheme}`);
    await page.keyboard.press('Escape');

    await page.goto('/admin/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import roster' })).toBeVisible();
    await expectNoAxeViolations(page);

    await visitor.page.goto(new URL(link).pathname);
    await expect(visitor.page.getByRole('heading', { level: 1 })).toContainText('Join');
    await expectNoAxeViolations(visitor.page);
    await shot(visitor.page, `invite-page-${scheme}`);
    await visitor.page.goto('/invite/not-a-real-token-at-all');
    await expectNoAxeViolations(visitor.page);
  }
  await visitor.context.close();
});
