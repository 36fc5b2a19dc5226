import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { athleteStatus, checkIns, riskDays, users } from '@/db/schema';
import { addDays, localDateIn } from '@/lib/dates';
import type { Assessment, Level, Reason } from '@/lib/risk/types';

export const PROGRESS_DAYS = 90;

export interface ProgressDay {
  date: string;
  /** False when there is no check-in for the day (the chart leaves a gap, load counts 0). */
  checkedIn: boolean;
  ran: boolean;
  km: number;
  morningPain: number | null;
  painDuring: number | null;
  redFlags: number;
  level: Level | null;
}

export interface Progress {
  timeZone: string;
  today: string;
  status: {
    asOf: string;
    level: Level;
    score: number;
    action: string;
    reasons: Reason[];
    calibrating: boolean;
    lastCheckIn: string | null;
    km7: number | null;
    ref30Km: number | null;
  } | null;
  /** One entry per calendar day, oldest first, ending today (the athlete's local date). */
  days: ProgressDay[];
}

/** The athlete's own current status and a day-by-day series of km and knee pain. */
export async function getProgress(
  db: Db,
  input: { athleteId: string; days?: number; now?: Date },
): Promise<Progress> {
  const span = input.days ?? PROGRESS_DAYS;
  const [user] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, input.athleteId));
  const timeZone = user?.timeZone ?? 'UTC';
  const today = localDateIn(timeZone, input.now ?? new Date());
  const from = addDays(today, -(span - 1));

  const [status] = await db
    .select()
    .from(athleteStatus)
    .where(eq(athleteStatus.athleteId, input.athleteId));
  const rows = await db
    .select({
      date: checkIns.date,
      ran: checkIns.ran,
      distanceKm: checkIns.distanceKm,
      morningPain: checkIns.morningPain,
      painDuring: checkIns.painDuring,
      redFlags: checkIns.redFlags,
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
  const levels = await db
    .select({ date: riskDays.date, level: riskDays.level })
    .from(riskDays)
    .where(
      and(
        eq(riskDays.athleteId, input.athleteId),
        gte(riskDays.date, from),
        lte(riskDays.date, today),
      ),
    );

  const byDate = new Map(rows.map((r) => [r.date, r]));
  const levelByDate = new Map(levels.map((l) => [l.date, l.level]));
  const days: ProgressDay[] = [];
  for (let i = 0; i < span; i++) {
    const date = addDays(from, i);
    const r = byDate.get(date);
    days.push({
      date,
      checkedIn: Boolean(r),
      ran: r?.ran ?? false,
      km: r?.ran ? (r.distanceKm ?? 0) : 0,
      morningPain: r?.morningPain ?? null,
      painDuring: r?.ran ? (r.painDuring ?? null) : null,
      redFlags: r?.redFlags?.length ?? 0,
      level: levelByDate.get(date) ?? null,
    });
  }

  const assessment = status?.assessment as Assessment | undefined;
  return {
    timeZone,
    today,
    status: status
      ? {
          asOf: status.asOf,
          level: status.level,
          score: status.score,
          action: assessment?.action ?? '',
          reasons: assessment?.reasons ?? [],
          calibrating: assessment?.calibrating ?? false,
          lastCheckIn: status.lastCheckIn,
          km7: assessment?.metrics?.km7 ?? null,
          ref30Km: assessment?.metrics?.ref30Km ?? null,
        }
      : null,
    days,
  };
}
