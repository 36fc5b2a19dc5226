import { sql } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { rowsOf } from '@/db/rows';
import { addDays, localDateIn } from '@/lib/dates';
import type { Level } from '@/lib/risk/types';
import { openOrEscalateAlert } from '@/server/services/alerts/open-or-escalate-alert';
import { acknowledgeAlert } from '@/server/services/alerts/transition-alert';

const ACKNOWLEDGED_AFTER_MS = 2 * 3600_000;
const RED_NOTE = 'Spoke after training: no running until a physio has seen the knee.';

interface AtRisk {
  athleteId: string;
  teamId: string;
  timeZone: string;
  level: Level;
  score: number;
  ruleIds: string[];
  asOf: string;
  /** The last day scored at a lower level than today's, if any in the risk rows. */
  lastLowerDay: string | null;
  firstDay: string | null;
}

/** Amber and red athletes of the club's teams, with the day their current level began. */
async function selectAtRisk(db: Db, clubId: string): Promise<AtRisk[]> {
  return rowsOf<AtRisk>(
    await db.execute(sql`
      select m."user_id" as "athleteId", m."team_id" as "teamId", u."time_zone" as "timeZone",
        s."level", s."score", s."rule_ids" as "ruleIds", s."as_of" as "asOf",
        (select max(r."date") from "risk_day" r where r."athlete_id" = s."athlete_id"
          and r."date" <= s."as_of" and r."level" < s."level") as "lastLowerDay",
        (select min(r."date") from "risk_day" r where r."athlete_id" = s."athlete_id") as "firstDay"
      from "memberships" m
      join "users" u on u."id" = m."user_id"
      join "athlete_status" s on s."athlete_id" = m."user_id"
      where m."club_id" = ${clubId} and m."role" = 'athlete' and m."status" = 'active'
        and m."team_id" is not null and s."level" <> 'green'
      order by m."team_id", m."user_id"`),
  );
}

async function checkInTime(db: Db, athleteId: string, date: string): Promise<Date | null> {
  const [row] = rowsOf<{ at: string | Date }>(
    await db.execute(
      sql`select "created_at" as "at" from "check_ins" where "athlete_id" = ${athleteId} and "date" = ${date}`,
    ),
  );
  return row ? new Date(row.at) : null;
}

async function firstCoachOf(db: Db, teamId: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(
      sql`select "user_id" as "id" from "memberships" where "team_id" = ${teamId} and "role" = 'coach' and "status" = 'active' order by "started_at", "user_id" limit 1`,
    ),
  );
  return row?.id ?? null;
}

/**
 * The alerts the demo club's season would have left behind. Its history is inserted directly
 * (seedDemo), so no check-in went through the write path and no alert was opened; a board with red
 * athletes and nothing to acknowledge would hide the alert loop. Each amber or red athlete gets the
 * alert the write path opens (same service, same events), dated at the check-in of the day their
 * level went up; alerts from before today were acknowledged by the team's coach two hours later,
 * today's are still new. Call it after the statuses are scored.
 */
export async function openDemoAlerts(
  database: Database,
  input: { clubId: string; now?: Date },
): Promise<{ opened: number; acknowledged: number }> {
  const now = input.now ?? new Date();
  const atRisk = await selectAtRisk(database.db, input.clubId);
  let opened = 0;
  let acknowledged = 0;
  for (const a of atRisk) {
    const riseDay = a.lastLowerDay ? addDays(a.lastLowerDay, 1) : (a.firstDay ?? a.asOf);
    const checkedInAt = await checkInTime(database.db, a.athleteId, riseDay);
    const openedAt = new Date(
      Math.min((checkedInAt ?? new Date(`${riseDay}T07:30:00Z`)).getTime(), now.getTime()),
    );
    const alert = await database.db.transaction((tx) =>
      openOrEscalateAlert(tx as unknown as Db, {
        athleteId: a.athleteId,
        teamId: a.teamId,
        change: {
          previous: null,
          current: { level: a.level, score: a.score, ruleIds: a.ruleIds, asOf: a.asOf },
        },
        now: openedAt,
      }),
    );
    if (!alert) continue;
    opened += 1;
    if (riseDay >= localDateIn(a.timeZone, now)) continue;
    const coachId = await firstCoachOf(database.db, a.teamId);
    if (!coachId) continue;
    await acknowledgeAlert(database, {
      teamId: a.teamId,
      alertId: alert.alertId,
      byUserId: coachId,
      ...(a.level === 'red' ? { note: RED_NOTE } : {}),
      now: new Date(Math.min(openedAt.getTime() + ACKNOWLEDGED_AFTER_MS, now.getTime())),
    });
    acknowledged += 1;
  }
  return { opened, acknowledged };
}
