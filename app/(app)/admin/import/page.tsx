import type { Metadata } from 'next';
import { adminClub } from '../admin-club';
import { RosterImport } from './roster-import';

export const metadata: Metadata = { title: 'Import roster' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  const { clubId, clubName } = await adminClub();
  return <RosterImport clubId={clubId} clubName={clubName} />;
}
