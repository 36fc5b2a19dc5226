'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { LevelBadge } from '@/components/ui/level-badge';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { localDateIn } from '@/lib/dates';
import { RULES, type RuleId } from '@/lib/risk/rules';

const LEVEL_RANK = { red: 0, amber: 1, green: 3 } as const;

/** Attention first: open red alerts, red, amber, not checked in today, green; then by name. */
function attentionRank(
  row: { level: 'green' | 'amber' | 'red' | null; openAlert: unknown },
  checkedInToday: boolean,
) {
  if (row.openAlert && row.level === 'red') return 0;
  if (row.level === 'red') return 1;
  if (row.level === 'amber') return 2;
  if (!checkedInToday) return 3;
  return row.level ? LEVEL_RANK[row.level] + 1 : 5;
}

// Informational rules (CALIBRATING, the ACWR value, pain that faded) are not a reason for attention.
const NOT_A_REASON = new Set(['LOAD_ACWR_INFO', 'PAIN_FADED']);

function topReason(ruleIds: string[]): string {
  const first = ruleIds.find(
    (id) => id in RULES && RULES[id as RuleId].class !== 'INFO' && !NOT_A_REASON.has(id),
  );
  return first ? RULES[first as RuleId].title : 'No warning signs';
}

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
  const now = new Date();
  const rows = query.data.rows
    .map((r) => ({ ...r, today: localDateIn(r.timeZone, now) }))
    .sort(
      (a, b) =>
        attentionRank(a, a.lastCheckIn === a.today) - attentionRank(b, b.lastCheckIn === b.today) ||
        (b.score ?? -1) - (a.score ?? -1) ||
        a.name.localeCompare(b.name),
    );
  return (
    <Table scrollLabel="Squad">
      <caption className="sr-only">Athletes of {query.data.team.name}</caption>
      <THead>
        <Tr>
          <Th>Athlete</Th>
          <Th>Level</Th>
          <Th className="text-right">Score</Th>
          <Th>Top reason</Th>
          <Th>Last check-in</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const today = r.today;
          return (
            <Tr key={r.athleteId} data-athlete-id={r.athleteId} data-level={r.level ?? 'none'}>
              <Td>
                <Link
                  href={`/athletes/${r.athleteId}`}
                  className="font-medium underline-offset-4 hover:underline"
                >
                  {r.name}
                </Link>
              </Td>
              <Td>
                <LevelBadge level={r.level ?? 'none'} />
              </Td>
              <Td className="text-right tabular-nums">{r.score ?? '—'}</Td>
              <Td className="min-w-48">{r.level ? topReason(r.ruleIds) : 'Not assessed yet'}</Td>
              <Td className="tabular-nums">
                {r.lastCheckIn === today ? 'Today' : (r.lastCheckIn ?? 'Never')}
                {r.lastCheckIn !== today ? (
                  <span className="ml-2 text-xs font-medium">(not today)</span>
                ) : null}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
