import type { Metadata } from 'next';
import Link from 'next/link';
import { Brand } from '@/components/shell/brand';
import { serverCaller } from '@/server/api/server-caller';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?' };
export const dynamic = 'force-dynamic';

export default async function ForgotPasswordPage() {
  // Without a mail server a link could only be shown on this page, to anyone who typed the address.
  const { caller } = await serverCaller();
  const { canMail } = await caller.passwordReset.canMail();
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh w-full max-w-sm flex-col justify-center gap-8 px-5 py-10"
    >
      <Brand className="self-center" />
      <div className="rounded-xl border border-border bg-card p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Forgot your password?</h1>
        {canMail ? (
          <>
            <p className="mb-6 text-sm text-muted-foreground">
              We will email you a link to choose a new one.
            </p>
            <ForgotPasswordForm />
          </>
        ) : (
          <p className="mb-2 text-sm text-muted-foreground">
            This Loadline server does not send email, so a reset link has to come from your club
            admin: ask them to open Members, choose your name and make a password-reset link.
          </p>
        )}
        <p className="mt-4 text-sm">
          <Link href="/login" className="text-primary underline underline-offset-4">
            Back to sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
