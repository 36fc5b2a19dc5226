'use client';
import { useQuery } from '@tanstack/react-query';
import { CheckInTable } from '@/components/checkins/check-in-table';
import { useTRPC } from '@/components/providers/trpc';
import { ReasonList } from '@/components/risk/reason-list';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { LevelBadge } from '@/components/ui/level-badge';
import { Skeleton } from '@/components/ui/skeleton';
import type { Assessment } from '@/lib/risk/types';

export function AthleteOverview({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.athletes.overview.queryOptions({ athleteId }));
  if (query.isPending) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-semibold">Loading athlete…</h1>
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-semibold">Athlete</h1>
        <Alert variant="destructive">
          <AlertTitle>Could not load this athlete</AlertTitle>
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      </div>
    );
  }
  const { athlete, status, checkIns } = query.data;
  const assessment = status?.assessment as Assessment | undefined;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={athlete.name}
        description={`Time zone ${athlete.timeZone}`}
        actions={<LevelBadge level={status?.level ?? 'none'} />}
      />
      {assessment ? (
        <section aria-labelledby="status-heading" className="flex flex-col gap-3">
          <h2 id="status-heading" className="text-lg font-semibold">
            Status on {assessment.asOf}: score {assessment.score}
          </h2>
          <p className="rounded-lg border border-border bg-muted p-4 text-sm">
            <span className="font-medium">Advice: </span>
            {assessment.action}
          </p>
          <ReasonList reasons={assessment.reasons} />
        </section>
      ) : null}
      <section aria-labelledby="history-heading" className="flex flex-col gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          Check-in history
        </h2>
        <CheckInTable rows={checkIns} caption={`Check-ins of ${athlete.name}`} />
      </section>
    </div>
  );
}
