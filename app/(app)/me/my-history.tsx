'use client';
import { useQuery } from '@tanstack/react-query';
import { CheckInTable } from '@/components/checkins/check-in-table';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';

export function MyHistory() {
  const trpc = useTRPC();
  const query = useQuery(trpc.me.checkIns.queryOptions({ limit: 90 }));
  return (
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
  );
}
