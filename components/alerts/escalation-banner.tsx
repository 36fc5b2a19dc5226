'use client';
/**
 * Red alerts still unacknowledged after the club's deadline (design.md §7), shown to the people
 * they escalate to: with `clubId`, the club's admins (`alerts.escalated`); without, the coaches
 * of the club's other teams (`alerts.clubEscalations`). Renders nothing while there are none.
 * Polls, because these viewers are not in the alert's team room and get no socket events.
 */
import { useQuery } from '@tanstack/react-query';
import { BellRing } from 'lucide-react';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { RULES, type RuleId } from '@/lib/risk/rules';

const POLL_MS = 60_000;

interface BannerItem {
  alertId: string;
  athleteName: string;
  teamName: string;
  clubName: string;
  openedAt: Date;
  escalatedAt: Date;
  ruleIds?: string[] | null;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

function ruleTitle(id: string): string {
  return RULES[id as RuleId]?.title ?? id;
}

export function EscalationBanner({ clubId }: { clubId?: string }) {
  const trpc = useTRPC();
  const admin = useQuery({
    ...trpc.alerts.escalated.queryOptions({ clubId: clubId ?? '' }),
    enabled: !!clubId,
    refetchInterval: POLL_MS,
  });
  const coach = useQuery({
    ...trpc.alerts.clubEscalations.queryOptions(),
    enabled: !clubId,
    refetchInterval: POLL_MS,
  });
  const query = clubId ? admin : coach;
  const items: BannerItem[] | undefined = clubId ? admin.data?.items : coach.data?.items;

  const manyClubs = new Set(items?.map((i) => i.clubName)).size > 1;

  if (query.isError) {
    return (
      <Alert variant="warning" role="status">
        <AlertTitle>Escalated alerts could not be loaded</AlertTitle>
        <AlertDescription>{query.error.message} It will retry in a minute.</AlertDescription>
      </Alert>
    );
  }
  // A live region that exists before anything appears, so a new escalation is announced.
  return (
    <div aria-live="polite" aria-atomic="false" data-testid="escalation-banner">
      {items && items.length > 0 ? (
        <Alert
          variant="destructive"
          icon={<BellRing aria-hidden="true" className="mt-0.5 size-4" />}
        >
          <AlertTitle>
            {items.length === 1
              ? 'Escalated: 1 red alert is not acknowledged'
              : `Escalated: ${items.length} red alerts are not acknowledged`}
          </AlertTitle>
          <AlertDescription>
            <p className="mb-2">
              {clubId
                ? "The team's coaches have not acknowledged these in time. Make sure someone follows them up."
                : "Another team's coaches have not acknowledged these in time. You may be able to help."}
            </p>
            <ul className="flex flex-col gap-2">
              {items.map((item) => (
                <li
                  key={item.alertId}
                  className="rounded-md border border-level-red/30 bg-background/60 px-3 py-2"
                >
                  <p className="font-medium">
                    {item.athleteName}{' '}
                    <span className="font-normal text-muted-foreground">
                      · {item.teamName}
                      {manyClubs ? `, ${item.clubName}` : ''}
                    </span>
                  </p>
                  <p className="text-muted-foreground text-xs">
                    Open since{' '}
                    <time dateTime={new Date(item.openedAt).toISOString()}>
                      {timeFormat.format(new Date(item.openedAt))}
                    </time>
                    , escalated{' '}
                    <time dateTime={new Date(item.escalatedAt).toISOString()}>
                      {timeFormat.format(new Date(item.escalatedAt))}
                    </time>
                  </p>
                  {item.ruleIds && item.ruleIds.length > 0 ? (
                    <p className="text-xs">
                      <span className="sr-only">Reasons: </span>
                      {item.ruleIds
                        .filter((id) => RULES[id as RuleId]?.class !== 'INFO')
                        .map(ruleTitle)
                        .join(' · ')}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
