import type { Metadata } from 'next';
import { MembersAdmin } from '@/components/admin/members-admin';
import { adminClub } from '../admin-club';

export const metadata: Metadata = { title: 'Members' };
export const dynamic = 'force-dynamic';

export default async function AdminMembersPage() {
  const { clubId, clubName } = await adminClub();
  return <MembersAdmin clubId={clubId} clubName={clubName} />;
}
