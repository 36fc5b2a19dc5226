import type { Metadata } from 'next';
import { AuditLogViewer } from '@/components/admin/audit-log-viewer';
import { serverCaller } from '@/server/api/server-caller';
import { adminClub } from '../admin-club';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

export default async function AdminAuditPage() {
  const { clubId, clubName } = await adminClub();
  const { viewer } = await serverCaller();
  return (
    <AuditLogViewer clubId={clubId} clubName={clubName} timeZone={viewer?.timeZone ?? 'UTC'} />
  );
}
