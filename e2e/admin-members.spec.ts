/**
 * Club administration (issue 6): settings, teams, moving an athlete while the coach's board is
 * open, removing a coach whose board then stops receiving updates, a password-reset link, the audit
 * log, and axe scans of every admin page at 375 px in light and dark.
 *
 * Demo data it touches, and leaves as it found it: Sean McCarthy (athlete 20, Road Squad) is moved
 * to a new team and back; Priya Nair (coach2) coaches Road Squad for a while; escalation hours are
 * set back to 4; athlete 39's password is "reset" to the demo password. Ben Harrison (athlete 16)
 * reports a red flag. Other specs use athletes 1–3, 10, 13, 14, 18, 21, 22, 24 and 40.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from './fixtures';

const SHOTS = process.env.ADMIN_SHOTS; // a directory: also save screenshots there

async function shot(page: Page, name: string, fullPage = true) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

const boardRows = (page: Page) => page.locator('tbody tr[data-athlete-id]');
const boardRow = (page: Page, name: string) =>
  page.locator('tr[data-athlete-id]', { hasText: name });

async function newPage(
  browser: Browser,
  email: string,
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, email);
  return { ctx, page };
}

const toast = (page: Page, text: string) =>
  page.getByRole('region', { name: 'Notifications' }).getByText(text, { exact: true }).first();

async function waitLive(page: Page) {
  await expect(page.locator('[data-connection=live]')).toBeVisible({ timeout: 15_000 });
}

/** Opens the member dialog of `who`, found by `search` (their name unless given). */
async function manage(page: Page, who: string, search = who) {
  await page.goto('/admin/members');
  await page.getByRole('searchbox', { name: 'Search members' }).fill(search);
  await page.getByRole('button', { name: `Manage ${who}`, exact: true }).click();
  return page.getByRole('dialog', { name: who });
}

/** The athlete reports a red flag through the API, as the check-in form would. */
async function postRedFlag(browser: Browser, baseURL: string, email: string, flag: string) {
  const { ctx, page } = await newPage(browser, email);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const res = await page.request.post('/api/trpc/checkIn.submit', {
    headers: { 'content-type': 'application/json', 'x-loadline-request': '1', origin: baseURL },
    data: {
      json: {
        idempotencyKey: randomUUID(),
        date: today,
        checkIn: { ran: false, morningPain: 2, redFlags: [flag] },
      },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  await ctx.close();
}

test.describe('club administration', () => {
  test('admin changes a setting, creates a team and moves an athlete; the coach’s open board follows live', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, 'admin@demo.club');
    await expect(page).toHaveURL(/\/admin$/);
    const coach = await newPage(browser, 'coach@demo.club');
    await expect(coach.page).toHaveURL(/\/squad\/[0-9a-f-]{36}/);
    await waitLive(coach.page);
    await expect(boardRows(coach.page)).toHaveCount(24);

    // Settings: a bad value is refused beside its field, a good one saved and audited.
    await page
      .getByRole('navigation', { name: 'Club admin' })
      .getByRole('link', { name: 'Settings' })
      .click();
    const hours = page.getByLabel('Escalate unacknowledged red alerts after (hours)');
    await expect(hours).toHaveValue('4');
    await hours.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('At least 1')).toBeVisible();
    await expect(hours).toHaveAttribute('aria-invalid', 'true');
    await hours.fill('6');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(toast(page, 'Settings saved')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Escalate unacknowledged red alerts after (hours)')).toHaveValue(
      '6',
    );
    await shot(page, 'settings');

    // Teams: a new one.
    await page.goto('/admin/teams');
    await page.getByRole('button', { name: 'New team' }).click();
    const dialog = page.getByRole('dialog', { name: 'New team' });
    await dialog.getByLabel('Team name').fill('Hill Squad');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await expect(dialog).toBeHidden();
    const hill = page.getByRole('row', { name: /Hill Squad/ });
    await expect(hill).toContainText('No coach');
    await expect(hill.getByRole('cell').nth(1)).toHaveText('0');
    await shot(page, 'teams');

    // Members: move Sean McCarthy to the new team; the coach's board drops him without a reload.
    const sean = await manage(page, 'Sean McCarthy');
    await sean.getByRole('button', { name: 'Move to another team' }).click();
    await sean.getByLabel('Move to team').selectOption({ label: 'Hill Squad' });
    await shot(page, 'move-dialog');
    await sean.getByRole('button', { name: 'Move athlete' }).click();
    await expect(sean.getByText('Athlete · Hill Squad')).toBeVisible();
    await expect(boardRow(coach.page, 'Sean McCarthy')).toHaveCount(0);
    await expect(boardRows(coach.page)).toHaveCount(23);
    // …and back again, so the demo stays as it was.
    await sean.getByRole('button', { name: 'Move to another team' }).click();
    await sean.getByLabel('Move to team').selectOption({ label: 'Road Squad' });
    await sean.getByRole('button', { name: 'Move athlete' }).click();
    await expect(sean.getByText('Athlete · Road Squad')).toBeVisible();
    await expect(boardRow(coach.page, 'Sean McCarthy')).toHaveCount(1);
    await expect(boardRows(coach.page)).toHaveCount(24);
    await page.keyboard.press('Escape');

    // The audit log names who moved whom.
    await page.goto('/admin/audit');
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Action').selectOption({ label: 'Moved an athlete' });
    const moves = page.getByRole('table').locator('tbody tr');
    await expect(moves).toHaveCount(2);
    await expect(moves.first()).toContainText('Alex Whitfield');
    await expect(moves.first()).toContainText('Sean McCarthy');
    await expect(moves.first()).toContainText('Road Squad');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    await shot(page, 'audit');

    // With health data allowed for admins, the overview shows levels (and audits the view).
    await page.goto('/admin/settings');
    const health = page.getByRole('switch', { name: 'Admins can see athletes’ health data' });
    await expect(health).toHaveAttribute('aria-checked', 'false');
    await health.click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(toast(page, 'Settings saved')).toBeVisible();
    await page.goto('/admin');
    await expect(page.getByText('Health levels are visible to admins')).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Level' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ben Harrison' })).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'overview-with-health');
    await page.goto('/admin/audit');
    await page.getByText('Filters', { exact: true }).click();
    await page
      .getByLabel('Action')
      .selectOption({ label: 'Viewed club overview with health levels' });
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(2);

    // Put the settings back.
    await page.goto('/admin/settings');
    await page.getByRole('switch', { name: 'Admins can see athletes’ health data' }).click();
    await page.getByLabel('Escalate unacknowledged red alerts after (hours)').fill('4');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(toast(page, 'Settings saved')).toBeVisible();
    await page.goto('/admin');
    await expect(page.getByRole('columnheader', { name: 'Level' })).toHaveCount(0);
    await coach.ctx.close();
  });

  test('an admin removes a coach: the open board stops receiving updates; a reload shows nothing', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, 'admin@demo.club');
    const control = await newPage(browser, 'coach@demo.club');
    await expect(control.page).toHaveURL(/\/squad\/[0-9a-f-]{36}/);
    const roadBoard = new URL(control.page.url()).pathname;

    // Priya Nair (Track Squad) also coaches Road Squad for a while.
    const priya = await manage(page, 'Priya Nair');
    await priya.getByLabel('Team to coach').selectOption({ label: 'Road Squad' });
    await priya.getByRole('button', { name: 'Assign as coach' }).click();
    await expect(priya.getByText('Coach · Road Squad')).toBeVisible();

    const removed = await newPage(browser, 'coach2@demo.club');
    await removed.page.goto(roadBoard);
    await waitLive(removed.page);
    await waitLive(control.page);
    const before = await boardRow(removed.page, 'Ben Harrison').getAttribute('data-level');
    expect(before).not.toBe('red');

    // Unassign her from Road Squad (with a confirmation).
    await priya
      .locator('li', { hasText: 'Coach · Road Squad' })
      .getByRole('button', { name: 'Unassign from team' })
      .click();
    const confirm = page.getByRole('alertdialog', { name: 'Unassign this coach?' });
    await shot(page, 'confirm-unassign');
    await confirm.getByRole('button', { name: 'Unassign coach' }).click();
    await expect(priya.getByText('Coach · Road Squad')).toHaveCount(0);

    // A red flag on Road Squad reaches the remaining coach live, not the removed one.
    await postRedFlag(browser, baseURL!, 'athlete16@demo.club', 'swelling');
    await expect(boardRow(control.page, 'Ben Harrison')).toHaveAttribute('data-level', 'red');
    await removed.page.waitForTimeout(2000);
    await expect(boardRow(removed.page, 'Ben Harrison')).toHaveAttribute('data-level', before!);

    // Her next request sees nothing of the team.
    const response = await removed.page.reload();
    expect(response?.status()).toBe(404);
    await expect(boardRows(removed.page)).toHaveCount(0);
    await expect(removed.page.getByText('Ben Harrison')).toHaveCount(0);
    await removed.ctx.close();
    await control.ctx.close();
  });

  test('a password-reset link: issued by the admin, used once by the member', async ({
    page,
    browser,
  }) => {
    await signIn(page, 'admin@demo.club');
    const member = await manage(page, 'Isla Mackenzie', 'athlete39@demo.club');
    await member.getByRole('button', { name: 'Create password-reset link' }).click();
    const link = await member.getByLabel('Password-reset link').inputValue();
    expect(link).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
    await shot(page, 'reset-link');

    const ctx = await browser.newContext();
    const reset = await ctx.newPage();
    await reset.goto(new URL(link).pathname);
    await expect(reset.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
    await reset.getByLabel('New password', { exact: true }).fill(DEMO_PASSWORD);
    await reset.getByLabel('Repeat the new password').fill('something else');
    await reset.getByRole('button', { name: 'Set new password' }).click();
    await expect(reset.getByText('The two passwords are not the same')).toBeVisible();
    await reset.getByLabel('Repeat the new password').fill(DEMO_PASSWORD);
    await reset.getByRole('button', { name: 'Set new password' }).click();
    await expect(reset.getByText('Your password is changed')).toBeVisible();
    await reset.goto(new URL(link).pathname);
    await expect(reset.getByRole('heading', { level: 1 })).toHaveText(
      'This link has already been used',
    );
    await reset.goto('/reset/this-is-not-a-real-reset-token');
    await expect(reset.getByRole('heading', { level: 1 })).toHaveText('This link is not valid');
    await expectNoAxeViolations(reset);
    await signIn(reset, 'athlete39@demo.club');
    await expect(reset).not.toHaveURL(/\/login/);
    await ctx.close();
  });

  test('every admin page passes axe at 375 px, light and dark', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, 'admin@demo.club');
    const pages: [string, string, (p: Page) => Promise<void>][] = [
      ['/admin', 'overview', (p) => expect(p.getByRole('table')).toBeVisible()],
      ['/admin/members', 'members', (p) => expect(p.getByRole('table')).toBeVisible()],
      ['/admin/teams', 'teams-list', (p) => expect(p.getByRole('table')).toBeVisible()],
      ['/admin/audit', 'audit-log', (p) => expect(p.getByRole('table')).toBeVisible()],
      [
        '/admin/settings',
        'settings-form',
        (p) => expect(p.getByRole('button', { name: 'Save settings' })).toBeVisible(),
      ],
    ];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [path, name, ready] of pages) {
        await page.goto(path);
        await ready(page);
        await expectNoAxeViolations(page);
        await shot(page, `${name}-${scheme}-375`, false);
      }
      // The member dialog and a confirmation, too.
      const dialog = await manage(page, 'Dave Jennings');
      await expect(dialog.getByRole('heading', { name: 'Memberships' })).toBeVisible();
      await expectNoAxeViolations(page);
      await shot(page, `member-dialog-${scheme}-375`, false);
      await dialog.getByRole('button', { name: 'Deactivate' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
      await page.keyboard.press('Escape');
    }
  });
});
