import type { Metadata } from 'next';
import Link from 'next/link';
import { Brand } from '@/components/shell/brand';
import { Button } from '@/components/ui/button';
import { serverCaller } from '@/server/api/server-caller';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

const RESET_PROBLEMS = {
  unknown: [
    'This link is not valid',
    'Check that you copied the whole link, or ask your club admin for a new one.',
  ],
  expired: [
    'This link has expired',
    'Reset links work for 24 hours. Ask your club admin for a new one.',
  ],
  used: [
    'This link has already been used',
    'If that was you, sign in with your new password. Otherwise ask your club admin for a new link.',
  ],
  revoked: [
    'This link no longer works',
    'A newer link was made, or the account is closed. Ask your club admin.',
  ],
} as const;

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { caller } = await serverCaller();
  const looked =
    token.length >= 10 && token.length <= 200
      ? await caller.passwordReset.lookup({ token })
      : ({ ok: false, problem: 'unknown' } as const);
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-8 px-5 py-10"
    >
      <Brand className="self-center" />
      <div className="rounded-xl border border-border bg-card p-6 shadow-sm">
        {looked.ok ? (
          <>
            <h1 className="mb-1 text-xl font-semibold">Choose a new password</h1>
            <p className="mb-6 text-sm break-words text-muted-foreground">
              For {looked.name} ({looked.email}). You will be signed out on every device.
            </p>
            <ResetPasswordForm token={token} email={looked.email} />
          </>
        ) : (
          <>
            <h1 className="mb-2 text-xl font-semibold">{RESET_PROBLEMS[looked.problem][0]}</h1>
            <p className="mb-6 text-sm text-muted-foreground">
              {RESET_PROBLEMS[looked.problem][1]}
            </p>
            <div className="flex flex-wrap gap-3">
              <Button asChild variant="outline">
                <Link href="/login">Go to sign in</Link>
              </Button>
              <Button asChild variant="ghost">
                <Link href="/reset">Ask for a new link</Link>
              </Button>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
