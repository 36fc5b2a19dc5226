import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const SHOTS = process.env.DRILL_SHOTS; // a directory: also save screenshots there

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The demo athlete's id, read from the coach's squad board row. */
async function athleteIdFromBoard(page: Page, name: string): Promise<string> {
  await page.goto('/squad');
  const row = page.locator('tr[data-athlete-id]', { hasText: name });
  await expect(row).toHaveCount(1);
  const id = await row.getAttribute('data-athlete-id');
  expect(id).toBeTruthy();
  return id!;
}

/** Every chart has drawn: four canvases, each with some non-transparent pixels. */
async function expectChartsDrawn(page: Page) {
  const charts = page.locator('[role=img][data-chart-ready=true]');
  await expect(charts).toHaveCount(4);
  const painted = await charts.evaluateAll((nodes) =>
    nodes.map((node) => {
      const canvas = node.querySelector('canvas');
      if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
      const ctx = canvas.getContext('2d');
      if (!ctx) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    }),
  );
  expect(painted).toHaveLength(4);
  for (const n of painted) expect(n).toBeGreaterThan(500);
}

test.describe('athlete drill-down', () => {
  test('a red athlete: status, reasons with evidence and citations, four charts, history, a note; axe light and dark, phone and desktop', async ({
    page,
  }) => {
    // Five axe scans of a long page on a shared 2-core machine.
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, 'coach@demo.club');
    // Athlete 4 of Road Squad: a swelling red flag yesterday (server/services/demo).
    const id = await athleteIdFromBoard(page, 'Daniel Okoye');
    await page.goto(`/athletes/${id}`);

    // The first audited load can take seconds on a busy shared machine.
    await expect(page.getByRole('heading', { level: 1, name: 'Daniel Okoye' })).toBeVisible({
      timeout: 30_000,
    });
    const status = page.getByRole('region', { name: 'Status', exact: true });
    await expect(status.locator('[data-slot=level-badge][data-level=red]')).toBeVisible();
    await expect(page.getByTestId('status-action')).toContainText(/stop running/i);

    const reason = page.locator('li[data-rule-id="RF_SWELLING"]');
    await expect(reason).toBeVisible();
    await expect(reason).toContainText('Evidence C');
    await expect(reason).toContainText(
      'NHS knee red-flag pathways (Gloucestershire G-Care; Lothian RefHelp).',
    );
    // Every listed reason carries a grade; every cited key is shown as a full reference.
    const reasons = page.locator('li[data-rule-id]');
    expect(await reasons.count()).toBeGreaterThan(0);
    await expect(reasons.locator('[data-evidence]')).toHaveCount(await reasons.count());

    for (const title of ['Daily distance', 'Daily load', 'Knee pain', 'Wellness and sleep']) {
      await expect(page.getByRole('heading', { level: 3, name: title, exact: true })).toBeVisible();
      await expect(page.getByRole('img', { name: title, exact: true })).toBeVisible();
    }
    await expectChartsDrawn(page);
    // Each chart's numbers are also a table.
    const distance = page.getByRole('region', { name: 'Daily distance', exact: true });
    await distance.getByText('Show the numbers as a table').click();
    const numbers = distance.getByRole('table', { name: 'Daily distance: daily values' });
    await expect(numbers).toBeVisible();
    expect(await numbers.locator('tbody tr').count()).toBeGreaterThan(60);

    const history = page.getByRole('table', { name: /Check-ins of Daniel Okoye/ });
    await expect(history).toBeVisible();
    expect(await history.locator('tbody tr').count()).toBeGreaterThan(60);
    await expect(history.locator('tbody tr').first()).toContainText('Swelling');

    // The range switch reloads charts and history for 30 days.
    await page.getByRole('button', { name: '30 days' }).click();
    await expect(page.getByRole('button', { name: '30 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect.poll(() => history.locator('tbody tr').count()).toBeLessThanOrEqual(30);
    await expectChartsDrawn(page);

    const note = `Drill-down e2e note ${randomUUID().slice(0, 8)}: ice and rest, physio Thursday`;
    await page.getByLabel('New note').fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    const notes = page.getByRole('list', { name: 'Coach notes, newest first' });
    await expect(notes.getByText(note)).toBeVisible();
    await expect(page.getByLabel('New note')).toHaveValue('');

    await expectNoAxeViolations(page);
    await shot(page, 'desktop-light');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expectChartsDrawn(page);
    await expect(notes.getByText(note)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 375, height: 812 });
    await expectChartsDrawn(page);
    // The charts follow the narrower container.
    const width = await page
      .locator('[role=img][data-chart-ready=true] canvas')
      .first()
      .evaluate((c) => c.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);
    await shot(page, 'phone-dark');

    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await expectChartsDrawn(page);
    await expectNoAxeViolations(page);
  });

  test('a new alert appears live; the coach acknowledges and resolves it with a clinician clearance; the timeline shows who and when', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, 'coach@demo.club');
    const id = await athleteIdFromBoard(page, 'Kwame Mensah');
    await page.goto(`/athletes/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Kwame Mensah' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.locator('[data-connection=live]')).toBeVisible();
    await expect(page.locator('li[data-alert-id]')).toHaveCount(0);

    // Athlete 22 (green, no open alert) reports a locking knee: that opens a red alert, and the
    // open drill-down shows it without a reload (socket push, not the slow poll).
    const athlete = await browser.newContext();
    const athletePage = await athlete.newPage();
    await signIn(athletePage, 'athlete22@demo.club');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      new Date(),
    );
    const submitted = await athlete.request.post('/api/trpc/checkIn.submit', {
      headers: { 'content-type': 'application/json', 'x-loadline-request': '1', origin: baseURL! },
      data: {
        json: {
          idempotencyKey: randomUUID(),
          date: today,
          checkIn: { ran: false, morningPain: 3, redFlags: ['locking'] },
        },
      },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    await athlete.close();

    const alert = page.locator('li[data-alert-id][data-state=new]');
    await expect(alert).toHaveCount(1, { timeout: 15_000 });
    await expect(
      page.getByRole('region', { name: 'Status', exact: true }).locator('[data-level=red]'),
    ).toBeVisible();
    await expect(alert).toContainText('Knee locking or catching');
    await expect(alert.locator('li[data-action=opened]')).toBeVisible();

    await alert.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    const ackDialog = page.getByRole('dialog', { name: 'Acknowledge this alert' });
    await ackDialog.getByLabel('Note').fill('Called him, rest today');
    await expectNoAxeViolations(page);
    await ackDialog.getByRole('button', { name: 'Acknowledge alert' }).click();
    await expect(ackDialog).toBeHidden();
    const acknowledged = page.locator('li[data-alert-id][data-state=acknowledged]');
    await expect(acknowledged).toBeVisible();
    await expect(acknowledged.locator('li[data-action=acknowledged]')).toContainText(
      'Called him, rest today',
    );

    await acknowledged.getByRole('button', { name: 'Resolve', exact: true }).click();
    const resolveDialog = page.getByRole('dialog', { name: 'Resolve this alert' });
    await resolveDialog.getByRole('checkbox', { name: 'Cleared by a clinician' }).click();
    await resolveDialog.getByLabel('Clinician', { exact: true }).fill('Dr Ada Physio');
    await expect(
      resolveDialog.getByRole('checkbox', { name: 'Locking or catching' }),
    ).toHaveAttribute('aria-checked', 'true');
    await expectNoAxeViolations(page);
    await resolveDialog.getByRole('button', { name: 'Resolve alert' }).click();
    await expect(resolveDialog).toBeHidden();
    const resolved = page.locator('li[data-alert-id][data-state=resolved]');
    await expect(resolved).toBeVisible();
    await expect(resolved.locator('li[data-action=resolved]')).toBeVisible();
    await expect(resolved.getByRole('button')).toHaveCount(0);
    await expect(page.getByText('Dr Ada Physio')).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'alert-resolved');
  });
});
