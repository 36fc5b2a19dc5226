import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  alertEvents,
  alerts,
  athleteStatus,
  checkIns,
  clearances,
  riskDays,
  users,
} from '@/db/schema';
import { addDays, localDateIn } from '@/lib/dates';
import type { Assessment, Level, Metrics } from '@/lib/risk/types';
import type { AthleteAccess } from './find-athlete-access';
import type { AthleteTeam } from './get-athlete-teams';

/** The ranges the drill-down offers, in days ending at the athlete's local today. */
export const DRILL_DOWN_DAYS = [30, 90, 180] as const;
export type DrillDownDays = (typeof DRILL_DOWN_DAYS)[number];

/** At most this many alerts are listed (newest first); older ones stay in the database. */
const MAX_ALERTS = 20;

export interface DrillDownCheckIn {
  id: string;
  date: string;
  ran: boolean;
  distanceKm: number | null;
  durationMin: number | null;
  rpe: number | null;
  runType: string | null;
  morningPain: number | null;
  painDuring: number | null;
  painTrend: string | null;
  painLocations: string[] | null;
  redFlags: string[] | null;
  sleepHours: number | null;
  sleepQuality: number | null;
  stress: number | null;
  fatigue: number | null;
  soreness: number | null;
  mood: number | null;
  shoeKm: number | null;
  note: string | null;
}

export interface DrillDownRiskDay {
  date: string;
  level: Level;
  score: number;
  ruleIds: string[];
  metrics: Metrics;
}

export interface DrillDownAlertEvent {
  id: string;
  action: string;
  at: Date;
  byUserId: string | null;
  byName: string | null;
  /** A coach's note on the acknowledgement or resolution; never shown to the athlete. */
  note: string | null;
  level: Level | null;
  ruleIds: string[] | null;
}

export interface DrillDownAlert {
  id: string;
  teamId: string;
  teamName: string;
  level: Level;
  ruleIds: string[];
  state: 'new' | 'acknowledged' | 'resolved';
  openedAt: Date;
  updatedAt: Date;
  escalatedAt: Date | null;
  /** The viewer coaches the alert's team, so they may acknowledge and resolve it. */
  canAct: boolean;
  /** Oldest first. */
  events: DrillDownAlertEvent[];
}

export interface DrillDownClearance {
  id: string;
  date: string;
  flags: string[];
  clinician: string;
  byName: string | null;
  at: Date;
}

export interface AthleteDrillDown {
  athlete: { id: string; name: string; timeZone: string };
  /** The athlete's local date now; the range ends on it. */
  today: string;
  /** The first date shown: the range start, or the first visible date when that is later. */
  from: string;
  days: DrillDownDays;
  /** First date of data this viewer may see (membership start); null for the athlete. */
  visibleFrom: string | null;
  status: {
    asOf: string;
    level: Level;
    score: number;
    ruleIds: string[];
    assessment: Assessment;
    lastCheckIn: string | null;
    updatedAt: Date;
  } | null;
  /** Oldest first. */
  checkIns: DrillDownCheckIn[];
  /** Oldest first. */
  riskDays: DrillDownRiskDay[];
  /** Newest first. */
  alerts: DrillDownAlert[];
  /** Newest first. */
  clearances: DrillDownClearance[];
  teams: { teamId: string; teamName: string; viewerCoaches: boolean }[];
}

/**
 * Everything the per-athlete drill-down shows, for a viewer `findAthleteAccess` has allowed:
 * check-ins and daily risk metrics of the last `days` days (never before `access.visibleFrom`),
 * the current status with its reasons, the alerts of the teams the viewer may see with their
 * events, and clinician clearances. Alert notes are left out for the athlete's own view.
 */
export async function getAthleteDrillDown(
  db: Db,
  input: {
    athleteId: string;
    access: AthleteAccess;
    teams: AthleteTeam[];
    days: DrillDownDays;
    now?: Date;
  },
): Promise<AthleteDrillDown | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, input.athleteId));
  if (!user) return null;
  const today = localDateIn(user.timeZone, input.now ?? new Date());
  const self = input.access.via === 'self';
  const visibleFrom = self ? null : input.access.visibleFrom.toISOString().slice(0, 10);
  const rangeStart = addDays(today, -(input.days - 1));
  const from = visibleFrom && visibleFrom > rangeStart ? visibleFrom : rangeStart;

  const [status] = await db
    .select({
      asOf: athleteStatus.asOf,
      level: athleteStatus.level,
      score: athleteStatus.score,
      ruleIds: athleteStatus.ruleIds,
      assessment: athleteStatus.assessment,
      lastCheckIn: athleteStatus.lastCheckIn,
      updatedAt: athleteStatus.updatedAt,
    })
    .from(athleteStatus)
    .where(eq(athleteStatus.athleteId, input.athleteId));

  const checkInRows = await db
    .select({
      id: checkIns.id,
      date: checkIns.date,
      ran: checkIns.ran,
      distanceKm: checkIns.distanceKm,
      durationMin: checkIns.durationMin,
      rpe: checkIns.rpe,
      runType: checkIns.runType,
      morningPain: checkIns.morningPain,
      painDuring: checkIns.painDuring,
      painTrend: checkIns.painTrend,
      painLocations: checkIns.painLocations,
      redFlags: checkIns.redFlags,
      sleepHours: checkIns.sleepHours,
      sleepQuality: checkIns.sleepQuality,
      stress: checkIns.stress,
      fatigue: checkIns.fatigue,
      soreness: checkIns.soreness,
      mood: checkIns.mood,
      shoeKm: checkIns.shoeKm,
      note: checkIns.note,
    })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.athleteId, input.athleteId),
        gte(checkIns.date, from),
        lte(checkIns.date, today),
      ),
    )
    .orderBy(asc(checkIns.date));

  const riskRows = await db
    .select({
      date: riskDays.date,
      level: riskDays.level,
      score: riskDays.score,
      ruleIds: riskDays.ruleIds,
      metrics: riskDays.metrics,
    })
    .from(riskDays)
    .where(
      and(
        eq(riskDays.athleteId, input.athleteId),
        gte(riskDays.date, from),
        lte(riskDays.date, today),
      ),
    )
    .orderBy(asc(riskDays.date));

  const teamById = new Map(input.teams.map((t) => [t.teamId, t]));
  const alertRows =
    input.teams.length === 0
      ? []
      : await db
          .select({
            id: alerts.id,
            teamId: alerts.teamId,
            level: alerts.level,
            ruleIds: alerts.ruleIds,
            state: alerts.state,
            openedAt: alerts.openedAt,
            updatedAt: alerts.updatedAt,
            escalatedAt: alerts.escalatedAt,
          })
          .from(alerts)
          .where(
            and(
              eq(alerts.athleteId, input.athleteId),
              inArray(alerts.teamId, [...teamById.keys()]),
              self ? undefined : gte(alerts.openedAt, input.access.visibleFrom),
            ),
          )
          .orderBy(desc(alerts.openedAt))
          .limit(MAX_ALERTS);
  const eventRows =
    alertRows.length === 0
      ? []
      : await db
          .select({
            id: alertEvents.id,
            alertId: alertEvents.alertId,
            action: alertEvents.action,
            at: alertEvents.at,
            byUserId: alertEvents.byUserId,
            byName: users.name,
            note: alertEvents.note,
            level: alertEvents.level,
            ruleIds: alertEvents.ruleIds,
          })
          .from(alertEvents)
          .leftJoin(users, eq(users.id, alertEvents.byUserId))
          .where(
            inArray(
              alertEvents.alertId,
              alertRows.map((a) => a.id),
            ),
          )
          .orderBy(asc(alertEvents.at), asc(alertEvents.id));

  const clearanceRows = await db
    .select({
      id: clearances.id,
      date: clearances.date,
      flags: clearances.flags,
      clinician: clearances.clinician,
      byName: users.name,
      at: clearances.at,
    })
    .from(clearances)
    .leftJoin(users, eq(users.id, clearances.byUserId))
    .where(
      and(
        eq(clearances.athleteId, input.athleteId),
        visibleFrom ? gte(clearances.date, visibleFrom) : undefined,
      ),
    )
    .orderBy(desc(clearances.at))
    .limit(MAX_ALERTS);

  return {
    athlete: user,
    today,
    from,
    days: input.days,
    visibleFrom,
    status: status ? { ...status, assessment: status.assessment as Assessment } : null,
    checkIns: checkInRows,
    riskDays: riskRows.map((r) => ({ ...r, metrics: r.metrics as Metrics })),
    alerts: alertRows.map((a) => ({
      ...a,
      teamName: teamById.get(a.teamId)?.teamName ?? '',
      canAct: teamById.get(a.teamId)?.viewerCoaches ?? false,
      events: eventRows
        .filter((e) => e.alertId === a.id)
        .map(({ alertId: _alertId, ...e }) => ({ ...e, note: self ? null : e.note })),
    })),
    clearances: clearanceRows,
    teams: input.teams.map((t) => ({
      teamId: t.teamId,
      teamName: t.teamName,
      viewerCoaches: t.viewerCoaches,
    })),
  };
}
