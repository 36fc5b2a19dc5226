'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { fieldErrorsOf } from '@/lib/trpc/field-errors';
import { CopyButton } from './copy-button';
import { EMAIL_STATUS_TEXT, formatDateTime, roleLabel } from './format';

type Role = 'athlete' | 'coach' | 'admin';
export const EXPIRY_DAYS = [1, 3, 7, 14, 30] as const;

/** The form of one personal invitation; its link is shown once, right below, after creation. */
export function PersonalInviteForm({
  clubId,
  teams,
}: {
  clubId: string;
  teams: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>('athlete');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formKey, setFormKey] = useState(0);
  const resultId = useId();
  const create = useMutation(
    trpc.invites.create.mutationOptions({
      onSuccess() {
        setFieldErrors({});
        setFormKey((k) => k + 1);
        setRole('athlete');
        void queryClient.invalidateQueries({ queryKey: trpc.invites.list.queryKey() });
        // Bring the one-time link into view and to screen readers.
        requestAnimationFrame(() => document.getElementById(resultId)?.focus());
      },
      onError(error) {
        const errors = fieldErrorsOf(error);
        setFieldErrors(errors ?? {});
      },
    }),
  );
  const formError =
    create.isError && Object.keys(fieldErrors).length === 0 ? create.error.message : undefined;

  return (
    <div className="flex flex-col gap-4">
      <form
        key={formKey}
        noValidate
        className="grid items-start gap-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const team = String(form.get('teamId') ?? '');
          create.mutate({
            clubId,
            email: String(form.get('email') ?? ''),
            name: String(form.get('name') ?? '') || undefined,
            role,
            teamId: role === 'admin' ? null : team || null,
            expiresInDays: Number(form.get('expiresInDays') ?? 7),
          });
        }}
      >
        <Field label="Email" error={fieldErrors.email}>
          <Input
            name="email"
            type="email"
            inputMode="email"
            autoCapitalize="none"
            autoComplete="off"
            required
          />
        </Field>
        <Field label="Name" optional hint="Shown in the email and on the sign-up page.">
          <Input name="name" autoComplete="off" />
        </Field>
        <Field label="Role" error={fieldErrors.role}>
          <Select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="athlete">Athlete</option>
            <option value="coach">Coach</option>
            <option value="admin">Club admin</option>
          </Select>
        </Field>
        {role === 'admin' ? (
          <Field label="Team" hint="Club admins see every team.">
            <Select name="teamId" disabled defaultValue="">
              <option value="">Whole club</option>
            </Select>
          </Field>
        ) : (
          <Field label="Team" error={fieldErrors.teamId}>
            <Select name="teamId" defaultValue={teams[0]?.id ?? ''} required>
              {teams.length === 0 ? <option value="">No teams yet</option> : null}
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Link valid for" error={fieldErrors.expiresInDays}>
          <Select name="expiresInDays" defaultValue="7">
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? '1 day' : `${d} days`}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex self-end">
          <Button type="submit" disabled={create.isPending} className="w-full sm:w-auto">
            {create.isPending ? 'Creating…' : 'Create invitation'}
          </Button>
        </div>
        {formError ? (
          <p role="alert" className="text-sm font-medium text-destructive sm:col-span-2">
            {formError}
          </p>
        ) : null}
      </form>

      {create.data ? (
        <Alert
          id={resultId}
          tabIndex={-1}
          variant="success"
          role="status"
          className="outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <AlertTitle>
            Invitation for {create.data.name ?? create.data.email} ({roleLabel(create.data.role)}
            {create.data.teamName ? `, ${create.data.teamName}` : ''})
          </AlertTitle>
          <AlertDescription>
            <p>{EMAIL_STATUS_TEXT[create.data.emailStatus]}</p>
            <p>
              This link works once, until {formatDateTime(create.data.expiresAt)}. It is shown only
              now.
            </p>
            <p className="my-2 rounded-md border bg-card p-2 font-mono text-xs break-all">
              {create.data.link}
            </p>
            <CopyButton text={create.data.link} />
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
