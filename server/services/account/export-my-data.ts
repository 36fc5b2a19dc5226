/**
 * Everything Loadline holds about the signed-in person (GDPR Art. 15 and 20; security.md check
 * 24), as one JSON-ready object. Other people appear by display name only where the athlete is
 * entitled to know who acted on their data (who acknowledged an alert, signed a clearance, or
 * viewed their data); never their ids or emails. Coach notes about the athlete are included (they
 * are personal data about them) without their author, whose identity is the coach's own data.
 *
 * Left out on purpose: idempotency keys (a transient copy of the check-in answers), team event
 * streams (transient copies of levels and rule ids, deleted with the account), login attempts
 * (a security log keyed by email) and the audit rows of the person's own actions.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  alertEvents,
  alerts,
  athleteStatus,
  auditLog,
  checkIns,
  clearances,
  clubs,
  coachNotes,
  consents,
  memberships,
  riskDays,
  shoes,
  teams,
  userSessions,
  users,
} from '@/db/schema';

export const EXPORT_FORMAT_VERSION = 1;

export async function exportMyData(db: Db, input: { userId: string; now?: Date }) {
  const userId = input.userId;
  const [profile] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      birthDate: users.birthDate,
      timeZone: users.timeZone,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!profile) return null;

  const names = async (ids: (string | null)[]) => {
    const wanted = [...new Set(ids.filter((id): id is string => !!id && id !== userId))];
    const rows = wanted.length
      ? await db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, wanted))
      : [];
    const map = new Map(rows.map((r) => [r.id, r.name]));
    return (id: string | null) =>
      id === null ? null : id === userId ? 'you' : (map.get(id) ?? 'a former member');
  };

  const membershipRows = await db
    .select()
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.startedAt));
  const consentRows = await db
    .select()
    .from(consents)
    .where(eq(consents.athleteId, userId))
    .orderBy(asc(consents.givenAt));
  const shoeRows = await db
    .select()
    .from(shoes)
    .where(eq(shoes.athleteId, userId))
    .orderBy(asc(shoes.createdAt));
  const shoeName = new Map(shoeRows.map((s) => [s.id, s.name]));
  const checkInRows = await db
    .select()
    .from(checkIns)
    .where(eq(checkIns.athleteId, userId))
    .orderBy(asc(checkIns.date));
  const [status] = await db.select().from(athleteStatus).where(eq(athleteStatus.athleteId, userId));
  const riskDayRows = await db
    .select()
    .from(riskDays)
    .where(eq(riskDays.athleteId, userId))
    .orderBy(asc(riskDays.date));
  const alertRows = await db
    .select()
    .from(alerts)
    .where(eq(alerts.athleteId, userId))
    .orderBy(asc(alerts.openedAt));
  const alertEventRows = alertRows.length
    ? await db
        .select()
        .from(alertEvents)
        .where(
          inArray(
            alertEvents.alertId,
            alertRows.map((a) => a.id),
          ),
        )
        .orderBy(asc(alertEvents.at))
    : [];
  const clearanceRows = await db
    .select()
    .from(clearances)
    .where(eq(clearances.athleteId, userId))
    .orderBy(asc(clearances.at));
  const noteRows = await db
    .select({ teamId: coachNotes.teamId, body: coachNotes.body, createdAt: coachNotes.createdAt })
    .from(coachNotes)
    .where(eq(coachNotes.athleteId, userId))
    .orderBy(asc(coachNotes.createdAt));
  const sessionRows = await db
    .select({ createdAt: userSessions.createdAt, revokedAt: userSessions.revokedAt })
    .from(userSessions)
    .where(eq(userSessions.userId, userId))
    .orderBy(asc(userSessions.createdAt));
  const viewRows = await db
    .select({
      action: auditLog.action,
      actorId: auditLog.actorId,
      teamId: auditLog.teamId,
      at: auditLog.at,
    })
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, userId), ne(auditLog.actorId, userId)))
    .orderBy(asc(auditLog.at));

  const clubIds = [...new Set([...membershipRows, ...consentRows].map((r) => r.clubId))];
  const clubRows = clubIds.length
    ? await db
        .select({ id: clubs.id, name: clubs.name })
        .from(clubs)
        .where(inArray(clubs.id, clubIds))
    : [];
  const clubName = new Map(clubRows.map((c) => [c.id, c.name]));
  const teamIds = [
    ...new Set(
      [...membershipRows, ...alertRows, ...noteRows, ...viewRows]
        .map((r) => r.teamId)
        .filter((id): id is string => !!id),
    ),
  ];
  const teamRows = teamIds.length
    ? await db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(inArray(teams.id, teamIds))
    : [];
  const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
  const nameOf = await names([
    ...alertEventRows.map((e) => e.byUserId),
    ...clearanceRows.map((c) => c.byUserId),
    ...viewRows.map((v) => v.actorId),
  ]);

  return {
    format: 'loadline-export',
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: (input.now ?? new Date()).toISOString(),
    profile,
    memberships: membershipRows.map((m) => ({
      club: clubName.get(m.clubId) ?? null,
      team: m.teamId ? (teamName.get(m.teamId) ?? null) : null,
      role: m.role,
      status: m.status,
      startedAt: m.startedAt,
      endedAt: m.endedAt,
    })),
    consents: consentRows.map((c) => ({
      club: clubName.get(c.clubId) ?? null,
      version: c.version,
      givenAt: c.givenAt,
      withdrawnAt: c.withdrawnAt,
      guardianName: c.guardianName,
      historyVisibleAfterWithdrawal: c.historyVisibleAfterWithdrawal,
    })),
    checkIns: checkInRows.map(({ athleteId: _a, shoeId, ...c }) => ({
      ...c,
      shoe: shoeId ? (shoeName.get(shoeId) ?? null) : null,
    })),
    shoes: shoeRows.map(({ athleteId: _a, ...s }) => s),
    status: status ? (({ athleteId: _a, ...s }) => s)(status) : null,
    riskDays: riskDayRows.map(({ athleteId: _a, ...d }) => d),
    alerts: alertRows.map((a) => ({
      id: a.id,
      team: teamName.get(a.teamId) ?? null,
      level: a.level,
      ruleIds: a.ruleIds,
      state: a.state,
      openedAt: a.openedAt,
      updatedAt: a.updatedAt,
      escalatedAt: a.escalatedAt,
      events: alertEventRows
        .filter((e) => e.alertId === a.id)
        .map((e) => ({
          action: e.action,
          at: e.at,
          by: nameOf(e.byUserId),
          level: e.level,
          ruleIds: e.ruleIds,
          note: e.note,
        })),
    })),
    clearances: clearanceRows.map((c) => ({
      date: c.date,
      flags: c.flags,
      clinician: c.clinician,
      recordedBy: nameOf(c.byUserId),
      at: c.at,
    })),
    coachNotes: noteRows.map((n) => ({
      team: n.teamId ? (teamName.get(n.teamId) ?? null) : null,
      body: n.body,
      createdAt: n.createdAt,
    })),
    sessions: sessionRows,
    viewsOfYourData: viewRows.map((v) => ({
      action: v.action,
      by: nameOf(v.actorId),
      team: v.teamId ? (teamName.get(v.teamId) ?? null) : null,
      at: v.at,
    })),
  };
}

export type MyDataExport = NonNullable<Awaited<ReturnType<typeof exportMyData>>>;
