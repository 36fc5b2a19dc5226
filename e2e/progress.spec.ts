import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const SHOTS = process.env.PROGRESS_SHOTS; // a directory: also save screenshots there

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** One part of the page, readable at phone size (a full-page shot of /me is very tall). */
async function shotOf(locator: Locator, name: string) {
  if (SHOTS) await locator.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The chart is a canvas that uPlot draws in the browser; wait until it has painted. */
async function expectChartDrawn(page: Page) {
  const canvas = page.getByTestId('progress-chart').locator('canvas');
  await expect(canvas).toHaveCount(1);
  await expect
    .poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0) return 0;
        const pixels = ctx.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
        return painted;
      }),
    )
    .toBeGreaterThan(500);
}

test.use({ viewport: { width: 390, height: 844 } });

test.describe('progress on /me and shoes (phone)', () => {
  test('status, chart with a text summary, history; add a shoe, pick it on today’s run, its km add up; axe light and dark', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // Athlete 13 checked in today (a run); nothing else in the suite touches them.
    await signIn(page, 'athlete13@demo.club');
    await page.goto('/me');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Laura Bennett');
    const status = page.getByTestId('my-status');
    await expect(status).toBeVisible();
    await expect(status.locator('[data-slot=level-badge]')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Last 90 days' })).toBeVisible();
    await expect(page.locator('#progress-summary')).toContainText(
      /In the last 90 days: \d+ check-ins/,
    );
    const chart = page.getByRole('img', { name: /daily distance and knee pain/ });
    await expect(chart).toHaveAttribute('aria-describedby', 'progress-summary');
    await expectChartDrawn(page);
    // The chart box keeps its height once drawn (no layout shift).
    expect(Math.round((await chart.boundingBox())!.height)).toBe(240);
    await page.getByText('Week by week (table)').click();
    await expect(page.getByRole('table', { name: /highest knee pain per week/ })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Your check-ins over the last 90 days' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, 'me-light');
    await shotOf(page.getByRole('region', { name: 'Your status', exact: true }), 'me-status-light');
    await shotOf(page.getByRole('region', { name: 'Last 90 days', exact: true }), 'me-chart-light');

    // Add a shoe that is 5 km short of the 800 km mark.
    const shoes = page.getByRole('region', { name: 'Shoes', exact: true });
    await shoes.getByRole('button', { name: 'Add shoe' }).click();
    await expect(shoes.getByLabel('Shoe name')).toBeFocused();
    await expect(shoes.getByLabel('Shoe name')).toHaveAttribute('aria-invalid', 'true');
    await shoes.getByLabel('Shoe name').fill('E2E Racer');
    await shoes.getByLabel('Km already on it').fill('795');
    await shoes.getByRole('button', { name: 'Add shoe' }).click();
    await expect(shoes.getByRole('status')).toHaveText('Added E2E Racer.');
    const racer = shoes.getByRole('listitem').filter({ hasText: 'E2E Racer' });
    await expect(racer).toContainText('795 km');
    await expect(racer).toContainText('0 runs');

    // Pick it on today's check-in (already saved: the form edits it).
    await page.goto('/check-in');
    const ran = page.getByRole('switch', { name: 'I ran today' });
    await expect(ran).toBeVisible();
    if ((await ran.getAttribute('aria-checked')) !== 'true') {
      await ran.click();
      await page
        .getByRole('radiogroup', { name: 'Effort (RPE 0–10)' })
        .getByRole('radio', { name: '4', exact: true })
        .click();
    }
    await page.getByLabel('Distance (km)').fill('6');
    await page.getByLabel('Duration (min)').fill('36');
    const shoe = page.getByLabel('Shoe', { exact: true });
    await shoe.selectOption({ label: 'E2E Racer (795 km)' });
    await page.getByLabel('Note', { exact: true }).fill('E2E-NOTE new racing shoes');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Submit check-in' }).click();
    await expect(page.getByRole('heading', { name: /Check-in saved/ })).toBeVisible();
    // 795 + 6 km: past 800, so the equipment rule explains itself.
    await expect(page.getByText('EQUIP_SHOE_MILEAGE')).toBeVisible();

    // Back on /me the shoe has the run's km; retire it and bring it back.
    await page.goto('/me');
    const racerAfter = page
      .getByRole('region', { name: 'Shoes', exact: true })
      .getByRole('listitem')
      .filter({ hasText: 'E2E Racer' });
    await expect(racerAfter).toContainText('801 km');
    await expect(racerAfter).toContainText('1 run');
    await expect(racerAfter).toContainText('Over 800 km');
    await racerAfter.getByRole('button', { name: 'Retire E2E Racer' }).click();
    await expect(racerAfter.getByText('Retired', { exact: true })).toBeVisible();
    await racerAfter.getByRole('button', { name: 'Use again E2E Racer' }).click();
    await expect(racerAfter.getByText('Retired', { exact: true })).toHaveCount(0);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expectChartDrawn(page);
    await expectNoAxeViolations(page);
    await shot(page, 'me-dark');
    await shotOf(page.getByRole('region', { name: 'Last 90 days', exact: true }), 'me-chart-dark');
    await shotOf(page.getByRole('region', { name: 'Shoes', exact: true }), 'me-shoes-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('a red-flag day: the athlete sees the coach was told, and who saw it and when, without a reload', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    // Athlete 14 (Road Squad) has no open alert; a warning sign opens one.
    await signIn(page, 'athlete14@demo.club');
    await page.goto('/check-in');
    await page.getByRole('checkbox', { name: 'Pain at night or at rest', exact: true }).click();
    await page.getByRole('button', { name: 'Submit check-in' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Your coach has been told.' }),
    ).toBeVisible();
    await expect(page.getByText('Your coach has been told; not seen yet.')).toBeVisible();

    await page.goto('/me');
    const alerts = page.getByRole('region', { name: 'Alerts to your coach' });
    const alert = alerts.locator('li[data-alert-id]').first();
    await expect(alert).toContainText('Knee pain at night or at rest');
    await expect(alert).toContainText('not seen yet');
    await expect(page.getByTestId('my-status')).toHaveAttribute('data-level', 'red');
    const alertId = await alert.getAttribute('data-alert-id');
    expect(alertId).toBeTruthy();

    // The coach acknowledges it (through the API the coach's page uses).
    const coach = await browser.newContext();
    const coachPage = await coach.newPage();
    await signIn(coachPage, 'coach@demo.club');
    const me = await coach.request.get('/api/trpc/me.get');
    const contexts = (await me.json()).result.data.json.contexts as { teamId: string | null }[];
    const teamId = contexts.find((c) => c.teamId)!.teamId!;
    const ack = await coach.request.post('/api/trpc/alerts.acknowledge', {
      headers: { 'content-type': 'application/json', 'x-loadline-request': '1', origin: baseURL! },
      data: { json: { teamId, alertId, note: 'E2E-ACK-NOTE' } },
    });
    expect(ack.status(), await ack.text()).toBe(200);
    await coach.close();

    // The athlete's open page picks it up by itself (polling), with the coach's name and time.
    await expect(alert).toContainText('Seen by Dave Jennings at', { timeout: 25_000 });
    await expect(alert.locator('time')).toHaveCount(2);
    // The coach's note is theirs.
    await expect(page.getByText('E2E-ACK-NOTE')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await shotOf(alerts, 'me-alert-seen');
  });
});
