import { notFound } from 'next/navigation';
import { contextsOf, currentContext } from '@/server/api/contexts';
import { serverCaller } from '@/server/api/server-caller';

/** The club an admin page works on: the current admin context, else the first club they administer. */
export async function adminClub(): Promise<{ clubId: string; clubName: string }> {
  const { viewer } = await serverCaller();
  if (!viewer) notFound();
  const current = currentContext(viewer);
  const club =
    current?.role === 'admin' ? current : contextsOf(viewer).find((c) => c.role === 'admin');
  if (!club) notFound();
  const clubName = viewer.memberships.find((m) => m.clubId === club.clubId)?.clubName ?? 'Club';
  return { clubId: club.clubId, clubName };
}
