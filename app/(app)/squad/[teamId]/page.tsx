import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/shell/page-header';
import { serverCaller } from '@/server/api/server-caller';
import { coachTeamIds } from '@/server/auth/viewer';
import { SquadBoard } from './squad-board';

export const metadata: Metadata = { title: 'Squad' };
export const dynamic = 'force-dynamic';

export default async function SquadPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { viewer } = await serverCaller();
  if (!viewer || !coachTeamIds(viewer).includes(teamId)) notFound();
  const team = viewer.memberships.find((m) => m.teamId === teamId && m.role === 'coach');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={team?.teamName ?? 'Squad'}
        eyebrow={team?.clubName}
        description="Attention first: red, amber, not checked in today, then green."
      />
      <SquadBoard teamId={teamId} />
    </div>
  );
}
