'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { signInWithPassword } from '@/components/invites/sign-in-with-password';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { fieldErrorsOf } from '@/lib/trpc/field-errors';

const MESSAGES: Record<string, string> = {
  unknown: 'This link is not valid any more. Ask your club for a new one.',
  expired: 'This invitation has expired. Ask your club for a new one.',
  used: 'This invitation has already been used. If that was you, sign in.',
  revoked: 'This invitation was withdrawn. Ask your club for a new one.',
  sign_in_required: 'An account with this email exists: sign in first, then open the link again.',
  wrong_account:
    'You are signed in with another account than the one invited. Sign out and open the link again.',
  details_required: 'Please enter your name and a password.',
};

/**
 * Accepting a personal invitation: a new person sets name and password (then is signed in and
 * lands on their page); the invited person, signed in, confirms; someone with an account who is
 * not signed in goes to sign in first and comes back here.
 */
export function AcceptInviteForm({
  token,
  mode,
  email,
  defaultName,
  signInHref,
}: {
  token: string;
  mode: 'create' | 'accept' | 'sign-in';
  email: string;
  defaultName: string;
  signInHref: string;
}) {
  const trpc = useTRPC();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [signingIn, setSigningIn] = useState(false);
  const accept = useMutation(
    trpc.invites.accept.mutationOptions({
      async onSuccess(result, vars) {
        if (!result.ok) {
          setMessage(MESSAGES[result.problem]);
          return;
        }
        if (result.created && vars.password) {
          setSigningIn(true);
          const ok = await signInWithPassword(email, vars.password);
          // The account exists either way; without a session the login page takes over.
          window.location.assign(ok ? '/' : `/login?joined=1&email=${encodeURIComponent(email)}`);
          return;
        }
        window.location.assign('/');
      },
      onError(error) {
        const errors = fieldErrorsOf(error);
        setFieldErrors(errors ?? {});
        setMessage(errors ? undefined : error.message);
      },
    }),
  );

  if (mode === 'sign-in') {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm">
          You already have a Loadline account. Sign in, and you come back here to accept.
        </p>
        <Button asChild size="lg">
          <Link href={signInHref}>Sign in to accept</Link>
        </Button>
      </div>
    );
  }

  const pending = accept.isPending || signingIn;
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setMessage(undefined);
        setFieldErrors({});
        accept.mutate(
          mode === 'accept'
            ? { token }
            : {
                token,
                name: String(form.get('name') ?? ''),
                password: String(form.get('password') ?? ''),
              },
        );
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
      {mode === 'create' ? (
        <>
          <Field label="Email" hint="The address you were invited with.">
            <Input name="email" type="email" value={email} readOnly autoComplete="username" />
          </Field>
          <Field label="Your name" error={fieldErrors.name}>
            <Input name="name" autoComplete="name" defaultValue={defaultName} required />
          </Field>
          <Field
            label="Choose a password"
            hint="At least 10 characters."
            error={fieldErrors.password}
          >
            <Input name="password" type="password" autoComplete="new-password" required />
          </Field>
        </>
      ) : null}
      <Button type="submit" size="lg" disabled={pending}>
        {pending
          ? signingIn
            ? 'Signing you in…'
            : 'Joining…'
          : mode === 'create'
            ? 'Create account and join'
            : 'Accept invitation'}
      </Button>
    </form>
  );
}
