import { LevelBadge } from '@/components/ui/level-badge';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { FLAG_LABELS } from '@/lib/risk/rules';
import type { Flag } from '@/lib/risk/types';
import { wellnessOf } from './daily-series';

export interface HistoryCheckIn {
  id: string;
  date: string;
  ran: boolean;
  distanceKm: number | null;
  durationMin: number | null;
  rpe: number | null;
  runType: string | null;
  morningPain: number | null;
  painDuring: number | null;
  painTrend: string | null;
  redFlags: string[] | null;
  sleepHours: number | null;
  sleepQuality: number | null;
  stress: number | null;
  fatigue: number | null;
  soreness: number | null;
  mood: number | null;
  note: string | null;
}

const dash = '—';
const TREND: Record<string, string> = {
  none: 'no pain',
  faded: 'faded',
  stayed: 'stayed',
  worsened: 'worsened',
};

function flagLabel(flag: string): string {
  return FLAG_LABELS[flag as Flag] ?? flag;
}

/**
 * The check-in history of the drill-down, newest first, with the day's level: the same numbers
 * the charts draw, readable without them (and by screen readers).
 */
export function CheckInHistory({
  rows,
  levels,
  caption,
}: {
  /** Oldest first, as the API returns them. */
  rows: HistoryCheckIn[];
  levels: Map<string, { level: 'green' | 'amber' | 'red'; score: number }>;
  caption: string;
}) {
  if (rows.length === 0) {
    return <p className="text-sm text-muted-foreground">No check-ins in this period.</p>;
  }
  return (
    <Table scrollLabel={caption} containerClassName="rounded-lg border bg-card">
      <caption className="sr-only">{caption}</caption>
      <THead>
        <Tr>
          <Th>Date</Th>
          <Th>Level</Th>
          <Th>Run</Th>
          <Th className="text-right">Effort</Th>
          <Th className="text-right">Load</Th>
          <Th className="text-right">Morning pain</Th>
          <Th className="text-right">Pain in run</Th>
          <Th>Red flags</Th>
          <Th className="text-right">Sleep</Th>
          <Th className="text-right">Wellness</Th>
          <Th>Note</Th>
        </Tr>
      </THead>
      <TBody>
        {[...rows].reverse().map((r) => {
          const day = levels.get(r.date);
          const wellness = wellnessOf(r);
          const load =
            r.ran && r.rpe !== null && r.durationMin !== null ? r.rpe * r.durationMin : null;
          return (
            <Tr key={r.id} data-date={r.date}>
              <Td className="whitespace-nowrap">{r.date}</Td>
              <Td>
                {day ? (
                  <LevelBadge level={day.level} label={`${levelWord(day.level)} ${day.score}`} />
                ) : (
                  dash
                )}
              </Td>
              <Td className="whitespace-nowrap">
                {r.ran
                  ? `${(r.distanceKm ?? 0).toFixed(1)} km · ${Math.round(r.durationMin ?? 0)} min${r.runType ? ` · ${r.runType}` : ''}`
                  : 'Rest day'}
              </Td>
              <Td className="text-right">{r.rpe ?? dash}</Td>
              <Td className="text-right">{load === null ? dash : Math.round(load)}</Td>
              <Td className="text-right">
                {r.morningPain === null ? dash : `${r.morningPain}/10`}
              </Td>
              <Td className="text-right whitespace-nowrap">
                {r.painDuring === null
                  ? dash
                  : `${r.painDuring}/10${r.painTrend ? ` (${TREND[r.painTrend] ?? r.painTrend})` : ''}`}
              </Td>
              <Td className="min-w-32">
                {r.redFlags?.length ? (
                  <span className="font-medium text-level-red">
                    {r.redFlags.map(flagLabel).join(', ')}
                  </span>
                ) : (
                  dash
                )}
              </Td>
              <Td className="text-right whitespace-nowrap">
                {r.sleepHours === null ? dash : `${r.sleepHours} h`}
              </Td>
              <Td className="text-right">{wellness === null ? dash : wellness.toFixed(1)}</Td>
              <Td className="max-w-64 min-w-40 text-sm">{r.note ?? dash}</Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

function levelWord(level: 'green' | 'amber' | 'red'): string {
  return level === 'green' ? 'Green' : level === 'amber' ? 'Amber' : 'Red';
}
