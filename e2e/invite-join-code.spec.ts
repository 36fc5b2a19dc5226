/**
 * A team join code: the admin makes one (link + QR), a new person uses it on a phone and is told
 * their request waits for approval; the admin approves it and the coach's live board shows the
 * new athlete.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const SHOTS = process.env.INVITE_SHOTS;
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('join code: request on a phone, approval, live on the board', async ({ browser, page }) => {
  const stamp = Date.now().toString(36);
  const name = `Jo Joiner ${stamp}`;

  await signIn(page, 'admin@demo.club');
  await page.goto('/admin/invitations');
  await page.getByLabel('Team', { exact: true }).last().selectOption({ label: 'Road Squad' });
  // Other specs may have left codes: wait for this one (the newest is listed first).
  const cards = page.locator('[data-join-code-id]');
  // The form shows once the codes have loaded.
  await expect(page.getByRole('button', { name: 'Create join code' })).toBeEnabled();
  const before = await cards.count();
  await page.getByRole('button', { name: 'Create join code' }).click();
  await expect(cards).toHaveCount(before + 1);
  const codeId = await cards.first().getAttribute('data-join-code-id');
  const card = page.locator(`[data-join-code-id="${codeId}"]`);
  await expect(card).toContainText('Road Squad');
  await expect(card).toContainText('0 of 40');
  const link = (await card.locator('p.font-mono').textContent())?.trim() ?? '';
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);

  const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const coach = await coachContext.newPage();
  await signIn(coach, 'coach@demo.club');
  await expect(coach.locator('[data-connection=live]')).toBeVisible({ timeout: 15_000 });

  const phoneContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await phoneContext.newPage();
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Join Road Squad');
  await expectNoAxeViolations(phone);
  await phone.getByLabel('Your name').fill(name);
  await phone.getByLabel('Email').fill(`jo.${stamp}@example.org`);
  await phone.getByLabel('Choose a password').fill('joiner-password-1');
  await phone.getByRole('button', { name: 'Create account and ask to join' }).click();
  await expect(phone.getByRole('status')).toContainText('Request sent');
  await expectNoAxeViolations(phone);
  await shot(phone, 'join-request-sent');

  // Not on the board before approval.
  await expect(coach.locator('tr[data-athlete-id]', { hasText: name })).toHaveCount(0);

  await page.reload();
  const request = page.locator('[data-membership-id]', { hasText: name });
  await expect(request).toContainText('Asks to join Road Squad');
  await shot(page, 'join-request-listed');
  await request.getByRole('button', { name: `Approve ${name} for Road Squad` }).click();
  await expect(request).toHaveCount(0);
  await expect(card).toContainText('1 of 40');

  await expect(coach.locator('tr[data-athlete-id]', { hasText: name })).toHaveCount(1, {
    timeout: 15_000,
  });

  // The new athlete, already signed in, now lands on the check-in.
  await phone.getByRole('link', { name: 'Go to my page' }).click();
  await phone.waitForURL(/\/check-in$/);

  await Promise.all([coachContext.close(), phoneContext.close()]);
});
