'use client';
import { CircleAlert } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/** Posts to Auth.js's credentials callback directly, so the limiter's 429 can be shown as such. */
async function signIn(
  email: string,
  password: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const csrf = await fetch('/api/auth/csrf').then(
    (r) => r.json() as Promise<{ csrfToken: string }>,
  );
  const res = await fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
    body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, callbackUrl: '/' }),
  });
  if (res.status === 429) {
    const minutes = Math.ceil(Number(res.headers.get('retry-after') ?? '60') / 60);
    return {
      ok: false,
      message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    };
  }
  if (res.status === 400) return { ok: false, message: 'Email or password is too long.' };
  const data = (await res.json().catch(() => ({}))) as { url?: string };
  const error = data.url
    ? new URL(data.url, window.location.origin).searchParams.get('error')
    : 'unknown';
  if (!res.ok || error)
    return { ok: false, message: 'That email and password do not match an account.' };
  return { ok: true };
}

export function LoginForm({
  initialError,
  next,
  email,
}: {
  initialError?: string | undefined;
  next?: string | undefined;
  email?: string | undefined;
}) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn(
        String(form.get('email') ?? ''),
        String(form.get('password') ?? ''),
      );
      if (result.ok) {
        window.location.assign(next ?? '/');
        return;
      }
      setError(result.message);
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? (
        <p
          role="alert"
          className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm"
        >
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      ) : null}
      <Field label="Email">
        <Input
          name="email"
          type="email"
          defaultValue={email}
          autoComplete="username"
          required
          inputMode="email"
          autoCapitalize="none"
        />
      </Field>
      <Field label="Password">
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
