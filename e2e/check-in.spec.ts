import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const SHOTS = process.env.CHECKIN_SHOTS; // a directory: also save screenshots there

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function pick(page: Page, group: string, value: string) {
  await page
    .getByRole('radiogroup', { name: group })
    .getByRole('radio', { name: value, exact: true })
    .click();
}

test.use({ viewport: { width: 390, height: 844 } });

test.describe('daily check-in', () => {
  test('a normal day: ran, pain, sleep → status; axe clean', async ({ page }) => {
    await signIn(page, 'athlete1@demo.club');
    await page.goto('/check-in');
    const ran = page.getByRole('switch', { name: 'I ran today' });
    await expect(ran).toBeVisible();
    await expect(page.getByLabel('Distance (km)')).toHaveCount(0);
    // Pain starts unset.
    const morning = page.getByRole('radiogroup', { name: 'Knee pain this morning' });
    await expect(morning.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(morning.getByRole('radio')).toHaveCount(11);

    await ran.click();
    await expectNoAxeViolations(page);
    await shot(page, 'form-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'form-dark');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'light' });

    // Required run fields are checked before sending; the first invalid one gets focus.
    await page.getByRole('button', { name: 'Submit check-in' }).click();
    await expect(page.getByLabel('Distance (km)')).toBeFocused();
    await expect(page.getByLabel('Distance (km)')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Distance (km)').fill('8');
    await page.getByLabel('Duration (min)').fill('45');
    await pick(page, 'Effort (RPE 0–10)', '4');
    await pick(page, 'Knee pain this morning', '1');
    await pick(page, 'Knee pain during the run', '2');
    await page.getByLabel('Hours of sleep').fill('8');
    await pick(page, 'Sleep quality', '4');
    await expect(morning.getByRole('radio', { name: '1', exact: true })).toHaveAttribute(
      'aria-checked',
      'true',
    );

    await page.getByRole('button', { name: 'Submit check-in' }).click();
    await expect(page.getByRole('heading', { name: /Check-in saved/ })).toBeVisible();
    await expect(page.locator('[data-slot=level-badge]')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Why?' })).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'result-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'result-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Edit today's check-in: the form comes back prefilled.
    await page.getByRole('button', { name: "Edit today's check-in" }).click();
    await expect(page.getByRole('switch', { name: 'I ran today' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(page.getByLabel('Distance (km)')).toHaveValue('8');
    await page.getByLabel('Distance (km)').fill('10');
    await page.getByRole('button', { name: 'Submit check-in' }).click();
    await expect(page.getByRole('heading', { name: /Check-in saved/ })).toBeVisible();

    // After a reload the stored check-in prefills the form.
    await page.reload();
    await expect(page.getByLabel('Distance (km)')).toHaveValue('10');
    await expect(
      page
        .getByRole('radiogroup', { name: 'Knee pain this morning' })
        .getByRole('radio', { name: '1', exact: true }),
    ).toHaveAttribute('aria-checked', 'true');
  });

  test('a red flag: urgent guidance first and the coach is told', async ({ page }) => {
    await signIn(page, 'athlete2@demo.club');
    await page.goto('/check-in');
    const swelling = page.getByRole('checkbox', { name: 'Swelling', exact: true });
    await expect(swelling).toHaveAccessibleDescription(/puffy/);
    await swelling.click();
    await page.getByRole('button', { name: 'Submit check-in' }).click();
    const urgent = page.getByRole('alert').filter({ hasText: 'Your coach has been told.' });
    await expect(urgent).toBeVisible();
    // The urgent guidance comes before the level and the reasons.
    const order = await page.evaluate(() => {
      const alert = document.querySelector('[data-variant=destructive]');
      const heading = document.getElementById('result-heading');
      return alert && heading
        ? Boolean(alert.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING)
        : false;
    });
    expect(order).toBe(true);
    await expect(page.locator('[data-slot=level-badge][data-level=red]')).toBeVisible();
    await shot(page, 'red-flag');
    await expectNoAxeViolations(page);
  });

  test('the morning after a run asks for this morning’s knee pain first', async ({ page }) => {
    await signIn(page, 'athlete3@demo.club');
    await page.goto('/check-in');
    // Make sure yesterday had a run: edit yesterday.
    await page.getByRole('button', { name: 'Edit yesterday instead' }).click();
    const ran = page.getByRole('switch', { name: 'I ran today' });
    if ((await ran.getAttribute('aria-checked')) !== 'true') await ran.click();
    await page.getByLabel('Distance (km)').fill('6');
    await page.getByLabel('Duration (min)').fill('35');
    await pick(page, 'Effort (RPE 0–10)', '3');
    await page.getByRole('button', { name: 'Submit check-in' }).click();
    await expect(page.getByRole('heading', { name: /Check-in saved/ })).toBeVisible();

    await page.getByRole('button', { name: 'Back to today' }).click();
    const prompt = page.getByRole('region', { name: /You ran yesterday/ });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByRole('radiogroup', { name: 'Knee pain this morning' })).toBeVisible();

    // "Same as yesterday" copies sleep and wellness, never pain or flags.
    await page.getByRole('button', { name: 'Same as yesterday' }).click();
    await expect(
      page
        .getByRole('radiogroup', { name: 'Knee pain this morning' })
        .getByRole('radio', { checked: true }),
    ).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: 'Swelling', exact: true })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    await pick(page, 'Knee pain this morning', '0');
    await page.getByRole('button', { name: 'Submit check-in' }).click();
    await expect(page.getByRole('heading', { name: /Check-in saved/ })).toBeVisible();
  });
});
