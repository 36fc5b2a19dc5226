import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/shell/page-header';
import { serverCaller } from '@/server/api/server-caller';
import { isAthlete } from '@/server/auth/viewer';
import { RecentCheckIns } from './recent-check-ins';

export const metadata: Metadata = { title: 'Check-in' };
export const dynamic = 'force-dynamic';

export default async function CheckInPage() {
  const { viewer } = await serverCaller();
  if (!viewer || !isAthlete(viewer)) notFound();
  return (
    <>
      <PageHeader
        title="Daily check-in"
        description="Your runs, knee pain and wellness, day by day."
      />
      <RecentCheckIns timeZone={viewer.timeZone} />
    </>
  );
}
