import { handleAccountExport } from '@/server/api/account-export';

export const dynamic = 'force-dynamic';

/** The signed-in person's data as a JSON or CSV download (see server/api/account-export.ts). */
export function GET(req: Request) {
  return handleAccountExport(req);
}
