'use client';
import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

const MESSAGES: Record<string, string> = {
  unknown: 'This link is not valid any more.',
  expired: 'This invitation has expired.',
  used: 'This invitation has already been used.',
  revoked: 'This invitation was withdrawn.',
  sign_in_required: 'An account with this email exists: sign in first, then open the link again.',
  wrong_account:
    'You are signed in with another account than the one invited. Sign out and sign in as the invited person.',
  details_required: 'Please enter your name and a password.',
};

export function AcceptInviteForm({
  token,
  mode,
  email,
}: {
  token: string;
  mode: 'create' | 'accept' | 'sign-in';
  email: string;
}) {
  const trpc = useTRPC();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const accept = useMutation(
    trpc.invites.accept.mutationOptions({
      onSuccess(result) {
        if (result.ok) {
          window.location.assign(
            result.created ? `/login?joined=1&email=${encodeURIComponent(email)}` : '/',
          );
        } else setMessage(MESSAGES[result.problem]);
      },
      onError(error) {
        const data =
          error instanceof TRPCClientError
            ? (error.data as { fieldErrors?: Record<string, string> })
            : undefined;
        setFieldErrors(data?.fieldErrors ?? {});
        setMessage(data?.fieldErrors ? undefined : error.message);
      },
    }),
  );

  if (mode === 'sign-in') {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm">
          You already have a Loadline account. Sign in, then open this link again to join.
        </p>
        <Button asChild>
          <Link href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>
            Sign in to accept
          </Link>
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
        const form = new FormData(e.currentTarget);
        setMessage(undefined);
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
          <Field label="Your name" error={fieldErrors.name}>
            <Input name="name" autoComplete="name" required />
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
      <Button type="submit" size="lg" disabled={accept.isPending}>
        {mode === 'create' ? 'Create account and join' : 'Accept invitation'}
      </Button>
    </form>
  );
}
