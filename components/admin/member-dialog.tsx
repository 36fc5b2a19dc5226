'use client';
import { useMutation } from '@tanstack/react-query';
import { Copy, KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Separator } from '@/components/ui/separator';
import { toast } from '@/components/ui/toaster';
import { adminErrorOf } from './admin-errors';
import { ConfirmDialog } from './confirm-dialog';
import { MembershipLabel, StatusBadge } from './membership-label';
import { useAdminRefresh } from './use-admin-refresh';

type Role = 'admin' | 'coach' | 'athlete';

interface Membership {
  id: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  teamArchived: boolean;
  status: 'pending' | 'active' | 'deactivated' | 'removed';
  startedAt: Date;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  memberships: Membership[];
}

export interface TeamOption {
  id: string;
  name: string;
  archivedAt: Date | null;
}

type Confirming = { kind: 'deactivate' | 'remove' | 'unassign'; membership: Membership };

/** Everything an admin can change about one person in the club, in one dialog. */
export function MemberDialog({
  clubId,
  member,
  teams,
  onClose,
}: {
  clubId: string;
  member: Member;
  teams: TeamOption[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useAdminRefresh();
  const [editing, setEditing] = useState<{ kind: 'move' | 'role'; id: string } | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [confirmError, setConfirmError] = useState<string>();
  const [error, setError] = useState<string>();
  const open = member.memberships.filter((m) => m.status !== 'removed');
  const removed = member.memberships.filter((m) => m.status === 'removed');
  const activeTeams = teams.filter((t) => !t.archivedAt);

  const done = (title: string) => {
    toast({ title, description: member.name, variant: 'success' });
    setEditing(null);
    setConfirming(null);
    setError(undefined);
    setConfirmError(undefined);
    void refresh();
  };
  const failedInline = (e: unknown) => setError(adminErrorOf(e).message);
  const failedConfirm = (e: unknown) => setConfirmError(adminErrorOf(e).message);

  const deactivate = useMutation(
    trpc.admin.deactivateMembership.mutationOptions({
      onSuccess: () => done('Membership deactivated'),
      onError: failedConfirm,
    }),
  );
  const remove = useMutation(
    trpc.admin.removeMembership.mutationOptions({
      onSuccess: () => done('Membership removed'),
      onError: failedConfirm,
    }),
  );
  const unassign = useMutation(
    trpc.admin.unassignCoach.mutationOptions({
      onSuccess: () => done('Coach unassigned'),
      onError: failedConfirm,
    }),
  );
  const reactivate = useMutation(
    trpc.admin.reactivateMembership.mutationOptions({
      onSuccess: () => done('Membership reactivated'),
      onError: failedInline,
    }),
  );

  const confirmText: Record<
    Confirming['kind'],
    { title: string; description: string; label: string }
  > = {
    deactivate: {
      title: 'Deactivate this membership?',
      description: `${member.name} loses this role’s access at once, on every device. Their account, other roles and history stay; you can reactivate it later.`,
      label: 'Deactivate',
    },
    remove: {
      title: 'Remove this membership?',
      description: `${member.name} loses this role’s access at once, on every device. This cannot be undone (invite them again instead). Their history is kept.`,
      label: 'Remove membership',
    },
    unassign: {
      title: 'Unassign this coach?',
      description: `${member.name} stops seeing this team’s board and its athletes at once, on every device.`,
      label: 'Unassign coach',
    },
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{member.name}</DialogTitle>
          <DialogDescription className="break-all">{member.email}</DialogDescription>
        </DialogHeader>
        {error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}

        <section aria-labelledby="memberships-heading" className="grid gap-3">
          <h3 id="memberships-heading" className="text-sm font-semibold">
            Memberships
          </h3>
          {open.length === 0 ? (
            <p className="text-sm text-muted-foreground">No open membership in this club.</p>
          ) : null}
          <ul className="grid gap-3">
            {open.map((m) => (
              <li key={m.id} className="grid gap-2 rounded-md border p-3" data-membership-id={m.id}>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">
                    <MembershipLabel membership={m} />
                  </span>
                  <StatusBadge status={m.status} />
                  <span className="text-muted-foreground">
                    since {m.startedAt.toLocaleDateString('en-GB', { dateStyle: 'medium' })}
                  </span>
                </div>
                <div className="flex flex-wrap gap-2">
                  {m.status === 'active' && m.role === 'athlete' && m.teamId ? (
                    <Button
                      variant="outline"
                      size="sm"
                      aria-expanded={editing?.kind === 'move' && editing.id === m.id}
                      onClick={() => setEditing({ kind: 'move', id: m.id })}
                    >
                      Move to another team
                    </Button>
                  ) : null}
                  {m.status === 'active' ? (
                    <Button
                      variant="outline"
                      size="sm"
                      aria-expanded={editing?.kind === 'role' && editing.id === m.id}
                      onClick={() => setEditing({ kind: 'role', id: m.id })}
                    >
                      Change role
                    </Button>
                  ) : null}
                  {m.status === 'deactivated' ? (
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={reactivate.isPending}
                      onClick={() => reactivate.mutate({ clubId, membershipId: m.id })}
                    >
                      Reactivate
                    </Button>
                  ) : null}
                  {m.status === 'active' ? (
                    <Button
                      variant="outline"
                      size="sm"
                      onClick={() => setConfirming({ kind: 'deactivate', membership: m })}
                    >
                      Deactivate
                    </Button>
                  ) : null}
                  <Button
                    variant="outline"
                    size="sm"
                    className="text-destructive"
                    onClick={() =>
                      setConfirming({
                        kind: m.role === 'coach' ? 'unassign' : 'remove',
                        membership: m,
                      })
                    }
                  >
                    {m.role === 'coach' ? 'Unassign from team' : 'Remove'}
                  </Button>
                </div>
                {editing?.id === m.id && editing.kind === 'move' ? (
                  <MoveForm
                    clubId={clubId}
                    membership={m}
                    teams={activeTeams.filter((t) => t.id !== m.teamId)}
                    onDone={() => done('Athlete moved')}
                    onCancel={() => setEditing(null)}
                  />
                ) : null}
                {editing?.id === m.id && editing.kind === 'role' ? (
                  <RoleForm
                    clubId={clubId}
                    membership={m}
                    teams={activeTeams}
                    onDone={() => done('Role changed')}
                    onCancel={() => setEditing(null)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {removed.length ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-muted-foreground">
                Earlier memberships ({removed.length})
              </summary>
              <ul className="mt-2 grid gap-1">
                {removed.map((m) => (
                  <li key={m.id}>
                    <MembershipLabel membership={m} /> · <StatusBadge status={m.status} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>

        {open.some((m) => m.status === 'active') ? (
          <>
            <Separator />
            <AssignCoachForm
              clubId={clubId}
              member={member}
              teams={activeTeams.filter(
                (t) => !open.some((m) => m.role === 'coach' && m.teamId === t.id),
              )}
              onDone={() => done('Coach assigned')}
            />
          </>
        ) : null}
        <Separator />
        <PasswordResetSection clubId={clubId} member={member} />

        {confirming ? (
          <ConfirmDialog
            open
            onOpenChange={(o) => {
              if (!o) {
                setConfirming(null);
                setConfirmError(undefined);
              }
            }}
            title={confirmText[confirming.kind].title}
            description={confirmText[confirming.kind].description}
            confirmLabel={confirmText[confirming.kind].label}
            destructive
            error={confirmError}
            pending={deactivate.isPending || remove.isPending || unassign.isPending}
            onConfirm={() => {
              const input = { clubId, membershipId: confirming.membership.id };
              if (confirming.kind === 'deactivate') deactivate.mutate(input);
              else if (confirming.kind === 'remove') remove.mutate(input);
              else unassign.mutate(input);
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function InlineError({ message }: { message?: string | undefined }) {
  return message ? (
    <p role="alert" className="text-sm font-medium text-destructive">
      {message}
    </p>
  ) : null;
}

function MoveForm({
  clubId,
  membership,
  teams,
  onDone,
  onCancel,
}: {
  clubId: string;
  membership: Membership;
  teams: TeamOption[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const [toTeamId, setToTeamId] = useState(teams[0]?.id ?? '');
  const [error, setError] = useState<string>();
  const move = useMutation(
    trpc.admin.moveAthlete.mutationOptions({
      onSuccess: onDone,
      onError: (e) => setError(adminErrorOf(e).message),
    }),
  );
  if (teams.length === 0)
    return <p className="text-sm text-muted-foreground">There is no other active team.</p>;
  return (
    <form
      className="grid gap-3 rounded-md bg-muted/50 p-3"
      aria-label={`Move from ${membership.teamName}`}
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate({ clubId, membershipId: membership.id, toTeamId });
      }}
    >
      <Field
        label="Move to team"
        hint="Their check-in history stays with them; both teams’ boards update at once."
        error={error}
      >
        <Select value={toTeamId} onChange={(e) => setToTeamId(e.target.value)}>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={move.isPending}>
          {move.isPending ? 'Moving…' : 'Move athlete'}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function RoleForm({
  clubId,
  membership,
  teams,
  onDone,
  onCancel,
}: {
  clubId: string;
  membership: Membership;
  teams: TeamOption[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const [role, setRole] = useState<Role>(membership.role === 'admin' ? 'coach' : 'admin');
  const [teamId, setTeamId] = useState(membership.teamId ?? teams[0]?.id ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const change = useMutation(
    trpc.admin.changeRole.mutationOptions({
      onSuccess: onDone,
      onError: (e) => {
        const info = adminErrorOf(e);
        setFieldErrors(info.fieldErrors);
        setMessage(Object.keys(info.fieldErrors).length ? undefined : info.message);
      },
    }),
  );
  return (
    <form
      className="grid gap-3 rounded-md bg-muted/50 p-3"
      aria-label="Change role"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate({
          clubId,
          membershipId: membership.id,
          role,
          teamId: role === 'admin' ? null : teamId || null,
        });
      }}
    >
      <InlineError message={message} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New role" error={fieldErrors.role}>
          <Select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="admin">Club admin</option>
            <option value="coach">Coach</option>
            <option value="athlete">Athlete</option>
          </Select>
        </Field>
        {role !== 'admin' ? (
          <Field label="Team" error={fieldErrors.teamId}>
            <Select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      <p className="text-sm text-muted-foreground">
        The current membership ends and the new role starts now.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={change.isPending}>
          {change.isPending ? 'Saving…' : 'Change role'}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function AssignCoachForm({
  clubId,
  member,
  teams,
  onDone,
}: {
  clubId: string;
  member: Member;
  teams: TeamOption[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [error, setError] = useState<string>();
  const assign = useMutation(
    trpc.admin.assignCoach.mutationOptions({
      onSuccess: onDone,
      onError: (e) => setError(adminErrorOf(e).message),
    }),
  );
  const selected = teams.some((t) => t.id === teamId) ? teamId : (teams[0]?.id ?? '');
  return (
    <section aria-labelledby="coach-heading" className="grid gap-3">
      <h3 id="coach-heading" className="text-sm font-semibold">
        Coach a team
      </h3>
      {teams.length === 0 ? (
        <p className="text-sm text-muted-foreground">They already coach every active team.</p>
      ) : (
        <form
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            assign.mutate({ clubId, userId: member.userId, teamId: selected });
          }}
        >
          <Field label="Team to coach" error={error} className="sm:flex-1">
            <Select value={selected} onChange={(e) => setTeamId(e.target.value)}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" variant="outline" disabled={assign.isPending}>
            Assign as coach
          </Button>
        </form>
      )}
    </section>
  );
}

function PasswordResetSection({ clubId, member }: { clubId: string; member: Member }) {
  const trpc = useTRPC();
  const linkId = useId();
  const [error, setError] = useState<string>();
  const issue = useMutation(
    trpc.admin.issuePasswordReset.mutationOptions({
      onSuccess: () => setError(undefined),
      onError: (e) => setError(adminErrorOf(e).message),
    }),
  );
  return (
    <section aria-labelledby="password-heading" className="grid gap-3">
      <h3 id="password-heading" className="text-sm font-semibold">
        Password
      </h3>
      <p className="text-sm text-muted-foreground">
        A one-time link, valid for 24 hours, lets {member.name} choose a new password. It signs them
        out everywhere. Give it to them yourself; a new link replaces the previous one.
      </p>
      <InlineError message={error} />
      {issue.data ? (
        <div className="grid gap-2" role="status">
          <Field
            id={linkId}
            label="Password-reset link"
            hint={`Valid until ${issue.data.expiresAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}.`}
          >
            <Input readOnly value={issue.data.link} onFocus={(e) => e.currentTarget.select()} />
          </Field>
          <div>
            <Button
              variant="outline"
              size="sm"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(issue.data.link);
                  toast({ title: 'Link copied', variant: 'success' });
                } catch {
                  (document.getElementById(linkId) as HTMLInputElement | null)?.select();
                  toast({ title: 'Copy the selected link', variant: 'info' });
                }
              }}
            >
              <Copy aria-hidden="true" />
              Copy link
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button
            variant="outline"
            disabled={issue.isPending}
            onClick={() => issue.mutate({ clubId, userId: member.userId })}
          >
            <KeyRound aria-hidden="true" />
            Create password-reset link
          </Button>
        </div>
      )}
    </section>
  );
}
