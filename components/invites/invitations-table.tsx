'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { EmptyState } from '@/components/shell/empty-state';
import { Button } from '@/components/ui/button';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { formatDateTime, roleLabel } from './format';
import { InviteStatusBadge } from './status-badge';

export interface InvitationRow {
  id: string;
  email: string | null;
  name: string | null;
  role: 'admin' | 'coach' | 'athlete';
  teamName: string | null;
  status: 'pending' | 'used' | 'expired' | 'revoked';
  expiresAt: Date;
  createdByName: string | null;
  acceptedByName: string | null;
}

const FILTERS = ['all', 'pending', 'used', 'expired', 'revoked'] as const;

/** The club's personal invitations with status and a revoke button for pending ones. */
export function InvitationsTable({ rows }: { rows: InvitationRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const revoke = useMutation(
    trpc.invites.revoke.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.invites.list.queryKey() }),
    }),
  );
  if (rows.length === 0)
    return (
      <EmptyState
        headingLevel={3}
        title="No invitations yet"
        description="Invite people one by one above, or import a roster from a spreadsheet."
      />
    );
  const shown = filter === 'all' ? rows : rows.filter((r) => r.status === filter);
  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Show invitations</legend>
        {FILTERS.map((f) => {
          const count = f === 'all' ? rows.length : rows.filter((r) => r.status === f).length;
          return (
            <Button
              key={f}
              size="sm"
              variant={filter === f ? 'default' : 'outline'}
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
            >
              {f === 'all' ? 'All' : f === 'used' ? 'Accepted' : f[0]!.toUpperCase() + f.slice(1)} (
              {count})
            </Button>
          );
        })}
      </fieldset>
      <Table scrollLabel="Invitations">
        <caption className="sr-only">Personal invitations</caption>
        <THead>
          <Tr>
            <Th>Person</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {shown.map((r) => (
            <Tr key={r.id} data-invite-id={r.id}>
              <Td className="min-w-40">
                <div className="font-medium">{r.acceptedByName ?? r.name ?? r.email}</div>
                {r.name || r.acceptedByName ? (
                  <div className="text-xs break-all text-muted-foreground">{r.email}</div>
                ) : null}
                <div className="text-xs text-muted-foreground">
                  {roleLabel(r.role)}
                  {r.teamName ? ` · ${r.teamName}` : ''}
                </div>
              </Td>
              <Td>
                <InviteStatusBadge status={r.status} />
                {r.status === 'pending' || r.status === 'expired' ? (
                  <div className="mt-1 text-xs whitespace-nowrap text-muted-foreground">
                    {r.status === 'pending' ? 'until' : 'since'} {formatDateTime(r.expiresAt)}
                  </div>
                ) : null}
              </Td>
              <Td className="text-right">
                {r.status === 'pending' ? (
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={revoke.isPending && revoke.variables?.inviteId === r.id}
                    onClick={() => revoke.mutate({ inviteId: r.id })}
                    aria-label={`Revoke the invitation of ${r.name ?? r.email}`}
                  >
                    Revoke
                  </Button>
                ) : null}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {revoke.isError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {revoke.error.message}
        </p>
      ) : null}
    </div>
  );
}
