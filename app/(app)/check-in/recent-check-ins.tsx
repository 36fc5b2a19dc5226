'use client';
import { useQuery } from '@tanstack/react-query';
import { CalendarCheck, CalendarX } from 'lucide-react';
import { CheckInTable } from '@/components/checkins/check-in-table';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { localDateIn } from '@/lib/dates';

export function RecentCheckIns({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.me.checkIns.queryOptions({ limit: 14 }));
  if (query.isPending) return <Skeleton className="h-64 w-full" />;
  if (query.isError) {
    return (
      <Alert variant="destructive">
        <AlertTitle>Could not load your check-ins</AlertTitle>
        <AlertDescription>{query.error.message}</AlertDescription>
      </Alert>
    );
  }
  const today = localDateIn(timeZone, new Date());
  const done = query.data.some((c) => c.date === today);
  return (
    <div className="flex flex-col gap-6">
      <Alert variant={done ? 'success' : 'info'} icon={done ? <CalendarCheck /> : <CalendarX />}>
        <AlertTitle>{done ? 'Today is done' : 'No check-in yet today'}</AlertTitle>
        <AlertDescription>
          {done
            ? `Your check-in for ${today} is stored.`
            : `Today is ${today} in your time zone (${timeZone}).`}
        </AlertDescription>
      </Alert>
      <section aria-labelledby="recent-heading" className="flex flex-col gap-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Last 14 check-ins
        </h2>
        <CheckInTable rows={query.data} caption="Your last 14 check-ins" />
      </section>
    </div>
  );
}
