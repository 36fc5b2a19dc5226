import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { landingPath } from '@/server/api/landing';
import { serverCaller } from '@/server/api/server-caller';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const { viewer } = await serverCaller();
  redirect(viewer ? await landingPath(await getDb(), viewer) : '/login');
}
