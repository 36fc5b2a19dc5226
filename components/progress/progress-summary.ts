/**
 * Plain-text and table views of the progress series, so the chart is never the only way to read
 * it (screen readers, no canvas, colour-blind users). Pure functions of `me.progress` days.
 */

export interface SeriesDay {
  date: string;
  checkedIn: boolean;
  ran: boolean;
  km: number;
  morningPain: number | null;
  painDuring: number | null;
  redFlags: number;
}

export interface WeekRow {
  /** First and last date of the 7-day block (the last block ends today). */
  from: string;
  to: string;
  km: number;
  runs: number;
  checkIns: number;
  maxMorningPain: number | null;
  maxPainDuring: number | null;
  redFlagDays: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** `2026-03-07` → `7 Mar` (dates are calendar dates: no time zone applies). */
export function shortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

function maxOf(values: (number | null)[]): { value: number; index: number } | null {
  let best: { value: number; index: number } | null = null;
  values.forEach((v, index) => {
    // The latest day wins a tie: the most recent peak is the one worth mentioning.
    if (v !== null && (best === null || v >= best.value)) best = { value: v, index };
  });
  return best;
}

/** 7-day blocks ending today, newest first. */
export function weeklyRows(days: SeriesDay[]): WeekRow[] {
  const rows: WeekRow[] = [];
  for (let end = days.length; end > 0; end -= 7) {
    const block = days.slice(Math.max(0, end - 7), end);
    const first = block[0]!;
    const last = block[block.length - 1]!;
    rows.push({
      from: first.date,
      to: last.date,
      km: round1(block.reduce((s, d) => s + d.km, 0)),
      runs: block.filter((d) => d.ran).length,
      checkIns: block.filter((d) => d.checkedIn).length,
      maxMorningPain: maxOf(block.map((d) => d.morningPain))?.value ?? null,
      maxPainDuring: maxOf(block.map((d) => d.painDuring))?.value ?? null,
      redFlagDays: block.filter((d) => d.redFlags > 0).length,
    });
  }
  return rows;
}

/** A few sentences that say what the chart shows. */
export function summaryText(days: SeriesDay[]): string {
  if (days.length === 0) return 'No days to show.';
  const checked = days.filter((d) => d.checkedIn);
  const span = `the last ${days.length} days`;
  if (checked.length === 0) return `No check-ins in ${span}.`;
  const runs = days.filter((d) => d.ran);
  const total = round1(runs.reduce((s, d) => s + d.km, 0));
  const last7 = round1(days.slice(-7).reduce((s, d) => s + d.km, 0));
  const longest = maxOf(days.map((d) => (d.ran ? d.km : null)));
  const parts = [
    `In ${span}: ${checked.length} check-ins, ${runs.length} runs, ${total} km in total (${last7} km in the last 7 days).`,
  ];
  if (longest)
    parts.push(
      `Longest run ${round1(longest.value)} km on ${shortDate(days[longest.index]!.date)}.`,
    );
  const mornings = days.map((d) => d.morningPain);
  const morningValues = mornings.filter((v): v is number => v !== null);
  const morningMax = maxOf(mornings);
  if (morningMax && morningMax.value === 0) {
    parts.push(
      `No knee pain in the morning (0/10 on all ${morningValues.length} mornings recorded).`,
    );
  } else if (morningMax) {
    const mean = round1(morningValues.reduce((s, v) => s + v, 0) / morningValues.length);
    parts.push(
      `Knee pain in the morning: average ${mean}/10, highest ${morningMax.value}/10 on ${shortDate(days[morningMax.index]!.date)}.`,
    );
  } else {
    parts.push('No morning knee pain recorded.');
  }
  const during = maxOf(days.map((d) => d.painDuring));
  if (during && during.value === 0) {
    parts.push('No knee pain during runs (0/10 each time).');
  } else if (during) {
    parts.push(
      `Knee pain during runs: highest ${during.value}/10 on ${shortDate(days[during.index]!.date)}.`,
    );
  }
  const flagged = days.filter((d) => d.redFlags > 0);
  if (flagged.length > 0) {
    parts.push(
      `Warning signs reported on ${flagged.length} ${flagged.length === 1 ? 'day' : 'days'} (latest ${shortDate(flagged[flagged.length - 1]!.date)}).`,
    );
  }
  return parts.join(' ');
}

/** Axis tick positions: every 14th day counted back from today, so today always has a tick. */
export function tickIndexes(length: number, every = 14): number[] {
  const out: number[] = [];
  for (let i = length - 1; i >= 0; i -= every) out.unshift(i);
  return out;
}
