import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EscalationBanner } from '@/components/alerts/escalation-banner';
import { PageHeader } from '@/components/shell/page-header';
import { SquadBoard } from '@/components/squad/squad-board';
import { type TeamChoice, TeamSwitcher } from '@/components/squad/team-switcher';
import { Button } from '@/components/ui/button';
import { serverCaller } from '@/server/api/server-caller';
import type { Viewer } from '@/server/auth/viewer';

export const dynamic = 'force-dynamic';

/** The teams the viewer coaches, each once, by name. */
function coachedTeams(viewer: Viewer): TeamChoice[] {
  const seen = new Set<string>();
  const out: TeamChoice[] = [];
  for (const m of viewer.memberships) {
    if (m.role !== 'coach' || !m.teamId || seen.has(m.teamId)) continue;
    seen.add(m.teamId);
    out.push({ teamId: m.teamId, teamName: m.teamName ?? 'Team', clubName: m.clubName });
  }
  return out.sort((a, b) => a.teamName.localeCompare(b.teamName));
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ teamId: string }>;
}): Promise<Metadata> {
  const { teamId } = await params;
  const { viewer } = await serverCaller();
  const team = viewer ? coachedTeams(viewer).find((t) => t.teamId === teamId) : undefined;
  return { title: team ? team.teamName : 'Squad' };
}

export default async function SquadPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { viewer } = await serverCaller();
  if (!viewer) notFound();
  const teams = coachedTeams(viewer);
  const team = teams.find((t) => t.teamId === teamId);
  // Not a team this person coaches (or no such team): the same answer, and none of its data.
  if (!team) notFound();
  return (
    <div className="flex flex-col gap-2">
      <PageHeader
        title={team.teamName}
        eyebrow={team.clubName}
        description="Live squad board: attention first, so the athletes who need you are on top."
        actions={
          <>
            <TeamSwitcher teams={teams} current={teamId} />
            <Button asChild variant="outline" size="sm">
              <Link href={`/squad/${teamId}/joins`}>Join codes</Link>
            </Button>
          </>
        }
      />
      <EscalationBanner />
      <SquadBoard
        teamId={teamId}
        teamName={team.teamName}
        viewerId={viewer.userId}
        teamNames={Object.fromEntries(teams.map((t) => [t.teamId, t.teamName]))}
      />
    </div>
  );
}
