'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Archive, ArchiveRestore, Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { toast } from '@/components/ui/toaster';
import { adminErrorOf } from './admin-errors';
import { ConfirmDialog } from './confirm-dialog';
import { useAdminRefresh } from './use-admin-refresh';

interface Team {
  id: string;
  name: string;
  archivedAt: Date | null;
  athleteCount: number;
  coaches: { membershipId: string; userId: string; name: string }[];
}

export function TeamsAdmin({ clubId, clubName }: { clubId: string; clubName: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.admin.teams.queryOptions({ clubId }));
  const [naming, setNaming] = useState<{ team: Team | null } | null>(null);
  const [archiving, setArchiving] = useState<Team | null>(null);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Teams"
        eyebrow={clubName}
        description="Create, rename and archive teams. Archived teams leave coaches’ boards and switchers."
        actions={
          <Button onClick={() => setNaming({ team: null })}>
            <Plus aria-hidden="true" />
            New team
          </Button>
        }
      />
      {query.isPending ? (
        <Skeleton className="h-72 w-full" />
      ) : query.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Could not load the teams</AlertTitle>
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      ) : (
        <Table scrollLabel="Teams">
          <caption className="sr-only">Teams of {clubName}</caption>
          <THead>
            <Tr>
              <Th>Team</Th>
              <Th className="text-right">Athletes</Th>
              <Th>Coaches</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {query.data.map((team) => (
              <Tr key={team.id} data-team-id={team.id}>
                <Td className="font-medium">
                  <div className="flex flex-wrap items-center gap-2">
                    <span>{team.name}</span>
                    {team.archivedAt ? <Badge variant="outline">Archived</Badge> : null}
                  </div>
                </Td>
                <Td className="text-right tabular-nums">{team.athleteCount}</Td>
                <Td>
                  {team.coaches.length ? (
                    team.coaches.map((c) => c.name).join(', ')
                  ) : (
                    <span className="text-muted-foreground">No coach</span>
                  )}
                </Td>
                <Td>
                  <div className="flex justify-end gap-1">
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setNaming({ team })}
                      aria-label={`Rename ${team.name}`}
                    >
                      <Pencil aria-hidden="true" />
                      <span className="hidden sm:inline">Rename</span>
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setArchiving(team)}
                      aria-label={`${team.archivedAt ? 'Restore' : 'Archive'} ${team.name}`}
                    >
                      {team.archivedAt ? (
                        <ArchiveRestore aria-hidden="true" />
                      ) : (
                        <Archive aria-hidden="true" />
                      )}
                      <span className="hidden sm:inline">
                        {team.archivedAt ? 'Restore' : 'Archive'}
                      </span>
                    </Button>
                  </div>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {naming ? (
        <TeamNameDialog clubId={clubId} team={naming.team} onClose={() => setNaming(null)} />
      ) : null}
      {archiving ? (
        <ArchiveDialog clubId={clubId} team={archiving} onClose={() => setArchiving(null)} />
      ) : null}
    </div>
  );
}

function TeamNameDialog({
  clubId,
  team,
  onClose,
}: {
  clubId: string;
  team: Team | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useAdminRefresh();
  const [name, setName] = useState(team?.name ?? '');
  const [error, setError] = useState<string>();
  const handlers = {
    onSuccess(result: { name: string }) {
      toast({
        title: team ? 'Team renamed' : 'Team created',
        description: result.name,
        variant: 'success',
      });
      void refresh();
      onClose();
    },
    onError(e: unknown) {
      setError(adminErrorOf(e).message);
    },
  };
  const create = useMutation(trpc.admin.createTeam.mutationOptions(handlers));
  const rename = useMutation(trpc.admin.renameTeam.mutationOptions(handlers));
  const pending = create.isPending || rename.isPending;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            setError(undefined);
            if (team) rename.mutate({ clubId, teamId: team.id, name });
            else create.mutate({ clubId, name });
          }}
        >
          <DialogHeader>
            <DialogTitle>{team ? `Rename ${team.name}` : 'New team'}</DialogTitle>
            <DialogDescription>
              {team
                ? 'Coaches and athletes see the new name at once.'
                : 'Then assign its coaches and athletes on the Members tab.'}
            </DialogDescription>
          </DialogHeader>
          <Field label="Team name" error={error}>
            <Input
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={80}
              required
              autoComplete="off"
            />
          </Field>
          <DialogFooter>
            <Button variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : team ? 'Save name' : 'Create team'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function ArchiveDialog({
  clubId,
  team,
  onClose,
}: {
  clubId: string;
  team: Team;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useAdminRefresh();
  const [error, setError] = useState<string>();
  const archive = !team.archivedAt;
  const mutation = useMutation(
    trpc.admin.setTeamArchived.mutationOptions({
      onSuccess() {
        toast({
          title: archive ? `${team.name} archived` : `${team.name} restored`,
          variant: 'success',
        });
        void refresh();
        onClose();
      },
      onError(e) {
        setError(adminErrorOf(e).message);
      },
    }),
  );
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={archive ? `Archive ${team.name}?` : `Restore ${team.name}?`}
      description={
        archive
          ? 'Its coaches lose its board at once. Nothing is deleted, and you can restore it later.'
          : 'Its coaches get its board back.'
      }
      confirmLabel={archive ? 'Archive team' : 'Restore team'}
      destructive={archive}
      pending={mutation.isPending}
      error={error}
      onConfirm={() => mutation.mutate({ clubId, teamId: team.id, archived: archive })}
    />
  );
}
