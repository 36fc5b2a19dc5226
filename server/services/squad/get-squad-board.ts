/**
 * The coach's squad board (design.md §2 item 4, §7): every active athlete of a team with their
 * current status and the load / pain / check-in facts a coach scans for. A fixed number of
 * set-based queries whatever the team size (roster + status, check-in aggregates, last check-in,
 * open alerts), never one query per athlete.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  alertEvents,
  alerts,
  athleteStatus,
  checkIns,
  memberships,
  teamStreams,
  teams,
  users,
} from '@/db/schema';
import { addDays } from '@/lib/dates';
import { ENGINE_CONFIG } from '@/server/risk/config';
import { roundHalfAway } from '@/server/risk/rounding';
import { hiddenAthleteIds } from '@/server/services/consents/hidden-athletes';

export type BoardLevel = 'green' | 'amber' | 'red';
export type PainTrendWord = 'rising' | 'falling' | 'steady';

/** Days in the spark bar of daily km. */
export const SPARK_DAYS = 14;
/** Days a week of load or morning pain covers (the engine's km7 and mp7 windows). */
export const WEEK_DAYS = 7;
/** Morning-pain values each week needs before a trend is named (as the engine's PAIN_TREND_UP). */
export const PAIN_TREND_MIN_VALUES = 4;
/** A change of the weekly mean morning pain of this much or more is a trend (PAIN_TREND_UP's bar). */
export const PAIN_TREND_STEP = 1;
/** Morning pain older than this many days is not shown as the latest. */
export const PAIN_LATEST_DAYS = 14;

export interface BoardAlert {
  id: string;
  level: BoardLevel;
  state: 'new' | 'acknowledged';
  ruleIds: string[];
  openedAt: string;
  acknowledgedBy: { userId: string | null; name: string | null; at: string } | null;
}

export interface BoardRow {
  athleteId: string;
  name: string;
  timeZone: string;
  /**
   * False when the athlete withdrew consent and chose to hide their history from the club's
   * staff: the row keeps the name and nothing else (security.md check 23).
   */
  shared: boolean;
  /** Null before a first assessment. */
  level: BoardLevel | null;
  score: number | null;
  ruleIds: string[];
  /**
   * The first red flag or reason that scored points (red flags override the score and carry no
   * points of their own), else STALE / CALIBRATING; with its value vs threshold.
   */
  topReason: { ruleId: string; title: string; detail: string | null } | null;
  /** The athlete's local date when the row was read. */
  today: string;
  /** Km run on each day today−13 … today (oldest first; 0 on days without a run). */
  dailyKm: number[];
  /** Km of the last 7 days, today included (the engine's km7). */
  km7: number;
  /** The longest run of the last 30 days, today included: the benchmark for the next run. */
  longestRun: { km: number; date: string } | null;
  /** 1.1 × longestRun: a next run above it is a spike (risk-model.md §4.3, Frandsen 2025). */
  ceilingKm: number | null;
  morningPain: {
    /** The newest morning pain of the last 14 days and its date. */
    latest: number | null;
    latestDate: string | null;
    /** This week's mean against last week's (each with ≥ 4 values), null when too few. */
    trend: PainTrendWord | null;
    change: number | null;
  };
  /** The newest check-in date (any age), null when the athlete never checked in. */
  lastCheckIn: string | null;
  openAlert: BoardAlert | null;
}

export interface SquadBoard {
  team: { id: string; name: string; clubId: string };
  /** The team's event stream head read before the rows: the rows include every event up to it. */
  seq: number;
  rows: BoardRow[];
}

// The action names an acknowledgement is recorded under in alert_events.
const ACK_ACTIONS = ['acknowledged', 'acknowledge'];

function acknowledgedBy(
  state: string,
  event: { byUserId: string | null; name: string | null; at: Date | string } | undefined,
): BoardAlert['acknowledgedBy'] {
  if (state !== 'acknowledged' || !event) return null;
  return { userId: event.byUserId, name: event.name, at: new Date(event.at).toISOString() };
}

const toNumber = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v as string | number);

/** Mean morning pain of this week minus last week's, and the word for it. */
export function painTrend(
  week: { mean: number | null; count: number },
  previous: { mean: number | null; count: number },
): { trend: PainTrendWord | null; change: number | null } {
  if (
    week.mean === null ||
    previous.mean === null ||
    week.count < PAIN_TREND_MIN_VALUES ||
    previous.count < PAIN_TREND_MIN_VALUES
  ) {
    return { trend: null, change: null };
  }
  const change = roundHalfAway(week.mean - previous.mean, 2);
  const trend: PainTrendWord =
    change >= PAIN_TREND_STEP ? 'rising' : change <= -PAIN_TREND_STEP ? 'falling' : 'steady';
  return { trend, change };
}

/** The ceiling of the next run, as the engine's spike action names it (1 decimal). */
export function ceilingFor(longestKm: number): number {
  return roundHalfAway(ENGINE_CONFIG.load.ceilingFactor * longestKm, 1);
}

async function readTeam(db: Db, teamId: string) {
  const [team] = await db
    .select({ id: teams.id, name: teams.name, clubId: teams.clubId })
    .from(teams)
    .where(eq(teams.id, teamId));
  return team ?? null;
}

async function readHeadSeq(db: Db, teamId: string): Promise<number> {
  const [row] = await db
    .select({ seq: teamStreams.seq })
    .from(teamStreams)
    .where(eq(teamStreams.teamId, teamId));
  return Number(row?.seq ?? 0);
}

/**
 * The board rows of a team's active athletes (or of one of them). Check-in facts count only from
 * the athlete's membership start on, as the drill-down does (data from before belongs to no team
 * the coach can see).
 */
async function readRows(
  db: Db,
  input: { teamId: string; clubId: string; athleteId?: string; now: Date },
): Promise<BoardRow[]> {
  const now = input.now.toISOString();
  const localToday = sql<string>`((${now}::timestamptz AT TIME ZONE ${users.timeZone})::date)::text`;
  const roster = await db
    .select({
      athleteId: users.id,
      name: users.name,
      timeZone: users.timeZone,
      today: localToday,
      level: athleteStatus.level,
      score: athleteStatus.score,
      ruleIds: athleteStatus.ruleIds,
      topReason: sql<{ ruleId: string; title: string; detail: string | null } | null>`(
        SELECT jsonb_build_object('ruleId', e.r->>'ruleId', 'title', e.r->>'title', 'detail', e.r->>'detail')
        FROM jsonb_array_elements(${athleteStatus.assessment}->'reasons') WITH ORDINALITY AS e(r, i)
        WHERE coalesce((e.r->>'points')::numeric, 0) > 0 OR left(e.r->>'ruleId', 3) = 'RF_'
          OR e.r->>'ruleId' IN ('STALE', 'CALIBRATING')
        ORDER BY (coalesce((e.r->>'points')::numeric, 0) > 0 OR left(e.r->>'ruleId', 3) = 'RF_') DESC, e.i
        LIMIT 1)`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(athleteStatus, eq(athleteStatus.athleteId, users.id))
    .where(
      and(
        eq(memberships.teamId, input.teamId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
        input.athleteId ? eq(users.id, input.athleteId) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  if (roster.length === 0) return [];

  // One athlete may hold two memberships of the team only by a data error; keep the first.
  const seen = new Set<string>();
  const athletes = roster.filter((a) => !seen.has(a.athleteId) && seen.add(a.athleteId));
  const ids = athletes.map((a) => a.athleteId);
  const hidden = await hiddenAthleteIds(db, { clubId: input.clubId, athleteIds: ids });

  // Check-ins of the last 30 local days from the membership start on, aggregated per athlete.
  const c = checkIns;
  const today = sql`(${now}::timestamptz AT TIME ZONE ${users.timeZone})::date`;
  const days = (n: number) => sql`(${today} - ${n}::int)`;
  const windowDays = ENGINE_CONFIG.load.referenceDays;
  const aggregates = await db
    .select({
      athleteId: c.athleteId,
      longestKm: sql<number | null>`max(${c.distanceKm}) FILTER (WHERE ${c.ran})::float8`,
      longestDate: sql<
        string | null
      >`((array_agg(${c.date} ORDER BY ${c.distanceKm} DESC, ${c.date} DESC) FILTER (WHERE ${c.ran} AND ${c.distanceKm} IS NOT NULL))[1])::text`,
      kmByDay: sql<Record<string, number> | null>`jsonb_object_agg(${c.date}::text, ${c.distanceKm})
        FILTER (WHERE ${c.ran} AND ${c.distanceKm} IS NOT NULL AND ${c.date} > ${days(SPARK_DAYS)})`,
      painWeekMean: sql<number | null>`(avg(${c.morningPain})
        FILTER (WHERE ${c.date} > ${days(WEEK_DAYS)}))::float8`,
      painWeekCount: sql<number>`count(${c.morningPain}) FILTER (WHERE ${c.date} > ${days(WEEK_DAYS)})`,
      painPrevMean: sql<number | null>`(avg(${c.morningPain})
        FILTER (WHERE ${c.date} <= ${days(WEEK_DAYS)} AND ${c.date} > ${days(2 * WEEK_DAYS)}))::float8`,
      painPrevCount: sql<number>`count(${c.morningPain})
        FILTER (WHERE ${c.date} <= ${days(WEEK_DAYS)} AND ${c.date} > ${days(2 * WEEK_DAYS)})`,
      painLatest: sql<number | null>`(array_agg(${c.morningPain} ORDER BY ${c.date} DESC)
        FILTER (WHERE ${c.morningPain} IS NOT NULL AND ${c.date} > ${days(PAIN_LATEST_DAYS)}))[1]`,
      painLatestDate: sql<string | null>`((array_agg(${c.date} ORDER BY ${c.date} DESC)
        FILTER (WHERE ${c.morningPain} IS NOT NULL AND ${c.date} > ${days(PAIN_LATEST_DAYS)}))[1])::text`,
    })
    .from(c)
    .innerJoin(users, eq(users.id, c.athleteId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, c.athleteId),
        eq(memberships.teamId, input.teamId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
      ),
    )
    .where(
      and(
        inArray(c.athleteId, ids),
        sql`${c.date} > ${days(windowDays)}`,
        sql`${c.date} <= ${today}`,
        sql`${c.date} >= (${memberships.startedAt} AT TIME ZONE 'UTC')::date`,
      ),
    )
    .groupBy(c.athleteId);

  // The newest check-in at any age (an index range scan per athlete on (athlete_id, date)).
  const lastDates = await db
    .select({
      athleteId: c.athleteId,
      last: sql<string>`max(${c.date})::text`,
    })
    .from(c)
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, c.athleteId),
        eq(memberships.teamId, input.teamId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
      ),
    )
    .where(
      and(
        inArray(c.athleteId, ids),
        sql`${c.date} >= (${memberships.startedAt} AT TIME ZONE 'UTC')::date`,
      ),
    )
    .groupBy(c.athleteId);

  const open = await db
    .select({
      id: alerts.id,
      athleteId: alerts.athleteId,
      level: alerts.level,
      state: alerts.state,
      ruleIds: alerts.ruleIds,
      openedAt: alerts.openedAt,
    })
    .from(alerts)
    .where(
      and(
        eq(alerts.teamId, input.teamId),
        ne(alerts.state, 'resolved'),
        inArray(alerts.athleteId, ids),
      ),
    )
    .orderBy(asc(alerts.openedAt));
  const acknowledged = open.filter((a) => a.state === 'acknowledged').map((a) => a.id);
  const acks = acknowledged.length
    ? await db
        .select({
          alertId: alertEvents.alertId,
          byUserId: alertEvents.byUserId,
          name: users.name,
          at: alertEvents.at,
        })
        .from(alertEvents)
        .leftJoin(users, eq(users.id, alertEvents.byUserId))
        .where(
          and(inArray(alertEvents.alertId, acknowledged), inArray(alertEvents.action, ACK_ACTIONS)),
        )
        .orderBy(desc(alertEvents.at))
    : [];
  const ackBy = new Map<string, (typeof acks)[number]>();
  for (const a of acks) if (!ackBy.has(a.alertId)) ackBy.set(a.alertId, a);

  const aggBy = new Map(aggregates.map((r) => [r.athleteId, r]));
  const lastBy = new Map(lastDates.map((r) => [r.athleteId, r.last]));
  // One open alert per (athlete, team) by a unique index; the newest wins if that ever breaks.
  const alertBy = new Map(open.map((a) => [a.athleteId, a]));

  return athletes.map((a): BoardRow => {
    if (hidden.has(a.athleteId)) return withheldRow(a);
    const agg = aggBy.get(a.athleteId);
    const kmByDay = agg?.kmByDay ?? {};
    const dailyKm: number[] = [];
    for (let i = SPARK_DAYS - 1; i >= 0; i--) {
      const date = addDays(a.today, -i);
      dailyKm.push(roundHalfAway(toNumber(kmByDay[date]) ?? 0, 2));
    }
    const km7 = roundHalfAway(
      dailyKm.slice(-WEEK_DAYS).reduce((s, v) => s + v, 0),
      2,
    );
    const longestKm = toNumber(agg?.longestKm);
    const trend = painTrend(
      { mean: toNumber(agg?.painWeekMean), count: Number(agg?.painWeekCount ?? 0) },
      { mean: toNumber(agg?.painPrevMean), count: Number(agg?.painPrevCount ?? 0) },
    );
    const alert = alertBy.get(a.athleteId);
    return {
      athleteId: a.athleteId,
      name: a.name,
      timeZone: a.timeZone,
      shared: true,
      level: a.level,
      score: a.score,
      ruleIds: a.ruleIds ?? [],
      topReason: a.topReason ?? null,
      today: a.today,
      dailyKm,
      km7,
      longestRun:
        longestKm !== null && longestKm > 0 && agg?.longestDate
          ? { km: roundHalfAway(longestKm, 2), date: agg.longestDate }
          : null,
      ceilingKm: longestKm !== null && longestKm > 0 ? ceilingFor(longestKm) : null,
      morningPain: {
        latest: toNumber(agg?.painLatest),
        latestDate: agg?.painLatestDate ?? null,
        trend: trend.trend,
        change: trend.change,
      },
      lastCheckIn: lastBy.get(a.athleteId) ?? null,
      openAlert:
        alert && alert.state !== 'resolved'
          ? {
              id: alert.id,
              level: alert.level,
              state: alert.state,
              ruleIds: alert.ruleIds,
              openedAt: new Date(alert.openedAt).toISOString(),
              acknowledgedBy: acknowledgedBy(alert.state, ackBy.get(alert.id)),
            }
          : null,
    };
  });
}

/** The row of an athlete whose history is hidden from the club's staff: the name only. */
function withheldRow(a: {
  athleteId: string;
  name: string;
  timeZone: string;
  today: string;
}): BoardRow {
  return {
    athleteId: a.athleteId,
    name: a.name,
    timeZone: a.timeZone,
    shared: false,
    level: null,
    score: null,
    ruleIds: [],
    topReason: null,
    today: a.today,
    dailyKm: Array<number>(SPARK_DAYS).fill(0),
    km7: 0,
    longestRun: null,
    ceilingKm: null,
    morningPain: { latest: null, latestDate: null, trend: null, change: null },
    lastCheckIn: null,
    openAlert: null,
  };
}

/** Every active athlete of a team; null when the team does not exist. */
export async function getSquadBoard(
  db: Db,
  input: { teamId: string; now?: Date },
): Promise<SquadBoard | null> {
  const team = await readTeam(db, input.teamId);
  if (!team) return null;
  // The head is read first: rows read after it may include later events, never miss earlier ones.
  const seq = await readHeadSeq(db, input.teamId);
  const rows = await readRows(db, {
    teamId: input.teamId,
    clubId: team.clubId,
    now: input.now ?? new Date(),
  });
  return { team, seq, rows };
}

/**
 * One athlete's board row, for the live board after a socket event; null when the athlete is not
 * an active athlete of the team (not allowed and not existing answer alike).
 */
export async function getSquadRow(
  db: Db,
  input: { teamId: string; athleteId: string; now?: Date },
): Promise<{ teamId: string; clubId: string; seq: number; row: BoardRow } | null> {
  const team = await readTeam(db, input.teamId);
  if (!team) return null;
  const seq = await readHeadSeq(db, input.teamId);
  const [row] = await readRows(db, {
    teamId: input.teamId,
    clubId: team.clubId,
    athleteId: input.athleteId,
    now: input.now ?? new Date(),
  });
  return row ? { teamId: team.id, clubId: team.clubId, seq, row } : null;
}
