'use client';

import { ReasonList } from '@/components/risk/reason-list';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LevelBadge } from '@/components/ui/level-badge';
import type { Reason } from '@/lib/risk/types';
import { CoachSeen } from './coach-seen';

export interface CheckInResultData {
  checkIn: { date: string };
  status: {
    level: 'green' | 'amber' | 'red';
    score: number;
    ruleIds: string[];
    action: string;
    reasons: Reason[];
  };
  alertOpened: boolean;
}

/** The level in words, for the athlete (also used on their /me page). */
export const LEVEL_WORDS = {
  green: 'Good to train as planned',
  amber: 'Take care: adjust your training',
  red: 'Stop and get your knee checked',
} as const;

/** The athlete's status right after a submit: red-flag guidance first, then level, advice, why. */
export function CheckInResult({
  result,
  isToday,
  onEdit,
  headingRef,
}: {
  result: CheckInResultData;
  isToday: boolean;
  onEdit: () => void;
  headingRef: React.Ref<HTMLElement>;
}) {
  const { status } = result;
  const redFlags = status.reasons.filter((r) => r.ruleId.startsWith('RF_'));
  const others = status.reasons.filter((r) => !r.ruleId.startsWith('RF_'));
  return (
    <section
      ref={headingRef}
      tabIndex={-1}
      aria-labelledby="result-heading"
      className="flex scroll-mt-20 flex-col gap-5 outline-none"
    >
      {redFlags.length > 0 ? (
        <Alert
          variant="destructive"
          role="alert"
          className="border-2 border-level-red/60 text-base"
        >
          <AlertTitle className="text-base">
            Do not run. Get your knee checked by a doctor or physio.
          </AlertTitle>
          <AlertDescription className="grid gap-2">
            <ul className="list-disc pl-5">
              {redFlags.map((r) => (
                <li key={r.ruleId}>
                  <span className="font-medium">{r.title}:</span> {r.action}
                </li>
              ))}
            </ul>
            <p className="font-semibold">Your coach has been told.</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4">
        <h2 id="result-heading" className="text-lg font-semibold">
          Check-in saved for {isToday ? 'today' : result.checkIn.date}
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <LevelBadge level={status.level} size="lg" />
          <span className="font-medium">{LEVEL_WORDS[status.level]}</span>
        </div>
        {status.action && redFlags.length === 0 ? (
          <p className="text-base">{status.action}</p>
        ) : null}
        {redFlags.length === 0 && result.alertOpened ? (
          <p className="text-sm font-medium">Your coach has been told.</p>
        ) : null}
        {redFlags.length > 0 || result.alertOpened ? <CoachSeen /> : null}
      </div>
      <section aria-labelledby="why-heading" className="flex flex-col gap-3">
        <h2 id="why-heading" className="text-lg font-semibold">
          Why?
        </h2>
        <ReasonList reasons={[...redFlags, ...others]} />
      </section>
      <Button variant="outline" size="lg" onClick={onEdit} className="w-full sm:w-auto">
        {isToday ? "Edit today's check-in" : 'Edit this check-in'}
      </Button>
    </section>
  );
}
