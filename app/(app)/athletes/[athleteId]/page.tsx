import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { serverCaller } from '@/server/api/server-caller';
import { findAthleteAccess } from '@/server/services/athletes/find-athlete-access';
import { AthleteOverview } from './athlete-overview';

export const metadata: Metadata = { title: 'Athlete' };
export const dynamic = 'force-dynamic';

export default async function AthletePage({ params }: { params: Promise<{ athleteId: string }> }) {
  const { athleteId } = await params;
  const { viewer } = await serverCaller();
  if (!viewer || !z.uuid().safeParse(athleteId).success) notFound();
  // The page only decides whether to exist; the data (and its audit row) come from the audited query.
  const access = await findAthleteAccess(await getDb(), { viewerId: viewer.userId, athleteId });
  if (!access) notFound();
  return <AthleteOverview athleteId={athleteId} />;
}
