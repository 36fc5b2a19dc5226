'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { LevelBadge } from '@/components/ui/level-badge';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { localDateIn } from '@/lib/dates';

export function SquadBoard({ teamId }: { teamId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.squad.board.queryOptions({ teamId }));
  if (query.isPending) return <Skeleton className="h-96 w-full" />;
  if (query.isError) {
    return (
      <Alert variant="destructive">
        <AlertTitle>Could not load the squad</AlertTitle>
        <AlertDescription>{query.error.message}</AlertDescription>
      </Alert>
    );
  }
  const rows = query.data.rows;
  const now = new Date();
  return (
    <Table scrollLabel="Squad">
      <caption className="sr-only">Athletes of {query.data.team.name}</caption>
      <THead>
        <Tr>
          <Th>Athlete</Th>
          <Th>Level</Th>
          <Th className="text-right">Score</Th>
          <Th>Last check-in</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const today = localDateIn(r.timeZone, now);
          return (
            <Tr key={r.athleteId} data-athlete-id={r.athleteId} data-level={r.level ?? 'none'}>
              <Td>
                <Link href={`/athletes/${r.athleteId}`} className="font-medium underline-offset-4 hover:underline">
                  {r.name}
                </Link>
              </Td>
              <Td>
                <LevelBadge level={r.level ?? 'none'} />
              </Td>
              <Td className="text-right tabular-nums">{r.score ?? '—'}</Td>
              <Td className="tabular-nums">
                {r.lastCheckIn === today ? 'Today' : (r.lastCheckIn ?? 'Never')}
                {r.lastCheckIn !== today ? <span className="ml-2 text-xs font-medium">(not today)</span> : null}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
