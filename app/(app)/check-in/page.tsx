import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CheckInForm } from '@/components/checkin/check-in-form';
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
    <div className="mx-auto flex w-full max-w-xl flex-col gap-10">
      <div>
        <PageHeader title="Daily check-in" description="Your run, your knee and how you feel." />
        <CheckInForm />
      </div>
      <RecentCheckIns />
    </div>
  );
}
