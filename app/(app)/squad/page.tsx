import { notFound, redirect } from 'next/navigation';
import { contextsOf, currentContext } from '@/server/api/contexts';
import { serverCaller } from '@/server/api/server-caller';

export const dynamic = 'force-dynamic';

/** The coach's current team, or the first team they coach. */
export default async function SquadIndex() {
  const { viewer } = await serverCaller();
  if (!viewer) redirect('/login');
  const current = currentContext(viewer);
  const team =
    current?.role === 'coach' ? current : contextsOf(viewer).find((c) => c.role === 'coach');
  if (!team?.teamId) notFound();
  redirect(`/squad/${team.teamId}`);
}
