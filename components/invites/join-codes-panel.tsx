'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QrCode as QrIcon } from 'lucide-react';
import { useTRPC } from '@/components/providers/trpc';
import { EmptyState } from '@/components/shell/empty-state';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { CopyButton } from './copy-button';
import { formatDateTime } from './format';
import { QrCode } from './qr-code';
import { InviteStatusBadge } from './status-badge';

const CODE_DAYS = [1, 7, 14, 30, 90] as const;

/**
 * Team join codes of the teams the viewer manages in a club (admins: all; coaches: theirs): make
 * one, show its link and QR code (large, for the track), see uses and expiry, revoke it.
 */
export function JoinCodesPanel({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.invites.joinCodes.queryOptions({ clubId }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.invites.joinCodes.queryKey() });
  const create = useMutation(trpc.invites.createJoinCode.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.invites.revoke.mutationOptions({ onSettled: refresh }));

  if (query.isPending) return <Skeleton className="h-40 w-full" />;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        Could not load join codes: {query.error.message}
      </p>
    );
  const { teams, codes } = query.data;
  const active = codes.filter((c) => c.status === 'active');
  const past = codes.filter((c) => c.status !== 'active').slice(0, 10);

  return (
    <div className="flex flex-col gap-4">
      <form
        noValidate
        className="grid items-start gap-4 sm:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          create.mutate({
            teamId: String(form.get('teamId') ?? ''),
            expiresInDays: Number(form.get('expiresInDays') ?? 14),
            maxUses: Number(form.get('maxUses') ?? 40),
          });
        }}
      >
        <Field label="Team">
          <Select name="teamId" defaultValue={teams[0]?.id ?? ''}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Valid for">
          <Select name="expiresInDays" defaultValue="14">
            {CODE_DAYS.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? '1 day' : `${d} days`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Up to (people)">
          <Input
            name="maxUses"
            type="number"
            inputMode="numeric"
            min={1}
            max={500}
            defaultValue={40}
          />
        </Field>
        <div className="flex self-end">
          <Button
            type="submit"
            disabled={create.isPending || teams.length === 0}
            className="w-full sm:w-auto"
          >
            {create.isPending ? 'Creating…' : 'Create join code'}
          </Button>
        </div>
        {create.isError ? (
          <p role="alert" className="text-sm font-medium text-destructive sm:col-span-4">
            {create.error.message}
          </p>
        ) : null}
      </form>

      {active.length === 0 ? (
        <EmptyState
          headingLevel={3}
          icon={<QrIcon />}
          title="No active join codes"
          description="A join code is one link (and QR code) for a whole group: each person who uses it asks to join, and you approve them below."
        />
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Active join codes">
          {active.map((code) => (
            <li key={code.id}>
              <Card data-join-code-id={code.id}>
                <CardContent className="flex flex-col gap-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold">{code.teamName}</h3>
                    <InviteStatusBadge status={code.status} />
                  </div>
                  <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                    <dt className="text-muted-foreground">Used</dt>
                    <dd>
                      {code.uses} of {code.maxUses}
                    </dd>
                    <dt className="text-muted-foreground">Expires</dt>
                    <dd>{formatDateTime(code.expiresAt)}</dd>
                  </dl>
                  <p className="rounded-md border bg-muted/40 p-2 font-mono text-xs break-all">
                    {code.link}
                  </p>
                  <div className="flex flex-wrap gap-2">
                    <CopyButton text={code.link!} />
                    <Dialog>
                      <DialogTrigger asChild>
                        <Button size="sm" variant="outline">
                          <QrIcon aria-hidden="true" />
                          Show QR code
                        </Button>
                      </DialogTrigger>
                      <DialogContent>
                        <DialogHeader>
                          <DialogTitle>Join {code.teamName}</DialogTitle>
                          <DialogDescription>
                            Scan with a phone camera to ask to join. A coach approves each request.
                          </DialogDescription>
                        </DialogHeader>
                        <QrCode
                          value={code.link!}
                          label={`QR code of the join link for ${code.teamName}`}
                          className="mx-auto max-w-xs"
                        />
                        <p className="text-center font-mono text-xs break-all">{code.link}</p>
                      </DialogContent>
                    </Dialog>
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={revoke.isPending && revoke.variables?.inviteId === code.id}
                      onClick={() => revoke.mutate({ inviteId: code.id })}
                      aria-label={`Revoke the join code of ${code.teamName}`}
                    >
                      Revoke
                    </Button>
                  </div>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground">
            Earlier codes ({past.length})
          </summary>
          <ul className="mt-2 flex flex-col gap-1">
            {past.map((code) => (
              <li key={code.id} className="flex flex-wrap items-center gap-2">
                <InviteStatusBadge status={code.status} />
                <span>
                  {code.teamName} · used {code.uses} of {code.maxUses} · until{' '}
                  {formatDateTime(code.expiresAt)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
