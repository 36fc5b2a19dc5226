import { getDatabase } from '@/db';

export const dynamic = 'force-dynamic';

export async function GET() {
  let kind: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  try {
    const database = await getDatabase();
    kind = database.kind;
    await Promise.race([
      database.exec('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2500)),
    ]);
    return Response.json({ ok: true, db: kind }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return Response.json(
      { ok: false, db: kind },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    );
  }
}
