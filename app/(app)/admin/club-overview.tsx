'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { LevelBadge } from '@/components/ui/level-badge';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';

export function ClubOverview({ clubId, clubName }: { clubId: string; clubName: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.admin.overview.queryOptions({ clubId }));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={clubName}
        eyebrow="Club admin"
        description="Teams, members and check-in compliance."
      />
      {query.data?.healthVisible ? (
        <Alert variant="info">
          <AlertTitle>Health levels are visible to admins</AlertTitle>
          <AlertDescription>
            This club lets its admins see athletes’ risk levels (Settings). Each view is recorded in
            the audit log.
          </AlertDescription>
        </Alert>
      ) : null}
      {query.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : query.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Could not load the club</AlertTitle>
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      ) : (
        <>
          <Card>
            <CardHeader>
              <CardTitle>Teams</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="flex flex-wrap gap-2">
                {query.data.teams.map((t) => (
                  <li key={t.id}>
                    <Badge variant="secondary">
                      {t.name} ·{' '}
                      {
                        query.data.members.filter((m) => m.teamId === t.id && m.role === 'athlete')
                          .length
                      }{' '}
                      athletes
                      {t.archivedAt ? ' · archived' : ''}
                    </Badge>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
          <section aria-labelledby="members-heading" className="flex flex-col gap-3">
            <h2 id="members-heading" className="text-lg font-semibold">
              Members ({query.data.members.length})
            </h2>
            <Table scrollLabel="Members">
              <caption className="sr-only">Members of {clubName}</caption>
              <THead>
                <Tr>
                  <Th>Name</Th>
                  <Th>Email</Th>
                  <Th>Role</Th>
                  <Th>Team</Th>
                  <Th className="text-right">Check-ins, last 7 days</Th>
                  {query.data.healthVisible ? <Th>Level</Th> : null}
                </Tr>
              </THead>
              <TBody>
                {query.data.members.map((m) => (
                  <Tr key={m.membershipId}>
                    <Td className="font-medium">
                      {query.data.healthVisible && m.role === 'athlete' && m.status === 'active' ? (
                        <Link
                          href={`/athletes/${m.userId}`}
                          className="underline decoration-muted-foreground/60 underline-offset-4 hover:decoration-foreground"
                        >
                          {m.name}
                        </Link>
                      ) : (
                        m.name
                      )}
                    </Td>
                    <Td>{m.email}</Td>
                    <Td className="capitalize">
                      {m.role}
                      {m.status !== 'active' ? (
                        <span className="text-muted-foreground normal-case"> ({m.status})</span>
                      ) : null}
                    </Td>
                    <Td>{query.data.teams.find((t) => t.id === m.teamId)?.name ?? '—'}</Td>
                    <Td className="text-right tabular-nums">
                      {m.checkInsLast7 === null ? '—' : `${m.checkInsLast7}/7`}
                    </Td>
                    {query.data.healthVisible ? (
                      <Td>
                        {m.role === 'athlete' && m.status === 'active' ? (
                          <LevelBadge level={m.level ?? 'none'} />
                        ) : (
                          '—'
                        )}
                      </Td>
                    ) : null}
                  </Tr>
                ))}
              </TBody>
            </Table>
          </section>
        </>
      )}
    </div>
  );
}
