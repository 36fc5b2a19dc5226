'use client';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { AlertTimeline } from '@/components/athlete/alert-timeline';
import { AthleteCharts } from '@/components/athlete/athlete-charts';
import { AthleteReasons } from '@/components/athlete/athlete-reasons';
import { CheckInHistory } from '@/components/athlete/check-in-history';
import { CoachNotes } from '@/components/athlete/coach-notes';
import { buildDailyRows } from '@/components/athlete/daily-series';
import { useLiveAthlete } from '@/components/athlete/use-live-athlete';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/shell/page-header';
import { LiveIndicator } from '@/components/squad/live-indicator';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LevelBadge } from '@/components/ui/level-badge';
import { Skeleton } from '@/components/ui/skeleton';

const RANGES = [30, 90, 180] as const;
type Range = (typeof RANGES)[number];

/**
 * Socket events about this athlete refresh the page (useLiveAthlete); a slow poll and a refetch on
 * focus are the safety net while the connection is down.
 */
const REFRESH_MS = 120_000;

function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function AthleteOverview({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const [days, setDays] = useState<Range>(90);
  const query = useQuery(
    trpc.athletes.drillDown.queryOptions(
      { athleteId, days },
      {
        placeholderData: keepPreviousData,
        refetchOnWindowFocus: true,
        refetchInterval: REFRESH_MS,
      },
    ),
  );
  const data = query.data;
  const queryClient = useQueryClient();
  const connection = useLiveAthlete(athleteId, () => {
    void queryClient.invalidateQueries({
      queryKey: trpc.athletes.drillDown.queryKey({ athleteId }),
    });
  });
  const rows = useMemo(
    () =>
      data
        ? buildDailyRows({
            from: data.from,
            to: data.today,
            checkIns: data.checkIns,
            riskDays: data.riskDays,
          })
        : [],
    [data],
  );
  const levels = useMemo(
    () => new Map((data?.riskDays ?? []).map((r) => [r.date, { level: r.level, score: r.score }])),
    [data],
  );

  if (query.isPending) {
    return (
      <div className="flex flex-col gap-6" aria-busy="true">
        <h1 className="text-2xl font-semibold">Loading athlete…</h1>
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
    );
  }
  if (query.isError || !data) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-semibold">Athlete</h1>
        <Alert variant="destructive">
          <AlertTitle>Could not load this athlete</AlertTitle>
          <AlertDescription>{query.error?.message ?? 'Please try again.'}</AlertDescription>
        </Alert>
      </div>
    );
  }

  const { athlete, status } = data;
  const assessment = status?.assessment;
  const redFlagRuleIds = (status?.ruleIds ?? []).filter((id) => id.startsWith('RF_'));
  const openAlerts = data.alerts.filter((a) => a.state !== 'resolved').length;
  const teamNames = data.teams.map((t) => t.teamName).join(', ');

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        eyebrow={teamNames || undefined}
        title={athlete.name}
        description={
          assessment
            ? `Knee-injury risk on ${assessment.asOf}${status?.lastCheckIn ? ` · last check-in ${status.lastCheckIn}` : ' · no check-in yet'}`
            : 'No assessment yet: the first check-in starts one.'
        }
        actions={
          <>
            <LevelBadge level={status?.level ?? 'none'} size="lg" />
            <LiveIndicator state={connection} />
          </>
        }
        className="mb-0 sm:mb-0"
      />

      <Section id="status" title="Status">
        {assessment ? (
          <div className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-[auto_1fr] sm:items-start sm:gap-6">
            <div className="flex items-center gap-3 sm:flex-col sm:items-start">
              <LevelBadge level={assessment.level} />
              <p className="text-3xl font-semibold tabular-nums">
                {assessment.score}
                <span className="text-base font-normal text-muted-foreground"> / 100</span>
              </p>
            </div>
            <div className="grid gap-2 text-sm">
              <p data-testid="status-action">
                <span className="font-medium">Action: </span>
                {assessment.action}
              </p>
              {assessment.calibrating ? (
                <p className="text-muted-foreground">
                  Still calibrating: fewer than 28 days of history, so load comparisons are rough.
                </p>
              ) : null}
              {assessment.dataQuality === 'low' ? (
                <p className="text-muted-foreground">
                  Few check-ins this week: the picture may be incomplete.
                </p>
              ) : null}
            </div>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">No assessment yet.</p>
        )}
      </Section>

      <Section id="alerts" title={openAlerts > 0 ? `Alerts (${openAlerts} open)` : 'Alerts'}>
        <AlertTimeline
          athleteId={athleteId}
          alerts={data.alerts}
          clearances={data.clearances}
          redFlagRuleIds={redFlagRuleIds}
        />
      </Section>

      {assessment ? (
        <Section id="reasons" title="Why: every reason">
          <AthleteReasons reasons={assessment.reasons} />
        </Section>
      ) : null}

      <Section
        id="trends"
        title="Trends"
        actions={
          <fieldset className="flex items-center gap-1 rounded-lg bg-muted p-1">
            <legend className="sr-only">Days shown in the charts and the history</legend>
            {RANGES.map((r) => (
              <Button
                key={r}
                size="sm"
                variant={r === days ? 'outline' : 'ghost'}
                aria-pressed={r === days}
                onClick={() => setDays(r)}
              >
                {r} days
              </Button>
            ))}
          </fieldset>
        }
      >
        <p className="text-sm text-muted-foreground">
          {data.from} to {data.today}
          {data.visibleFrom && data.visibleFrom === data.from
            ? ' (data from the start of the membership on)'
            : ''}
          . Point at a chart to read the values of a day in all four.
          {query.isFetching && query.isPlaceholderData ? ' Loading…' : ''}
        </p>
        <AthleteCharts rows={rows} syncKey={`athlete-${athleteId}`} />
      </Section>

      <Section id="history" title="Check-in history">
        <CheckInHistory
          rows={data.checkIns}
          levels={levels}
          caption={`Check-ins of ${athlete.name}, ${data.from} to ${data.today}, newest first`}
        />
      </Section>

      {data.canReadNotes ? (
        <Section id="notes" title="Coach notes">
          <CoachNotes athleteId={athleteId} canAdd={data.canAddNote} />
        </Section>
      ) : null}
    </div>
  );
}
