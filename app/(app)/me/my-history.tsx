'use client';
import { useQuery } from '@tanstack/react-query';
import { CheckInTable } from '@/components/checkins/check-in-table';
import { StatusCard } from '@/components/progress/status-card';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { HistoryAlerts } from './history-alerts';
import { HistoryProgress } from './history-progress';
import { ShoesPanel } from './shoes-panel';

/** The athlete's own progress on /me: status, alerts and who saw them, chart, shoes, history. */
export function MyHistory() {
  const trpc = useTRPC();
  const progress = useQuery(trpc.me.progress.queryOptions());
  const query = useQuery(trpc.me.checkIns.queryOptions({ limit: 90 }));
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="status-heading" className="flex flex-col gap-3">
        <h2 id="status-heading" className="text-lg font-semibold">
          Your status
        </h2>
        {progress.isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : progress.isError ? (
          <Alert variant="destructive">
            <AlertTitle>Could not load your status</AlertTitle>
            <AlertDescription>{progress.error.message}</AlertDescription>
          </Alert>
        ) : (
          <StatusCard status={progress.data.status} today={progress.data.today} />
        )}
      </section>

      <HistoryAlerts />

      {progress.isPending ? (
        // The chart section's own height, so nothing jumps when it arrives.
        <Skeleton className="h-[22rem] w-full" />
      ) : progress.isError ? null : (
        <HistoryProgress days={progress.data.days} />
      )}

      <ShoesPanel />

      <section aria-labelledby="history-heading" className="flex flex-col gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        {query.isPending ? (
          <Skeleton className="h-64 w-full" />
        ) : query.isError ? (
          <Alert variant="destructive">
            <AlertTitle>Could not load your history</AlertTitle>
            <AlertDescription>{query.error.message}</AlertDescription>
          </Alert>
        ) : (
          <CheckInTable rows={query.data} caption="Your check-ins over the last 90 days" />
        )}
      </section>
    </div>
  );
}
