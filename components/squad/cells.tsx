'use client';
/**
 * The board's cells. Every cell has a fixed shape (same lines, same widths, truncation instead of
 * wrapping), so a live update changes text in place and never moves the row or a column. Colour
 * is never the only signal: each level, trend and state also has an icon and a word.
 */
import {
  ArrowDownRight,
  ArrowRight,
  ArrowUpRight,
  BellRing,
  CheckCircle2,
  CircleCheck,
  Clock,
  Loader2,
  OctagonAlert,
  TriangleAlert,
} from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { LevelBadge } from '@/components/ui/level-badge';
import { cn } from '@/components/ui/utils';
import { RULES, type RuleId } from '@/lib/risk/rules';
import { useBoardContext } from './board-context';
import { levelOf, reasonText, type ViewRow } from './board-model';
import { formatInstant, formatKm, relativeDay, shortRelativeDay } from './format';
import { SparkBar } from './spark-bar';

/** Two-line cells that keep both parts put them side by side in the compact density. */
const compactRow =
  'group-data-[density=compact]/board:flex-row group-data-[density=compact]/board:items-center group-data-[density=compact]/board:gap-1.5';

/** Second lines of two-line cells: hidden in the compact density. */
const secondLine =
  'truncate text-xs text-muted-foreground group-data-[density=compact]/board:hidden';

export function NameCell({ row }: { row: ViewRow }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <Link
        href={`/athletes/${row.athleteId}`}
        // Not prefetched: a board of hundreds of athletes would fetch every drill-down it shows.
        prefetch={false}
        data-row-link=""
        tabIndex={-1}
        className="truncate rounded-sm font-medium underline-offset-4 hover:underline"
      >
        {row.name}
      </Link>
      {/* Phones show the essentials of the hidden columns under the name. */}
      <div className="flex min-w-0 items-center gap-2 md:hidden">
        <LevelBadge level={levelOf(row)} className="w-20" />
        <span className="min-w-0 truncate text-xs text-muted-foreground">{reasonText(row)}</span>
      </div>
      <div className="md:hidden">
        <CheckInState row={row} compact />
      </div>
    </div>
  );
}

export function LevelCell({ row }: { row: ViewRow }) {
  return <LevelBadge level={levelOf(row)} />;
}

export function ScoreCell({ row }: { row: ViewRow }) {
  if (row.score === null) {
    return (
      <span className="text-muted-foreground">
        <span aria-hidden="true">—</span>
        <span className="sr-only">Not scored</span>
      </span>
    );
  }
  return <span className="font-medium tabular-nums">{row.score}</span>;
}

export function ReasonCell({ row }: { row: ViewRow }) {
  const text = reasonText(row);
  const detail = row.topReason?.detail ?? null;
  const ruleId = row.topReason?.ruleId;
  const isFlag = ruleId?.startsWith('RF_') && ruleId in RULES;
  return (
    <div className="flex min-w-0 flex-col gap-0.5" title={detail ? `${text}: ${detail}` : text}>
      <span className={cn('truncate', isFlag && 'font-medium')}>
        {isFlag ? (
          <OctagonAlert
            aria-hidden="true"
            className="mr-1 -mt-0.5 inline size-3.5 text-level-red"
          />
        ) : null}
        {isFlag ? <span className="sr-only">Red flag: </span> : null}
        {text}
      </span>
      <span className={secondLine}>
        {detail ?? (ruleId && ruleId in RULES ? RULES[ruleId as RuleId].title : '\u00a0')}
      </span>
    </div>
  );
}

export function KmCell({ row }: { row: ViewRow }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-10 shrink-0 text-right font-medium tabular-nums">{formatKm(row.km7)}</span>
      <SparkBar values={row.dailyKm} />
    </div>
  );
}

export function LongestCell({ row }: { row: ViewRow }) {
  if (!row.longestRun || row.ceilingKm === null) {
    return <span className="text-sm text-muted-foreground">No run in 30 days</span>;
  }
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <span className="tabular-nums">
        <span className="font-medium">{formatKm(row.longestRun.km)}</span> km
        <span className="sr-only">, on {relativeDay(row.longestRun.date, row.localToday)}</span>
      </span>
      <span
        className={cn(secondLine, 'tabular-nums')}
        title={`The next run's 10% ceiling: ${formatKm(row.ceilingKm)} km`}
      >
        ceiling {formatKm(row.ceilingKm)} km
      </span>
    </div>
  );
}

const TREND = {
  rising: { Icon: ArrowUpRight, word: 'rising', classes: 'text-level-amber' },
  falling: { Icon: ArrowDownRight, word: 'falling', classes: 'text-level-green' },
  steady: { Icon: ArrowRight, word: 'steady', classes: 'text-muted-foreground' },
} as const;

export function PainCell({ row }: { row: ViewRow }) {
  const { latest, latestDate, trend, change } = row.morningPain;
  const t = trend ? TREND[trend] : null;
  return (
    <div className={cn('flex min-w-0 flex-col gap-0.5', compactRow)}>
      {latest === null ? (
        <span className="text-muted-foreground">Not reported</span>
      ) : (
        <span className="truncate tabular-nums">
          <span className="font-medium">{latest}</span>
          <span className="text-muted-foreground">/10</span>
          {latestDate && latestDate !== row.localToday ? (
            <span className="text-xs text-muted-foreground group-data-[density=compact]/board:hidden">
              {' '}
              · {shortRelativeDay(latestDate, row.localToday)}
            </span>
          ) : null}
        </span>
      )}
      {t ? (
        <span
          className={cn('flex items-center gap-1 text-xs', t.classes)}
          title={change !== null ? `Weekly mean ${change > 0 ? '+' : ''}${change}` : undefined}
        >
          <t.Icon aria-hidden="true" className="size-3.5 shrink-0" />
          {t.word}
          <span className="sr-only"> over the week</span>
        </span>
      ) : (
        <span className={secondLine}>No trend yet</span>
      )}
    </div>
  );
}

function CheckInState({ row, compact = false }: { row: ViewRow; compact?: boolean }) {
  if (row.checkedInToday) {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-level-green">
        <CheckCircle2 aria-hidden="true" className="size-3.5" />
        <span className="text-foreground">Checked in today</span>
      </span>
    );
  }
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5 text-xs">
      <span
        data-not-today=""
        className="inline-flex shrink-0 items-center gap-1 rounded-full border border-level-amber/50 bg-level-amber-soft px-1.5 py-px font-semibold text-level-amber"
      >
        <Clock aria-hidden="true" className="size-3" />
        Not today
      </span>
      {compact ? (
        <span className="truncate text-muted-foreground">
          last {relativeDay(row.lastCheckIn, row.localToday).toLowerCase()}
        </span>
      ) : null}
    </span>
  );
}

export function CheckInCell({ row }: { row: ViewRow }) {
  if (row.checkedInToday) {
    return (
      <span className="inline-flex items-center gap-1.5">
        <CircleCheck aria-hidden="true" className="size-4 text-level-green" />
        Today
      </span>
    );
  }
  return (
    <div
      className="flex min-w-0 flex-col items-start gap-0.5"
      title={`Last check-in: ${relativeDay(row.lastCheckIn, row.localToday)}`}
    >
      <CheckInState row={row} />
      <span className={secondLine}>{relativeDay(row.lastCheckIn, row.localToday)}</span>
    </div>
  );
}

export function AlertCell({ row }: { row: ViewRow }) {
  const { acknowledge, acknowledging, viewerId } = useBoardContext();
  const alert = row.openAlert;
  if (!alert) {
    return (
      <span className="text-muted-foreground">
        <span aria-hidden="true">—</span>
        <span className="sr-only">No open alert</span>
      </span>
    );
  }
  const red = alert.level === 'red';
  const Icon = red ? OctagonAlert : TriangleAlert;
  const by = alert.acknowledgedBy;
  const who = by ? (by.userId === viewerId ? 'you' : (by.name ?? 'a coach')) : null;
  const busy = acknowledging.has(alert.id);
  return (
    <div
      data-alert-state={alert.state}
      className="flex min-w-0 flex-col gap-1 group-data-[density=compact]/board:flex-row group-data-[density=compact]/board:items-center group-data-[density=compact]/board:gap-2"
    >
      <span
        className={cn(
          'inline-flex w-fit shrink-0 items-center gap-1 rounded-full border px-1.5 py-px text-xs font-semibold',
          red
            ? 'border-level-red/50 bg-level-red-soft text-level-red'
            : 'border-level-amber/50 bg-level-amber-soft text-level-amber',
        )}
      >
        <Icon aria-hidden="true" className="size-3" />
        {red ? 'Red' : 'Amber'} alert
        {alert.state === 'new' ? (
          <>
            <BellRing aria-hidden="true" className="size-3" />
            <span className="sr-only">, new</span>
          </>
        ) : (
          <span className="sr-only">, acknowledged</span>
        )}
      </span>
      {alert.state === 'new' ? (
        <Button
          size="sm"
          variant={red ? 'default' : 'outline'}
          className="h-8 w-fit px-2.5 text-xs sm:h-7"
          disabled={busy}
          aria-label={`Acknowledge ${row.name}'s ${alert.level} alert`}
          onClick={() => acknowledge(row, alert)}
        >
          {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          Acknowledge
        </Button>
      ) : (
        <span className="flex h-8 min-w-0 items-center truncate text-xs text-muted-foreground sm:h-7">
          <CircleCheck aria-hidden="true" className="mr-1 size-3.5 shrink-0 text-level-green" />
          <span
            className="truncate"
            title={`Seen by ${who}${by ? `, ${formatInstant(by.at, new Date())}` : ''}`}
          >
            Seen by {who}
            {by ? `, ${formatInstant(by.at, new Date())}` : ''}
          </span>
        </span>
      )}
    </div>
  );
}
