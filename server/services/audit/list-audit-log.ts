import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { auditLog, teams, users } from '@/db/schema';
import { csvCell, toCsv } from '@/lib/csv';
import { auditActionLabel } from './action-labels';

export interface AuditFilters {
  clubId: string;
  action?: string | undefined;
  actorId?: string | undefined;
  subjectId?: string | undefined;
  /** Inclusive local dates (YYYY-MM-DD) in `timeZone`. */
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  actionLabel: string;
  actorId: string | null;
  actorName: string | null;
  subjectId: string | null;
  subjectName: string | null;
  teamId: string | null;
  teamName: string | null;
  details: string;
}

const actor = alias(users, 'actor');
const subject = alias(users, 'subject');

/** Only the club's rows, ever: `club_id` is the first condition of every query here. */
function where(f: AuditFilters): SQL {
  const parts: (SQL | undefined)[] = [eq(auditLog.clubId, f.clubId)];
  if (f.action) parts.push(eq(auditLog.action, f.action));
  if (f.actorId) parts.push(eq(auditLog.actorId, f.actorId));
  if (f.subjectId) parts.push(eq(auditLog.subjectId, f.subjectId));
  if (f.from) parts.push(sql`(${auditLog.at} at time zone ${f.timeZone})::date >= ${f.from}::date`);
  if (f.to) parts.push(sql`(${auditLog.at} at time zone ${f.timeZone})::date <= ${f.to}::date`);
  return and(...parts)!;
}

/** `key: value; …` of a row's detail (ids, names, roles and settings; never health values). */
export function formatDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  // jsonb keeps its own key order; alphabetical reads `from…` before `to…` and is stable.
  return Object.entries(detail)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('; ');
}

function selectRows(db: Db, f: AuditFilters) {
  return (
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        actorId: auditLog.actorId,
        actorName: actor.name,
        subjectId: auditLog.subjectId,
        subjectName: subject.name,
        teamId: auditLog.teamId,
        teamName: teams.name,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(subject, eq(subject.id, auditLog.subjectId))
      // The team must be the club's own too, so a stray id never shows another club's team name.
      .leftJoin(teams, and(eq(teams.id, auditLog.teamId), eq(teams.clubId, f.clubId)))
      .where(where(f))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
  );
}

function toRow(r: Awaited<ReturnType<typeof selectRows>>[number]): AuditRow {
  const { detail, ...rest } = r;
  return { ...rest, actionLabel: auditActionLabel(r.action), details: formatDetail(detail) };
}

/** One page of the club's audit trail, newest first, with the total for the pager. */
export async function listAuditLog(
  db: Db,
  input: AuditFilters & { page: number; pageSize: number },
): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(where(input));
  const rows = await selectRows(db, input)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  return {
    rows: rows.map(toRow),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The actions and people that occur in the club's trail, for the filter menus. */
export async function listAuditFilterOptions(db: Db, input: { clubId: string }) {
  const actions = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.clubId, input.clubId))
    .orderBy(asc(auditLog.action));
  const people = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .where(
      sql`${users.id} in (
        select ${auditLog.actorId} from ${auditLog} where ${auditLog.clubId} = ${input.clubId}
        union
        select ${auditLog.subjectId} from ${auditLog} where ${auditLog.clubId} = ${input.clubId}
      )`,
    )
    .orderBy(asc(users.name));
  return {
    actions: actions.map((a) => ({ action: a.action, label: auditActionLabel(a.action) })),
    people,
  };
}

export const AUDIT_CSV_MAX_ROWS = 10_000;

/**
 * The filtered trail as CSV (RFC 4180, UTC timestamps), at most 10,000 rows. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export async function auditLogCsv(
  db: Db,
  input: AuditFilters,
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows = await selectRows(db, input).limit(AUDIT_CSV_MAX_ROWS + 1);
  const truncated = rows.length > AUDIT_CSV_MAX_ROWS;
  const lines = [
    ['When (UTC)', 'Who', 'Action', 'Action code', 'Subject', 'Team', 'Details'],
    ...rows.slice(0, AUDIT_CSV_MAX_ROWS).map((r) => {
      const row = toRow(r);
      return [
        row.at.toISOString(),
        row.actorName ?? (row.actorId ? 'Deleted user' : 'System'),
        row.actionLabel,
        row.action,
        row.subjectName ?? (row.subjectId ? 'Deleted user' : ''),
        row.teamName ?? '',
        row.details,
      ];
    }),
  ];
  return {
    csv: toCsv(lines),
    rows: Math.min(rows.length, AUDIT_CSV_MAX_ROWS),
    truncated,
  };
}

export { csvCell };
