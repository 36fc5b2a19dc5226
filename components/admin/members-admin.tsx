'use client';
import { useQuery } from '@tanstack/react-query';
import { UserCog } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { MemberDialog } from './member-dialog';
import { MembershipLabel, StatusBadge } from './membership-label';

type RoleFilter = 'all' | 'admin' | 'coach' | 'athlete';

export function MembersAdmin({ clubId, clubName }: { clubId: string; clubName: string }) {
  const trpc = useTRPC();
  const [includeRemoved, setIncludeRemoved] = useState(false);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<RoleFilter>('all');
  const [managing, setManaging] = useState<string | null>(null);
  const members = useQuery(trpc.admin.members.queryOptions({ clubId, includeRemoved }));
  const teams = useQuery(trpc.admin.teams.queryOptions({ clubId }));

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (members.data ?? []).filter(
      (m) =>
        (!needle ||
          m.name.toLowerCase().includes(needle) ||
          m.email.toLowerCase().includes(needle)) &&
        (role === 'all' || m.memberships.some((x) => x.role === role && x.status !== 'removed')),
    );
  }, [members.data, search, role]);
  const current = members.data?.find((m) => m.userId === managing) ?? null;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Members"
        eyebrow={clubName}
        description="Roles, teams and access of everyone in the club. Changes take effect at once."
      />
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem] sm:items-end">
        <Field label="Search members">
          <Input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Name or email"
          />
        </Field>
        <Field label="Role">
          <Select value={role} onChange={(e) => setRole(e.target.value as RoleFilter)}>
            <option value="all">Everyone</option>
            <option value="admin">Club admins</option>
            <option value="coach">Coaches</option>
            <option value="athlete">Athletes</option>
          </Select>
        </Field>
        <Field layout="inline" label="Show removed memberships" className="sm:col-span-2">
          <Checkbox
            checked={includeRemoved}
            onCheckedChange={(checked) => setIncludeRemoved(checked === true)}
          />
        </Field>
      </div>
      {members.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : members.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Could not load the members</AlertTitle>
          <AlertDescription>{members.error.message}</AlertDescription>
        </Alert>
      ) : (
        <Table scrollLabel="Members">
          <caption className="sr-only">
            Members of {clubName}: {shown.length} of {members.data.length} shown
          </caption>
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Roles and teams</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {shown.map((m) => (
              <Tr key={m.userId} data-user-id={m.userId}>
                <Td>
                  <div className="font-medium">{m.name}</div>
                  <div className="text-xs break-all text-muted-foreground">{m.email}</div>
                </Td>
                <Td>
                  <ul className="grid gap-1">
                    {m.memberships.map((x) => (
                      <li key={x.id} className="flex flex-wrap items-center gap-1.5">
                        <MembershipLabel membership={x} />
                        <StatusBadge status={x.status} />
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td className="text-right">
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={() => setManaging(m.userId)}
                    aria-label={`Manage ${m.name}`}
                  >
                    <UserCog aria-hidden="true" />
                    <span className="hidden sm:inline">Manage</span>
                  </Button>
                </Td>
              </Tr>
            ))}
            {shown.length === 0 ? (
              <Tr>
                <Td colSpan={3} className="py-6 text-center text-muted-foreground">
                  Nobody matches.
                </Td>
              </Tr>
            ) : null}
          </TBody>
        </Table>
      )}
      {current ? (
        <MemberDialog
          clubId={clubId}
          member={current}
          teams={teams.data ?? []}
          onClose={() => setManaging(null)}
        />
      ) : null}
    </div>
  );
}
