import Link from 'next/link';
import { LEVEL_WORDS } from '@/components/checkin/check-in-result';
import { ReasonList } from '@/components/risk/reason-list';
import { Button } from '@/components/ui/button';
import { LevelBadge } from '@/components/ui/level-badge';
import type { Level, Reason } from '@/lib/risk/types';
import { shortDate } from './progress-summary';

export interface StatusData {
  asOf: string;
  level: Level;
  score: number;
  action: string;
  reasons: Reason[];
  calibrating: boolean;
  lastCheckIn: string | null;
}

/**
 * The athlete's current status: level as colour + icon + word, what to do, and why (the same
 * explained reasons as after a check-in). Red flags come first.
 */
export function StatusCard({ status, today }: { status: StatusData | null; today: string }) {
  const checkedInToday = status?.lastCheckIn === today;
  const prompt = checkedInToday ? null : (
    <div className="flex flex-wrap items-center gap-3">
      <p className="text-sm">You have not checked in today.</p>
      <Button asChild size="sm">
        <Link href="/check-in">Check in now</Link>
      </Button>
    </div>
  );
  if (!status) {
    return (
      <div className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4">
        <div className="flex flex-wrap items-center gap-3">
          <LevelBadge level="none" size="lg" />
          <span className="font-medium">No status yet</span>
        </div>
        <p className="text-sm text-muted-foreground">
          Your status appears after your first check-in.
        </p>
        {prompt}
      </div>
    );
  }
  const flags = status.reasons.filter((r) => r.ruleId.startsWith('RF_'));
  const others = status.reasons.filter((r) => !r.ruleId.startsWith('RF_'));
  return (
    <div className="flex flex-col gap-4">
      <div
        data-testid="my-status"
        data-level={status.level}
        className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4"
      >
        <div className="flex flex-wrap items-center gap-3">
          <LevelBadge level={status.level} size="lg" />
          <span className="font-medium">{LEVEL_WORDS[status.level]}</span>
        </div>
        {status.action ? <p className="text-base">{status.action}</p> : null}
        <p className="text-sm text-muted-foreground">
          Score {status.score}/100 · assessed for{' '}
          {status.asOf === today ? 'today' : shortDate(status.asOf)}
          {status.lastCheckIn
            ? ` · last check-in ${status.lastCheckIn === today ? 'today' : shortDate(status.lastCheckIn)}`
            : ''}
          {status.calibrating ? ' · still learning your normal (first 4 weeks)' : ''}
        </p>
        {prompt}
      </div>
      <details className="group" open={status.level !== 'green' || undefined}>
        <summary className="cursor-pointer py-2.5 font-medium select-none">
          Why? ({status.reasons.length} {status.reasons.length === 1 ? 'reason' : 'reasons'})
        </summary>
        <div className="mt-2">
          <ReasonList reasons={[...flags, ...others]} />
        </div>
      </details>
    </div>
  );
}
