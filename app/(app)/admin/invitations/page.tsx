import type { Metadata } from 'next';
import { adminClub } from '../admin-club';
import { InvitationsAdmin } from './invitations-admin';

export const metadata: Metadata = { title: 'Invitations' };
export const dynamic = 'force-dynamic';

export default async function InvitationsPage() {
  const { clubId, clubName } = await adminClub();
  return <InvitationsAdmin clubId={clubId} clubName={clubName} />;
}
