'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { fieldErrorsOf } from '@/lib/trpc/field-errors';

const PROBLEMS: Record<string, string> = {
  unknown: 'This link is not valid any more. Ask your club admin for a new one.',
  expired: 'This link has expired. Ask your club admin for a new one.',
  used: 'This link has already been used. Sign in with your new password.',
  revoked: 'This link no longer works. Ask your club admin for a new one.',
};

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState(false);
  const complete = useMutation(
    trpc.passwordReset.complete.mutationOptions({
      onSuccess(result) {
        if (result.ok) setDone(true);
        else setMessage(PROBLEMS[result.problem]);
      },
      onError(error) {
        const errors = fieldErrorsOf(error);
        setFieldErrors(errors ?? {});
        setMessage(errors ? undefined : error.message);
      },
    }),
  );

  if (done) {
    return (
      <div role="status" className="flex flex-col gap-4">
        <p className="text-sm">
          Your password is changed and you are signed out everywhere. Sign in with the new password.
        </p>
        <Button asChild size="lg">
          <Link href={`/login?email=${encodeURIComponent(email)}`}>Sign in</Link>
        </Button>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        setMessage(undefined);
        if (password !== repeat) {
          setFieldErrors({ repeat: 'The two passwords are not the same' });
          return;
        }
        setFieldErrors({});
        complete.mutate({ token, password });
      }}
    >
      {message ? (
        <p
          role="alert"
          className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm"
        >
          {message}
        </p>
      ) : null}
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      <Field label="New password" hint="At least 10 characters." error={fieldErrors.password}>
        <Input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Field label="Repeat the new password" error={fieldErrors.repeat}>
        <Input
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </Field>
      <Button type="submit" size="lg" disabled={complete.isPending}>
        {complete.isPending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
