'use client';
import { useMutation } from '@tanstack/react-query';
import { CircleAlert } from 'lucide-react';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { fieldErrorsOf } from '@/lib/trpc/field-errors';

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const request = useMutation(
    trpc.passwordReset.request.mutationOptions({
      onSuccess(result, input) {
        if (result.sent) setSentTo(input.email.trim());
        else setMessage('This server cannot send email any more. Ask your club admin for a link.');
      },
      onError(error) {
        const errors = fieldErrorsOf(error);
        setFieldError(errors?.email);
        setMessage(errors ? undefined : error.message);
      },
    }),
  );

  if (sentTo) {
    return (
      <p role="status" className="text-sm break-words">
        If {sentTo} belongs to a Loadline account, a link to choose a new password is on its way. It
        works once, for 24 hours. Nothing there after a few minutes? Check your spam folder, or ask
        your club admin for a link.
      </p>
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        setMessage(undefined);
        setFieldError(undefined);
        request.mutate({ email });
      }}
    >
      {message ? (
        <p
          role="alert"
          className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm"
        >
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {message}
        </p>
      ) : null}
      <Field label="Email" error={fieldError}>
        <Input
          name="email"
          type="email"
          autoComplete="username"
          required
          inputMode="email"
          autoCapitalize="none"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Button type="submit" size="lg" disabled={request.isPending}>
        {request.isPending ? 'Sending…' : 'Email me a link'}
      </Button>
    </form>
  );
}
