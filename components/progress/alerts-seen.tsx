'use client';
import { useQuery } from '@tanstack/react-query';
import { Eye, Hourglass } from 'lucide-react';
import { useTRPC } from '@/components/providers/trpc';
import { LevelBadge } from '@/components/ui/level-badge';
import { RULES, type RuleId } from '@/lib/risk/rules';
import { localDateTime } from './format';

/** How often the athlete's page asks whether a coach has seen their alert. */
export const SEEN_REFRESH_MS = 15_000;

/**
 * The athlete's alerts and who saw them, kept fresh without a reload: polled every 15 s while
 * the tab is visible and refetched when it regains focus.
 */
export function useAlertsSeen() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.me.alertsSeen.queryOptions(),
    refetchInterval: SEEN_REFRESH_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

type AlertsSeenData = NonNullable<ReturnType<typeof useAlertsSeen>['data']>;
type SeenAlert = AlertsSeenData['alerts'][number];

const ACTION_WORDS = { acknowledged: 'Seen by', resolved: 'Closed by' } as const;

function ruleTitle(id: string): string {
  return RULES[id as RuleId]?.title ?? id;
}

/** "Seen by Coach Name at Sat 7 Mar, 09:41" lines of one alert, or that nobody has yet. */
export function SeenLines({ alert, timeZone }: { alert: SeenAlert; timeZone: string }) {
  if (alert.seen.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Hourglass aria-hidden="true" className="size-4 shrink-0" />
        Your coach has been told; not seen yet.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-1">
      {alert.seen.map((s) => (
        <li key={`${s.action}-${String(s.at)}`} className="flex items-center gap-2 text-sm">
          <Eye aria-hidden="true" className="size-4 shrink-0 text-primary" />
          <span>
            <span className="font-medium">
              {ACTION_WORDS[s.action]} {s.byName ?? 'a former coach'}
            </span>{' '}
            at <time dateTime={new Date(s.at).toISOString()}>{localDateTime(s.at, timeZone)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The athlete's alerts (newest first): team, level, what it was about, and who saw it when. */
export function AlertsSeenList({ data }: { data: AlertsSeenData }) {
  return (
    <ol className="flex flex-col gap-3" aria-live="polite">
      {data.alerts.map((a) => {
        const flags = a.ruleIds.filter((r) => r.startsWith('RF_'));
        const about = (flags.length > 0 ? flags : a.ruleIds).map(ruleTitle).join(', ');
        return (
          <li
            key={a.alertId}
            data-alert-id={a.alertId}
            className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4"
          >
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <LevelBadge level={a.level} />
              <span className="text-sm text-muted-foreground">
                {a.teamName} · raised{' '}
                <time dateTime={new Date(a.openedAt).toISOString()}>
                  {localDateTime(a.openedAt, data.timeZone)}
                </time>
                {a.state === 'resolved' ? ' · closed' : ''}
              </span>
            </div>
            {about ? <p className="text-sm">{about}</p> : null}
            <SeenLines alert={a} timeZone={data.timeZone} />
          </li>
        );
      })}
    </ol>
  );
}
