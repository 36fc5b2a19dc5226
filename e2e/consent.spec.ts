/**
 * Consent and data rights on a phone (security.md checks 23, 24): withdrawal with the history
 * hidden (the coach's drill-down answers 404), the consent step replacing the check-in form, a
 * junior's re-consent with their guardian, profile validation, the JSON and CSV exports, and
 * account deletion.
 *
 * This spec changes athlete40@demo.club (Finn Gallagher, 15, Track Squad) and finally DELETES the
 * account: other specs must not rely on athlete40.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const ATHLETE = 'athlete40@demo.club';
const NAME = 'Finn Gallagher';
const CLUB = 'Riverside Harriers (demo)';
const GUARDIAN = 'Ciaran Gallagher';
const SHOTS = process.env.CONSENT_SHOTS; // a directory: also save screenshots there

async function shot(page: Page, name: string, part?: Locator) {
  if (!SHOTS) return;
  const path = `${SHOTS}/${name}.png`;
  if (part) await part.screenshot({ path });
  else await page.screenshot({ path });
}

test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: 'serial' });

function clubCard(page: Page) {
  return page.locator('[data-club-consent]').filter({ hasText: CLUB });
}

/** The coach of Track Squad opens the athlete's drill-down; returns the HTTP status. */
async function coachOpensDrillDown(browser: Browser): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  try {
    await signIn(page, 'coach2@demo.club');
    const row = page.locator('tr[data-athlete-id]').filter({ hasText: NAME });
    await expect(row).toHaveCount(1);
    const athleteId = await row.getAttribute('data-athlete-id');
    const res = await page.goto(`/athletes/${athleteId}`);
    return res?.status() ?? 0;
  } finally {
    await context.close();
  }
}

test('withdrawing with the history hidden: check-ins stop and the coach sees nothing', async ({
  page,
  browser,
}) => {
  expect(await coachOpensDrillDown(browser)).toBe(200);

  await signIn(page, ATHLETE);
  await page.goto('/me');
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  const card = clubCard(page);
  await expect(card).toHaveAttribute('data-club-consent', 'given');
  await expect(card).toContainText(GUARDIAN);
  await expect(card).toContainText('Coaches see your history');
  await expectNoAxeViolations(page);
  await shot(page, 'me-top-light');
  await shot(page, 'me-consent-light', page.locator('#consent'));

  await card.getByRole('button', { name: 'Withdraw consent' }).click();
  const dialog = page.getByRole('dialog', { name: `Withdraw consent from ${CLUB}?` });
  await expect(dialog).toBeVisible();
  // The option's label covers the whole row (a bigger target); click it like a thumb would.
  await dialog.getByText('Hide it from coaches', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Hide it from coaches' })).toBeChecked();
  await expectNoAxeViolations(page);
  await shot(page, 'withdraw-dialog');
  await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toHaveAttribute('data-club-consent', 'withdrawn');
  await expect(card).toContainText('No, it is hidden');

  expect(await coachOpensDrillDown(browser)).toBe(404);
});

test('the consent step replaces the check-in form; a junior consents with their guardian', async ({
  page,
}) => {
  await signIn(page, ATHLETE);
  await page.goto('/check-in');
  const step = page.getByRole('form', { name: `Your consent for ${CLUB}` });
  await expect(step).toBeVisible();
  await expect(page.getByRole('switch', { name: 'I ran today' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Submit check-in' })).toHaveCount(0);
  await expect(
    step.getByRole('region', { name: 'Sharing your check-ins with your club' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing ticked: every missing answer is named, the first one gets focus.
  await step.getByRole('button', { name: 'Give consent' }).click();
  const guardianName = step.getByLabel('Parent or guardian’s full name');
  await expect(guardianName).toBeFocused();
  await expect(guardianName).toHaveAttribute('aria-invalid', 'true');
  await expect(step.getByText('enter the full name of the parent or guardian')).toBeVisible();
  await expect(step.getByText('Tick the box to say you agree.')).toBeVisible();
  await shot(page, 'consent-step-errors-light', step);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await shot(page, 'consent-step-errors-dark', step);
  await page.emulateMedia({ colorScheme: 'light' });

  await guardianName.fill(GUARDIAN);
  await step
    .getByRole('checkbox', { name: 'My parent or guardian has read this and agrees' })
    .click();
  await step.getByRole('checkbox', { name: /^I have read this and agree/ }).click();
  await step.getByRole('button', { name: 'Give consent' }).click();

  await expect(page.getByRole('switch', { name: 'I ran today' })).toBeVisible();
  await expect(step).toHaveCount(0);

  await page.goto('/me');
  const card = clubCard(page);
  await expect(card).toHaveAttribute('data-club-consent', 'given');
  await expect(card).toContainText(GUARDIAN);
  await expect(card).toContainText('Yes');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await shot(page, 'me-consent-dark', page.locator('#consent'));
  await shot(page, 'me-privacy-dark', page.locator('#your-data'));
  await page.emulateMedia({ colorScheme: 'light' });
});

test('profile: an unknown time zone is named as the problem; a valid one is saved', async ({
  page,
}) => {
  await signIn(page, ATHLETE);
  await page.goto('/me');
  const zone = page.getByLabel('Time zone', { exact: true });
  await zone.fill('Mars/Olympus_Mons');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Not a time zone we know')).toBeVisible();
  await expectNoAxeViolations(page);

  await zone.fill('Europe/Dublin');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved', { exact: true }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('Europe/Dublin');
});

test('export: all data as JSON and the check-ins as CSV', async ({ page }) => {
  await signIn(page, ATHLETE);
  await page.goto('/me');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download all my data (JSON)' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^loadline-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
    profile: { email: string; name: string };
    checkIns: unknown[];
    consents: { guardianName: string | null }[];
    shoes: unknown[];
  };
  expect(data.profile).toMatchObject({ email: ATHLETE, name: NAME });
  expect(data.checkIns.length).toBeGreaterThan(30);
  expect(data.consents.map((c) => c.guardianName)).toContain(GUARDIAN);
  expect(data.shoes.length).toBeGreaterThan(0);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download my check-ins (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const lines = (await readFile((await csv.path())!, 'utf8')).trim().split('\r\n');
  expect(lines[0]).toMatch(/^date,ran,distance_km,duration_min,rpe,/);
  expect(lines).toHaveLength(data.checkIns.length + 1);
});

test('deleting the account needs the password, then signs out for good', async ({ page }) => {
  await signIn(page, ATHLETE);
  await page.goto('/me');
  await page
    .getByRole('navigation', { name: 'Your privacy' })
    .getByRole('link', { name: 'Delete account' })
    .click();
  await expect(page).toHaveURL(/#delete-account$/);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
  await expect(dialog).toBeVisible();
  const password = dialog.getByLabel('Password');
  await password.fill('not my password');
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(dialog.getByText('That is not your password.')).toBeVisible();
  await expect(password).toBeFocused();
  await expectNoAxeViolations(page);
  await shot(page, 'delete-dialog');

  await password.fill('loadline-demo');
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));

  // The account is gone: signing in again fails, and the old pages are closed.
  await page.getByLabel('Email').fill(ATHLETE);
  await page.getByLabel('Password').fill('loadline-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login/);
});
