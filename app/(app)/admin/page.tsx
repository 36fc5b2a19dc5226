import type { Metadata } from 'next';
import { EscalationBanner } from '@/components/alerts/escalation-banner';
import { adminClub } from './admin-club';
import { ClubOverview } from './club-overview';

export const metadata: Metadata = { title: 'Club admin' };
export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const { clubId, clubName } = await adminClub();
  return (
    <div className="flex flex-col gap-4">
      <EscalationBanner clubId={clubId} />
      <ClubOverview clubId={clubId} clubName={clubName} />
    </div>
  );
}
