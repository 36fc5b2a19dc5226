import type { Metadata } from 'next';
import Link from 'next/link';
import { Brand } from '@/components/shell/brand';
import { Button } from '@/components/ui/button';
import { serverCaller } from '@/server/api/server-caller';
import { AcceptInviteForm } from './accept-invite-form';

export const metadata: Metadata = { title: 'Invitation' };
export const dynamic = 'force-dynamic';

const PROBLEMS = {
  unknown: [
    'This link is not valid',
    'Check that you copied the whole link, or ask your club for a new one.',
  ],
  expired: ['This invitation has expired', 'Ask your club admin or coach to send you a new one.'],
  used: [
    'This invitation has already been used',
    'If that was you, sign in. Otherwise ask your club for a new one.',
  ],
  revoked: ['This invitation was withdrawn', 'Ask your club admin for a new one.'],
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { caller, viewer } = await serverCaller();
  const looked =
    token.length >= 10 && token.length <= 200
      ? await caller.invites.lookup({ token })
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
            <h1 className="mb-1 text-xl font-semibold">Join {looked.invite.clubName}</h1>
            <p className="mb-6 text-sm text-muted-foreground">
              You are invited as{' '}
              {looked.invite.role === 'admin' ? 'a club admin' : `a ${looked.invite.role}`}
              {looked.invite.teamName ? ` of ${looked.invite.teamName}` : ''} ({looked.invite.email}
              ).
            </p>
            <AcceptInviteForm
              token={token}
              mode={looked.invite.hasAccount ? (viewer ? 'accept' : 'sign-in') : 'create'}
              email={looked.invite.email ?? ''}
            />
          </>
        ) : (
          <>
            <h1 className="mb-2 text-xl font-semibold">{PROBLEMS[looked.problem][0]}</h1>
            <p className="mb-6 text-sm text-muted-foreground">{PROBLEMS[looked.problem][1]}</p>
            <Button asChild variant="outline">
              <Link href="/login">Go to sign in</Link>
            </Button>
          </>
        )}
      </div>
    </main>
  );
}
