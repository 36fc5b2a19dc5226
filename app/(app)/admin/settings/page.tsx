import type { Metadata } from 'next';
import { SettingsAdmin } from '@/components/admin/settings-form';
import { adminClub } from '../admin-club';

export const metadata: Metadata = { title: 'Club settings' };
export const dynamic = 'force-dynamic';

export default async function AdminSettingsPage() {
  const { clubId } = await adminClub();
  return <SettingsAdmin clubId={clubId} />;
}
