import type { Metadata } from 'next';
import { TeamsAdmin } from '@/components/admin/teams-admin';
import { adminClub } from '../admin-club';

export const metadata: Metadata = { title: 'Teams' };
export const dynamic = 'force-dynamic';

export default async function AdminTeamsPage() {
  const { clubId, clubName } = await adminClub();
  return <TeamsAdmin clubId={clubId} clubName={clubName} />;
}
