import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CheckInForm } from '@/components/checkin/check-in-form';
import { ConsentGate } from '@/components/consent/consent-gate';
import { PageHeader } from '@/components/shell/page-header';
import { serverCaller } from '@/server/api/server-caller';
import { isAthlete } from '@/server/auth/viewer';
import { RecentCheckIns } from './recent-check-ins';

export const metadata: Metadata = { title: 'Check-in' };
export const dynamic = 'force-dynamic';

export default async function CheckInPage() {
  const { caller, viewer } = await serverCaller();
  if (!viewer || !isAthlete(viewer)) notFound();
  // Without a current consent the consent step replaces the form (security.md check 23).
  const consent = await caller.account.consentState().catch(() => undefined);
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-10">
      <div>
        <PageHeader title="Daily check-in" description="Your run, your knee and how you feel." />
        <ConsentGate initial={consent}>
          <CheckInForm />
        </ConsentGate>
      </div>
      <RecentCheckIns />
    </div>
  );
}
