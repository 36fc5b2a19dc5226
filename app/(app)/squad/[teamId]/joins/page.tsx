import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { JoinCodesPanel } from '@/components/invites/join-codes-panel';
import { JoinRequestsPanel } from '@/components/invites/join-requests-panel';
import { PageHeader } from '@/components/shell/page-header';
import { serverCaller } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Join codes' };
export const dynamic = 'force-dynamic';

/** A coach's own screen for the team's join codes and the join requests awaiting approval. */
export default async function TeamJoinsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { viewer } = await serverCaller();
  if (!viewer) notFound();
  const coached = viewer.memberships.find((m) => m.role === 'coach' && m.teamId === teamId);
  if (!coached) notFound();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Join codes and requests"
        eyebrow={
          <Link href={`/squad/${teamId}`} className="underline-offset-4 hover:underline">
            ← {coached.teamName ?? 'Squad'}
          </Link>
        }
        description="Share a join code at the track; approve each runner who joins before they appear on the board."
      />
      <JoinRequestsPanel clubId={coached.clubId} />
      <JoinCodesPanel clubId={coached.clubId} />
    </div>
  );
}
