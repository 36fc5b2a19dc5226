import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Brand } from '@/components/shell/brand';
import { getDb } from '@/db';
import { landingPath } from '@/server/api/landing';
import { serverCaller } from '@/server/api/server-caller';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; next?: string; joined?: string; email?: string }>;
}) {
  const { error, next, joined, email } = await searchParams;
  // Only same-site paths, never `//host` or a full URL: no open redirect.
  const safeNext = next && /^\/(?!\/)[\w\-/.?=&%]*$/.test(next) ? next : undefined;
  const { viewer } = await serverCaller();
  if (viewer) redirect(safeNext ?? (await landingPath(await getDb(), viewer)));
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh w-full max-w-sm flex-col justify-center gap-8 px-5 py-10"
    >
      <Brand className="self-center" />
      <div className="rounded-xl border border-border bg-card p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
        <p className="mb-6 text-sm text-muted-foreground">
          Daily check-ins and the live squad board for your club.
        </p>
        {joined ? (
          <p role="status" className="mb-4 rounded-md border border-border bg-muted p-3 text-sm">
            Your account is ready. Sign in to continue.
          </p>
        ) : null}
        <LoginForm
          initialError={
            error === 'TooManyAttempts'
              ? 'Too many sign-in attempts. Please wait and try again.'
              : undefined
          }
          next={safeNext}
          email={email}
        />
        <p className="mt-4 text-sm">
          <Link href="/reset" className="text-primary underline underline-offset-4">
            Forgot your password?
          </Link>
        </p>
      </div>
    </main>
  );
}
