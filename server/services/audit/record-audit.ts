import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditLog } from '@/db/schema';

export type AuditAction =
  | 'view.board'
  | 'view.athlete'
  | 'view.athlete_row'
  | 'view.checkins'
  | 'export.self'
  | string;

const DEDUPE_MS = 10 * 60 * 1000;

/**
 * Records who viewed or changed what, never the values. Views are deduplicated to one row per
 * viewer, subject and kind of view per 10 minutes (a board view's subject is the team).
 */
export async function recordAudit(
  db: Db,
  input: {
    actorId: string;
    action: AuditAction;
    subjectId?: string | null;
    clubId?: string | null;
    teamId?: string | null;
    detail?: Record<string, string | number | boolean | null>;
    dedupe?: boolean;
  },
): Promise<void> {
  if (input.dedupe !== false && input.action.startsWith('view.')) {
    const since = new Date(Date.now() - DEDUPE_MS);
    const subject = input.subjectId ?? null;
    const team = input.teamId ?? null;
    const [recent] = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorId, input.actorId),
          eq(auditLog.action, input.action),
          subject ? eq(auditLog.subjectId, subject) : isNull(auditLog.subjectId),
          team ? eq(auditLog.teamId, team) : sql`true`,
          gt(auditLog.at, since),
        ),
      )
      .limit(1);
    if (recent) return;
  }
  await db.insert(auditLog).values({
    actorId: input.actorId,
    action: input.action,
    subjectId: input.subjectId ?? null,
    clubId: input.clubId ?? null,
    teamId: input.teamId ?? null,
    detail: input.detail ?? null,
  });
}
