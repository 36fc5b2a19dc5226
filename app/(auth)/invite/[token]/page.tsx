import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutHere } from '@/components/invites/sign-out-here';
import { Brand } from '@/components/shell/brand';
import { Button } from '@/components/ui/button';
import { serverCaller } from '@/server/api/server-caller';
import { AcceptInviteForm } from './accept-invite-form';
import { JoinTeamForm } from './join-team-form';

export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

/** What went wrong with a link, and what to do about it: a page, never an error. */
const PROBLEMS = {
  unknown: [
    'This link is not valid',
    'It may be incomplete or mistyped. Copy the whole link from your email or message again, or ask your club for a new one.',
  ],
  expired: [
    'This invitation has expired',
    'Invitation links work for a limited time. Ask your club admin or coach to send you a new one.',
  ],
  used: [
    'This invitation has already been used',
    'Each personal link works once, and join codes have a limit. If you already joined, sign in. Otherwise ask your club for a new link.',
  ],
  revoked: [
    'This invitation was withdrawn',
    'The club took this link back. Ask your club admin or coach for a new one.',
  ],
} as const;

function roleText(role: 'admin' | 'coach' | 'athlete', teamName: string | null) {
  if (role === 'admin') return 'a club admin';
  return `${role === 'coach' ? 'a coach' : 'an athlete'}${teamName ? ` of ${teamName}` : ''}`;
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { caller, viewer } = await serverCaller();
  const looked =
    token.length >= 10 && token.length <= 200
      ? await caller.invites.lookup({ token })
      : ({ ok: false, problem: 'unknown' } as const);
  const here = `/invite/${token}`;

  let body: React.ReactNode;
  if (!looked.ok) {
    body = (
      <>
        <h1 className="mb-2 text-xl font-semibold">{PROBLEMS[looked.problem][0]}</h1>
        <p className="mb-6 text-sm text-muted-foreground">{PROBLEMS[looked.problem][1]}</p>
        <Button asChild variant="outline">
          {viewer ? <Link href="/">Go to my page</Link> : <Link href="/login">Go to sign in</Link>}
        </Button>
      </>
    );
  } else if (looked.invite.kind === 'team_code') {
    const { invite } = looked;
    body = (
      <>
        <h1 className="mb-1 text-xl font-semibold">Join {invite.teamName}</h1>
        <p className="mb-6 text-sm text-muted-foreground">
          {invite.clubName} · You ask to join as an athlete; a coach of {invite.teamName} approves
          your request.
        </p>
        <JoinTeamForm
          token={token}
          teamName={invite.teamName ?? 'the team'}
          signedInAs={viewer ? { name: viewer.name, email: viewer.email } : null}
          signInHref={`/login?next=${encodeURIComponent(here)}`}
        />
      </>
    );
  } else {
    const { invite } = looked;
    const invitedEmail = invite.email ?? '';
    const isInvitee = !!viewer && viewer.email.toLowerCase() === invitedEmail.toLowerCase();
    body = (
      <>
        <h1 className="mb-1 text-xl font-semibold">Join {invite.clubName}</h1>
        <p className="mb-6 text-sm text-muted-foreground">
          {invite.name ? `${invite.name}, you are` : 'You are'} invited as{' '}
          {roleText(invite.role, invite.teamName)} ({invitedEmail}).
        </p>
        {viewer && !isInvitee ? (
          <div className="flex flex-col gap-4">
            <p className="text-sm">
              This invitation is for <strong>{invitedEmail}</strong>, but you are signed in as{' '}
              <strong>{viewer.email}</strong>. Sign out, then open this link again as the invited
              person.
            </p>
            <SignOutHere label="Sign out and continue" />
          </div>
        ) : (
          <AcceptInviteForm
            token={token}
            mode={isInvitee ? 'accept' : invite.hasAccount ? 'sign-in' : 'create'}
            email={invitedEmail}
            defaultName={invite.name ?? ''}
            signInHref={`/login?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitedEmail)}`}
          />
        )}
      </>
    );
  }

  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-8 px-5 py-10"
    >
      <Brand className="self-center" />
      <div className="rounded-xl border border-border bg-card p-6 shadow-sm">{body}</div>
    </main>
  );
}
