/**
 * The write path of a check-in (design.md §2). Idempotent by key; one transaction stores the
 * check-in, re-scores the athlete, appends a `squad:update` per team and opens or escalates
 * alerts. Each event's NOTIFY (ids only) is sent inside the transaction, which PostgreSQL delivers
 * at commit: the relays wake exactly when the events become visible, never before.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { rowsOf } from '@/db/rows';
import { athleteStatus, checkIns, idempotencyKeys, shoes, users } from '@/db/schema';
import { upsertStatement } from '@/db/upsert-statement';
import {
  type CheckInFormValues,
  type SubmitCheckInInput,
  submitCheckInSchema,
} from '@/lib/checkin/submit-schema';
import { addDays, localDateIn } from '@/lib/dates';
import type { Assessment, Level, Reason } from '@/lib/risk/types';
import { validateAssessInput } from '@/server/risk';
import { alertWanted, openOrEscalateAlert } from '@/server/services/alerts/open-or-escalate-alert';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import {
  buildAssessInput,
  type EngineCheckInRow,
  engineCheckInColumns,
  engineWindowStart,
  selectClearances,
  selectEngineCheckIns,
} from '@/server/services/risk/load-assess-input';
import { type StatusChange, writeReassessment } from '@/server/services/risk/reassess-athlete';
import { refreshShoeKm } from '@/server/services/shoes/refresh-shoe-km';
import { IDEMPOTENCY_TTL_HOURS } from './purge-idempotency-keys';

type EngineColumn = keyof typeof engineCheckInColumns;
/** The columns an edit replaces: the engine's (but the date), the note and updatedAt. */
const CHECK_IN_VALUES = [
  ...(Object.keys(engineCheckInColumns) as EngineColumn[]).filter((k) => k !== 'date'),
  'note',
  'updatedAt',
] as (Exclude<EngineColumn, 'date'> | 'note' | 'updatedAt')[];
const upsertCheckIn = upsertStatement(checkIns, {
  columns: ['athleteId', 'date', ...CHECK_IN_VALUES],
  conflict: ['athleteId', 'date'],
  update: CHECK_IN_VALUES,
});
const upsertIdempotencyKey = upsertStatement(idempotencyKeys, {
  columns: ['key', 'userId', 'requestHash', 'response', 'createdAt'],
  conflict: ['userId', 'key'],
  update: ['requestHash', 'response', 'createdAt'],
});

export type CheckInErrorKind = 'field' | 'idempotency-conflict' | 'consent-required';

/** A refusal the router maps to a TRPCError: field → BAD_REQUEST, conflict → 422, consent → FORBIDDEN. */
export class CheckInError extends Error {
  constructor(
    readonly kind: CheckInErrorKind,
    /** The reason alone (`must be an integer from 0 to 10`). */
    readonly reason: string,
    /** For `field`: the input path, e.g. `date` or `checkIn.rpe`. */
    readonly path?: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'CheckInError';
  }
}

export interface SubmitCheckInResult {
  checkIn: { date: string };
  status: {
    level: Level;
    score: number;
    ruleIds: string[];
    action: string;
    reasons: Reason[];
  };
  /** True when this check-in opened or escalated an alert for the athlete's coaches. */
  alertOpened: boolean;
}

/** JSON with sorted keys, so the same body always hashes alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function parseInput(raw: unknown): SubmitCheckInInput {
  const parsed = submitCheckInSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CheckInError('field', issue.message, issue.path.join('.') || 'input');
  }
  return parsed.data;
}

/** The engine's own validator on a one-check-in input, so the rules are exactly the engine's. */
function validateWithEngine(date: string, values: CheckInFormValues) {
  const { shoeId: _shoe, note: _note, ...fields } = values;
  const result = validateAssessInput({ asOf: date, checkIns: [{ date, ...fields }] });
  if (!result.ok) {
    const m = /^checkIns\[0\]\.([^:]+): (.*)$/.exec(result.message);
    if (m) throw new CheckInError('field', m[2]!, m[1] === 'date' ? 'date' : `checkIn.${m[1]}`);
    throw new CheckInError('field', result.message, 'checkIn');
  }
}

type Tx = Db;

/**
 * The athlete's active athlete memberships: club, team (if any, and whether it is live) and
 * whether the club holds a current consent. One statement. The reads of this path are
 * hand-written: building them with Drizzle cost more CPU than running them.
 */
async function selectAthletePlacements(tx: Tx, athleteId: string) {
  return rowsOf<{ clubId: string; teamId: string | null; teamLive: boolean; consented: boolean }>(
    await tx.execute(sql`
      select m."club_id" as "clubId", m."team_id" as "teamId",
        (t."id" is not null and t."archived_at" is null) as "teamLive",
        exists (select 1 from "consents" c where c."athlete_id" = ${athleteId}
          and c."club_id" = m."club_id" and c."withdrawn_at" is null) as "consented"
      from "memberships" m left join "teams" t on t."id" = m."team_id"
      where m."user_id" = ${athleteId} and m."role" = 'athlete' and m."status" = 'active'`),
  );
}

export async function submitCheckIn(
  database: Database,
  args: { athleteId: string; input: SubmitCheckInInput | unknown; now?: Date },
): Promise<SubmitCheckInResult> {
  const input = parseInput(args.input);
  const now = args.now ?? new Date();
  const { athleteId } = args;
  const { idempotencyKey, date } = input;
  const requestHash = createHash('sha256')
    .update(canonicalJson({ date, checkIn: input.checkIn }))
    .digest('hex');
  validateWithEngine(date, input.checkIn);

  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Tx;
    // Serialise this athlete's writes (status, risk days, alerts, keys) across instances: every
    // read below happens after the lock, so it sees whatever the previous holder committed.
    const [user] = rowsOf<{ timeZone: string; birthDate: string | null }>(
      await tx.execute(
        sql`select "time_zone" as "timeZone", "birth_date" as "birthDate" from "users" where "id" = ${athleteId} for update`,
      ),
    );
    if (!user) throw new CheckInError('consent-required', 'consent required');
    const today = localDateIn(user.timeZone, now);

    // (1) Idempotency: a key is remembered for IDEMPOTENCY_TTL_HOURS (the jobs purge older ones).
    const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000);

    // One round trip: the statements are pipelined on the transaction's connection.
    const [keys, placements, statuses, history, cleared] = await Promise.all([
      tx.execute(
        sql`select "request_hash" as "requestHash", "response", "created_at" >= ${expiredBefore.toISOString()}::timestamptz as "fresh" from "idempotency_keys" where "user_id" = ${athleteId} and "key" = ${idempotencyKey}`,
      ),
      selectAthletePlacements(tx, athleteId),
      tx.execute(
        sql`select "level", "score", "rule_ids" as "ruleIds" from "athlete_status" where "athlete_id" = ${athleteId}`,
      ),
      selectEngineCheckIns(tx, { athleteId, since: engineWindowStart(date) }),
      selectClearances(tx, { athleteId, to: today }),
    ]);
    const [stored] = rowsOf<{ requestHash: string; response: unknown; fresh: boolean }>(keys);
    const [previous] = rowsOf<StatusChange['previous'] & {}>(statuses);

    if (stored?.fresh) {
      if (stored.requestHash !== requestHash) {
        throw new CheckInError(
          'idempotency-conflict',
          'This idempotency key was already used for a different check-in.',
        );
      }
      return { replay: true as const, response: stored.response as SubmitCheckInResult };
    }

    // (2) Consent: a current consent in every club of an active athlete membership (consent is
    // per club, and every such club's coaches would see this check-in).
    if (placements.length === 0 || placements.some((p) => !p.consented)) {
      throw new CheckInError('consent-required', 'consent required');
    }

    // The athlete's today or yesterday, in their time zone.
    if (date !== today && date !== addDays(today, -1)) {
      throw new CheckInError('field', "must be today's or yesterday's date", 'date');
    }

    const { shoeId, note, ...fields } = input.checkIn;
    // The shoe stored for this date before the edit: its later km totals change too.
    const before = history.find((r) => r.date === date);
    if (shoeId) {
      if (!fields.ran)
        throw new CheckInError('field', 'only allowed when ran is true', 'checkIn.shoeId');
      const [shoe] = await tx
        .select({ id: shoes.id, retiredAt: shoes.retiredAt })
        .from(shoes)
        .where(and(eq(shoes.id, shoeId), eq(shoes.athleteId, athleteId)));
      // Someone else's shoe answers like a missing one. A retired shoe cannot be picked, except
      // when editing a day that already names it (it was retired after that run).
      if (!shoe) throw new CheckInError('field', 'unknown shoe', 'checkIn.shoeId');
      if (shoe.retiredAt && before?.shoeId !== shoeId) {
        throw new CheckInError('field', 'this shoe is retired', 'checkIn.shoeId');
      }
    }

    // Exactly the columns an edit replaces (checked: a new column needs both).
    const row = {
      ran: fields.ran,
      distanceKm: fields.distanceKm ?? null,
      durationMin: fields.durationMin ?? null,
      rpe: fields.rpe ?? null,
      runType: fields.runType ?? null,
      morningPain: fields.morningPain ?? null,
      painDuring: fields.painDuring ?? null,
      painTrend: fields.painTrend ?? null,
      painLocations: fields.painLocations ?? null,
      redFlags: fields.redFlags ?? null,
      sleepHours: fields.sleepHours ?? null,
      sleepQuality: fields.sleepQuality ?? null,
      stress: fields.stress ?? null,
      fatigue: fields.fatigue ?? null,
      soreness: fields.soreness ?? null,
      mood: fields.mood ?? null,
      shoeId: shoeId ?? null,
      // Set by refreshShoeKm below from the shoe's start km and its runs, never by the client.
      shoeKm: null,
      note: note ?? null,
      updatedAt: now,
    } satisfies Record<(typeof CHECK_IN_VALUES)[number], unknown>;
    // Lazy like a query builder: sent when awaited.
    const upsert = tx.execute(upsertCheckIn([{ athleteId, date, ...row }]));

    let rows: readonly EngineCheckInRow[];
    if (shoeId || before?.shoeId) {
      // Shoe totals of this and later days change: store, recompute them, read the days again.
      await upsert;
      await refreshShoeKm(tx, { athleteId, shoeIds: [shoeId, before?.shoeId], from: date });
      rows = await selectEngineCheckIns(tx, { athleteId, since: engineWindowStart(date) });
    } else {
      // Without a shoe the stored row is exactly `row`: the history with it swapped in.
      const stored: EngineCheckInRow = { date, ...row };
      rows = before
        ? history.map((r) => (r.date === date ? stored : r))
        : [...history, stored].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    const lastDate = rows.length > 0 ? rows[rows.length - 1]!.date : null;
    const lastCheckIn = lastDate && lastDate > date ? lastDate : date;

    const [change] = await Promise.all([
      writeReassessment(tx, {
        athleteId,
        from: date,
        to: today,
        engineInput: buildAssessInput({
          to: today,
          birthDate: user.birthDate,
          rows,
          clearances: cleared,
        }),
        previous: previous ?? null,
        lastCheckIn,
      }),
      shoeId || before?.shoeId ? null : upsert,
    ]);
    const at = now.toISOString();
    const teamIds = [
      ...new Set(placements.filter((p) => p.teamId && p.teamLive).map((p) => p.teamId!)),
    ].sort();

    const squadEvents = () =>
      Promise.all(
        teamIds.map((teamId) =>
          appendTeamEvent(tx, {
            teamId,
            type: 'squad:update',
            payload: {
              athleteId,
              level: change.current.level,
              previousLevel: change.previous?.level ?? null,
              score: change.current.score,
              ruleIds: [...change.current.ruleIds],
              lastCheckIn: change.lastCheckIn,
              at,
            },
            notify: true,
          }),
        ),
      );
    const storeKey = (alertOpened: boolean) => {
      const response: SubmitCheckInResult = {
        checkIn: { date },
        status: {
          level: change.current.level,
          score: change.current.score,
          ruleIds: [...change.current.ruleIds],
          action: change.assessment.action,
          reasons: change.assessment.reasons,
        },
        alertOpened,
      };
      // Stored with the response at the end: the user lock makes a same-key retry wait for this
      // commit and then replay it. An expired key of the same value is taken over.
      const key = { key: idempotencyKey, userId: athleteId, requestHash, response, createdAt: now };
      return tx.execute(upsertIdempotencyKey([key])).then(() => response);
    };

    let response: SubmitCheckInResult;
    if (!alertWanted(change)) {
      // The usual day: the events, their NOTIFYs and the key go out together.
      [, response] = await Promise.all([squadEvents(), storeKey(false)]);
    } else {
      await squadEvents();
      let alertOpened = false;
      for (const teamId of teamIds) {
        if (await openOrEscalateAlert(tx, { athleteId, teamId, change, now })) alertOpened = true;
      }
      response = await storeKey(alertOpened);
    }
    return { replay: false as const, response };
  });
  return result.response;
}

/** Today's and yesterday's check-ins of the athlete and their current status (form prefill). */
export async function getCheckInDays(db: Db, input: { athleteId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const [user] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, input.athleteId));
  const today = localDateIn(user?.timeZone ?? 'UTC', now);
  const yesterday = addDays(today, -1);
  const rows = await db
    .select()
    .from(checkIns)
    .where(
      and(eq(checkIns.athleteId, input.athleteId), inArray(checkIns.date, [today, yesterday])),
    );
  const [status] = await db
    .select()
    .from(athleteStatus)
    .where(eq(athleteStatus.athleteId, input.athleteId));
  const assessment = status?.assessment as Assessment | undefined;
  return {
    today,
    yesterday,
    checkIns: {
      today: rows.find((r) => r.date === today) ?? null,
      yesterday: rows.find((r) => r.date === yesterday) ?? null,
    },
    status: status
      ? {
          asOf: status.asOf,
          level: status.level,
          score: status.score,
          ruleIds: status.ruleIds,
          action: assessment?.action ?? '',
          reasons: assessment?.reasons ?? [],
          lastCheckIn: status.lastCheckIn,
        }
      : null,
  };
}
