'use client';
import { useQuery } from '@tanstack/react-query';
import { CheckInTable } from '@/components/checkins/check-in-table';
import { useTRPC } from '@/components/providers/trpc';
import { Skeleton } from '@/components/ui/skeleton';

/** A compact list of the athlete's last check-ins, below the form. */
export function RecentCheckIns() {
  const trpc = useTRPC();
  const query = useQuery(trpc.me.checkIns.queryOptions({ limit: 7 }));
  return (
    <section aria-labelledby="recent-heading" className="flex flex-col gap-3">
      <h2 id="recent-heading" className="text-lg font-semibold">
        Recent check-ins
      </h2>
      {query.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : query.isError ? (
        <p className="text-sm text-muted-foreground">Could not load your recent check-ins.</p>
      ) : (
        <CheckInTable rows={query.data} caption="Your last 7 check-ins" />
      )}
    </section>
  );
}
