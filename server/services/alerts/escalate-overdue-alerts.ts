/**
 * Escalation (design.md §7): a red alert still unacknowledged after the club's
 * `escalateAfterHours` escalates in place: `escalatedAt` is set, an `escalated` alert event is
 * recorded and an `alert:update` (state still `new`) is appended to the team's stream. The club's
 * admins and the coaches of its other teams see it through `alerts.escalated` /
 * `alerts.clubEscalations`, and by email when a mailer is configured.
 */
import { and, asc, eq, isNull, ne, or } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { alertEvents, alerts, clubs, memberships, teams, users } from '@/db/schema';
import { publishTeamEvents } from '@/server/realtime/relay';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import { escalateAfterHours, isOverdue } from './escalation-sql';

/** The part of a mailer escalation needs (server/services/mail's Mailer satisfies it). */
export interface EscalationMailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface EscalatedAlert {
  alertId: string;
  athleteId: string;
  teamId: string;
  clubId: string;
}

const BATCH = 200;

async function overdueAlerts(db: Db, now: Date, onlyId?: string) {
  return db
    .select({
      id: alerts.id,
      athleteId: alerts.athleteId,
      teamId: alerts.teamId,
      clubId: teams.clubId,
      level: alerts.level,
      ruleIds: alerts.ruleIds,
    })
    .from(alerts)
    .innerJoin(teams, eq(teams.id, alerts.teamId))
    .innerJoin(clubs, eq(clubs.id, teams.clubId))
    .where(
      and(isNull(teams.archivedAt), isOverdue(now), onlyId ? eq(alerts.id, onlyId) : undefined),
    )
    .orderBy(asc(alerts.openedAt))
    .limit(BATCH);
}

/**
 * Escalates every overdue alert once, each in its own transaction; returns those it escalated.
 * Safe to run concurrently: each alert is re-checked under its athlete's and its own row lock.
 */
export async function escalateOverdueAlerts(
  database: Database,
  input: { now?: Date; mailer?: EscalationMailer | null; appUrl?: string } = {},
): Promise<EscalatedAlert[]> {
  const now = input.now ?? new Date();
  const done: EscalatedAlert[] = [];
  const published: { teamId: string; seq: number }[] = [];
  for (const candidate of await overdueAlerts(database.db, now)) {
    const outcome = await database.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      // Same lock order as a check-in (athlete, then alert), so the two never deadlock.
      await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.id, candidate.athleteId))
        .for('update');
      const [alert] = await overdueAlerts(tx, now, candidate.id);
      if (!alert) return null;
      await tx
        .update(alerts)
        .set({ escalatedAt: now, updatedAt: now })
        .where(eq(alerts.id, alert.id));
      await tx.insert(alertEvents).values({
        alertId: alert.id,
        action: 'escalated',
        byUserId: null,
        at: now,
        level: alert.level,
        ruleIds: alert.ruleIds,
      });
      const seq = await appendTeamEvent(tx, {
        teamId: alert.teamId,
        type: 'alert:update',
        payload: {
          alertId: alert.id,
          athleteId: alert.athleteId,
          state: 'new',
          level: alert.level,
          ruleIds: [...alert.ruleIds],
          byUserId: null,
          at: now.toISOString(),
        },
      });
      return { alert, seq };
    });
    if (!outcome) continue;
    const { alert, seq } = outcome;
    published.push({ teamId: alert.teamId, seq });
    done.push({
      alertId: alert.id,
      athleteId: alert.athleteId,
      teamId: alert.teamId,
      clubId: alert.clubId,
    });
  }
  if (published.length > 0) {
    try {
      await publishTeamEvents(database, published);
    } catch {
      console.warn('escalation: NOTIFY failed; relays will pick the events up by polling');
    }
  }
  if (input.mailer && done.length > 0) {
    await emailEscalations(database.db, {
      mailer: input.mailer,
      alerts: done,
      appUrl: input.appUrl,
      now,
    });
  }
  return done;
}

/**
 * The club's admins and the coaches of its other teams (the alert's own coaches already have it
 * on their board), active and not disabled.
 */
export async function escalationRecipients(db: Db, alert: { clubId: string; teamId: string }) {
  const rows = await db
    .selectDistinct({ userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(
        eq(memberships.clubId, alert.clubId),
        eq(memberships.status, 'active'),
        isNull(users.disabledAt),
        or(
          eq(memberships.role, 'admin'),
          and(
            eq(memberships.role, 'coach'),
            ne(memberships.teamId, alert.teamId),
            isNull(teams.archivedAt),
          ),
        ),
      ),
    );
  const ownCoaches = new Set(
    (
      await db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.teamId, alert.teamId),
            eq(memberships.role, 'coach'),
            eq(memberships.status, 'active'),
          ),
        )
    ).map((r) => r.userId),
  );
  return rows.filter((r) => !ownCoaches.has(r.userId)).sort((a, b) => (a.email < b.email ? -1 : 1));
}

/**
 * One email per recipient and alert: who, which team, since when. No health details (no rule
 * ids, no values): the email leaves the app. Never throws; logs no addresses.
 */
async function emailEscalations(
  db: Db,
  input: {
    mailer: EscalationMailer;
    alerts: EscalatedAlert[];
    appUrl?: string | undefined;
    now: Date;
  },
) {
  for (const alert of input.alerts) {
    const [info] = await db
      .select({
        athleteName: users.name,
        teamName: teams.name,
        openedAt: alerts.openedAt,
        clubName: clubs.name,
        hours: escalateAfterHours,
      })
      .from(alerts)
      .innerJoin(users, eq(users.id, alerts.athleteId))
      .innerJoin(teams, eq(teams.id, alerts.teamId))
      .innerJoin(clubs, eq(clubs.id, teams.clubId))
      .where(eq(alerts.id, alert.alertId));
    if (!info) continue;
    for (const to of await escalationRecipients(db, alert)) {
      try {
        await input.mailer.send({
          to: to.email,
          subject: `Loadline: unacknowledged alert for ${info.athleteName} (${info.teamName})`,
          text: [
            `Hello ${to.name},`,
            '',
            `An alert for ${info.athleteName} in ${info.teamName} (${info.clubName}) has not been acknowledged by the team's coaches for more than ${info.hours} hours (open since ${info.openedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC).`,
            'Please make sure someone follows it up.',
            ...(input.appUrl ? ['', `Open Loadline: ${input.appUrl}`] : []),
          ].join('\n'),
        });
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'error';
        console.warn(`escalation: an email could not be sent (${code})`);
      }
    }
  }
}
