import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { contextsOf, currentContext } from '@/server/api/contexts';
import { serverCaller } from '@/server/api/server-caller';
import { ClubOverview } from './club-overview';

export const metadata: Metadata = { title: 'Club admin' };
export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const { viewer } = await serverCaller();
  if (!viewer) notFound();
  const current = currentContext(viewer);
  const club =
    current?.role === 'admin' ? current : contextsOf(viewer).find((c) => c.role === 'admin');
  if (!club) notFound();
  const clubName = viewer.memberships.find((m) => m.clubId === club.clubId)?.clubName ?? 'Club';
  return <ClubOverview clubId={club.clubId} clubName={clubName} />;
}
