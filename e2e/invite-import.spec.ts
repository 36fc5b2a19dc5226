/**
 * Roster import and export in the browser: a file with bad rows is refused row by row and nothing
 * is created; the fixed file creates the invitations and offers the links as a CSV download; the
 * roster export downloads the club's members. Axe on the preview, light and dark at 375 px.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const SHOTS = process.env.INVITE_SHOTS;
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('import: per-row errors, then all-or-nothing commit with a CSV of links; roster export', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, 'admin@demo.club');
  await page.goto('/admin/import');
  const stamp = Date.now().toString(36);
  const good = [
    'name,email,team,role',
    `Ola Import,ola.${stamp}@example.org,Road Squad,athlete`,
    `Per Import,per.${stamp}@example.org,Track Squad,coach`,
  ];
  const bad = [
    ...good,
    `Dup Import,ola.${stamp}@example.org,Road Squad,athlete`,
    `Lost Team,lost.${stamp}@example.org,Moon Squad,athlete`,
    'Known Athlete,athlete1@demo.club,Road Squad,athlete',
    'No Email,not-an-email,Road Squad,athlete',
  ].join('\n');

  await page.getByLabel('CSV file').setInputFiles({
    name: 'roster.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bad),
  });
  await expect(page.getByLabel('Or paste the rows')).toHaveValue(bad);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('5 of 6 rows need fixing')).toBeVisible();
  const rowAt = (line: number) => page.locator(`tr[data-line="${line}"]`);
  await expect(rowAt(2)).toContainText('appears more than once in the file (also on line 4)');
  await expect(rowAt(3)).toHaveAttribute('data-ok', 'true');
  await expect(rowAt(5)).toContainText('"Moon Squad" is not a team of this club');
  await expect(rowAt(6)).toContainText('is already an athlete of Road Squad');
  await expect(rowAt(7)).toContainText('"not-an-email" is not an email address');
  await expect(page.getByRole('button', { name: /^Create \d+ invitation/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, 'import-preview-errors-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await shot(page, 'import-preview-errors-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Fixed: only the good rows.
  await page.getByLabel('Or paste the rows').fill(good.join('\n'));
  await expect(
    page.getByText('The rows changed since this check: check the file again.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('All 2 rows are fine')).toBeVisible();
  await page.getByRole('button', { name: 'Create 2 invitations' }).click();
  await expect(page.getByText('2 invitations created')).toBeVisible();
  await shot(page, 'import-done');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download links (CSV)' }).click();
  const links = await readFile(await (await download).path(), 'utf8');
  const lines = links
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('name,email,team,role,link,expires_at');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(
    new RegExp(
      `^Ola Import,ola\\.${stamp}@example\\.org,Road Squad,athlete,http://[^,]+/invite/[\\w-]{43},`,
    ),
  );
  await expectNoAxeViolations(page);

  // The invitations are listed as pending.
  await page.goto('/admin/invitations');
  await expect(page.locator('tr[data-invite-id]', { hasText: 'Ola Import' })).toContainText(
    'Pending',
  );

  // Export of the roster.
  await page.goto('/admin/import');
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download roster (CSV)' }).click();
  const roster = await readFile(await (await exported).path(), 'utf8');
  expect(roster.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('name,email,team,role');
  expect(roster).toContain('coach@demo.club,Road Squad,coach');
  expect(roster).toContain('admin@demo.club,,admin');
});
