'use client';
import { useMutation } from '@tanstack/react-query';
import { CircleCheck } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { signInWithPassword } from '@/components/invites/sign-in-with-password';
import { SignOutHere } from '@/components/invites/sign-out-here';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { fieldErrorsOf } from '@/lib/trpc/field-errors';

const MESSAGES: Record<string, string> = {
  unknown: 'This join code is not valid any more. Ask your coach for a new one.',
  expired: 'This join code has expired. Ask your coach for a new one.',
  used: 'This join code has been used by as many people as it allows. Ask your coach for a new one.',
  revoked: 'This join code was withdrawn. Ask your coach for a new one.',
  sign_in_required: 'An account with this email exists: sign in, and you come back here to join.',
  details_required: 'Please enter your name, email and a password.',
  already_member: 'You are already in this team.',
  already_in_club:
    'You already run for another team of this club. Ask your club admin to move you.',
};

/**
 * Asking to join a team with its join code: a new person creates an account (and is signed in),
 * a signed-in person just asks. Either way the request waits for a coach's approval.
 */
export function JoinTeamForm({
  token,
  teamName,
  signedInAs,
  signInHref,
}: {
  token: string;
  teamName: string;
  signedInAs: { name: string; email: string } | null;
  signInHref: string;
}) {
  const trpc = useTRPC();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const join = useMutation(
    trpc.invites.join.mutationOptions({
      async onSuccess(result, vars) {
        if (!result.ok) {
          setMessage(MESSAGES[result.problem]);
          return;
        }
        if ('created' in result && result.created && vars.email && vars.password)
          await signInWithPassword(vars.email, vars.password);
        setDone(true);
      },
      onError(error) {
        const errors = fieldErrorsOf(error);
        setFieldErrors(errors ?? {});
        setMessage(errors ? undefined : error.message);
      },
    }),
  );
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (done) {
    return (
      <div ref={doneRef} tabIndex={-1} role="status" className="flex flex-col gap-4 outline-none">
        <p className="flex items-start gap-2 font-medium">
          <CircleCheck aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-level-green" />
          Request sent
        </p>
        <p className="text-sm text-muted-foreground">
          A coach of {teamName} will approve it. After that you can sign in and do your daily
          check-in.
        </p>
        <Button asChild variant="outline">
          <Link href="/">Go to my page</Link>
        </Button>
      </div>
    );
  }

  const error = message ? (
    <p
      role="alert"
      className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm"
    >
      {message}
    </p>
  ) : null;

  if (signedInAs) {
    return (
      <div className="flex flex-col gap-4">
        {error}
        <p className="text-sm">
          You are signed in as <strong>{signedInAs.name}</strong> ({signedInAs.email}).
        </p>
        <Button
          size="lg"
          disabled={join.isPending}
          onClick={() => {
            setMessage(undefined);
            join.mutate({ token });
          }}
        >
          {join.isPending ? 'Sending…' : `Ask to join ${teamName}`}
        </Button>
        <SignOutHere label="Not you? Sign out" />
      </div>
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setMessage(undefined);
        setFieldErrors({});
        join.mutate({
          token,
          name: String(form.get('name') ?? ''),
          email: String(form.get('email') ?? ''),
          password: String(form.get('password') ?? ''),
        });
      }}
    >
      {error}
      <Field label="Your name" error={fieldErrors.name}>
        <Input name="name" autoComplete="name" required />
      </Field>
      <Field label="Email" error={fieldErrors.email}>
        <Input
          name="email"
          type="email"
          inputMode="email"
          autoCapitalize="none"
          autoComplete="username"
          required
        />
      </Field>
      <Field label="Choose a password" hint="At least 10 characters." error={fieldErrors.password}>
        <Input name="password" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" size="lg" disabled={join.isPending}>
        {join.isPending ? 'Sending…' : 'Create account and ask to join'}
      </Button>
      <p className="text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link href={signInHref} className="text-primary underline underline-offset-4">
          Sign in to join
        </Link>
      </p>
    </form>
  );
}
