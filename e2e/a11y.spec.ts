import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test.describe('every page passes an axe scan', () => {
  test('login', async ({ page }) => {
    await page.goto('/login');
    await expectNoAxeViolations(page);
  });

  test('invalid invitation link', async ({ page }) => {
    await page.goto('/invite/not-a-real-token-at-all');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link is not valid');
    await expectNoAxeViolations(page);
  });

  test('athlete pages', async ({ page }) => {
    await signIn(page, 'athlete1@demo.club');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/me');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('coach pages, light and dark, phone width', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, 'coach@demo.club');
    await expect(page.locator('tr[data-athlete-id]').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('tr[data-athlete-id]').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('tr[data-athlete-id] a').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Check-in history' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('admin page', async ({ page }) => {
    await signIn(page, 'admin@demo.club');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
