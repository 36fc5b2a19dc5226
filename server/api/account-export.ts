/**
 * GET /api/account/export?format=json|csv: the signed-in person's data as a file download
 * (security.md check 24). A plain link must work (a download cannot carry the custom header), so
 * same-origin is proven by the browser's own `Sec-Fetch-Site` (same-origin, or none for a typed
 * address), or else by the custom header with an allowed Origin as the app's scripts send it. A
 * cross-site page can neither read the file nor make an export happen (no audit row either).
 */

import { getDatabase } from '@/db';
import { checkInsToCsv } from '@/lib/account/check-ins-csv';
import { localDateIn } from '@/lib/dates';
import { viewerFromHeaders } from '@/server/api/context';
import { checkTrustedRequest } from '@/server/api/request-guard';
import { exportMyData } from '@/server/services/account/export-my-data';
import { recordAudit } from '@/server/services/audit/record-audit';

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function refuse(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: NO_STORE });
}

export function isSameOriginDownload(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site === 'same-origin' || site === 'none') return true;
  if (site !== null) return false;
  return checkTrustedRequest(req, { requireBody: false }) === null;
}

export async function handleAccountExport(req: Request): Promise<Response> {
  if (!isSameOriginDownload(req)) return refuse(403, 'Open the download from Loadline itself.');
  const format = new URL(req.url).searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') return refuse(400, 'format: use json or csv');
  const viewer = await viewerFromHeaders(req.headers);
  if (!viewer) return refuse(401, 'Please sign in.');
  const { db } = await getDatabase();
  const data = await exportMyData(db, { userId: viewer.userId });
  if (!data) return refuse(401, 'Please sign in.');
  await recordAudit(db, {
    actorId: viewer.userId,
    action: 'export.self',
    subjectId: viewer.userId,
    detail: { format },
  });
  const stamp = localDateIn(viewer.timeZone, new Date());
  const body =
    format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : checkInsToCsv(data.checkIns);
  return new Response(body, {
    status: 200,
    headers: {
      ...NO_STORE,
      'content-type':
        format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="loadline-${format === 'json' ? 'data' : 'check-ins'}-${stamp}.${format}"`,
    },
  });
}
