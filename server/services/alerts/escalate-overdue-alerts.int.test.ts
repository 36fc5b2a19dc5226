/**
 * Escalation (design.md §7): a red alert still unacknowledged after the club's hours escalates
 * once (escalatedAt, an `escalated` alert event, an `alert:update` with state still `new`), is
 * listed for the club's admins (health details only where the club allows it) and for the
 * coaches of the club's other teams (names, teams, times), and is emailed to them over SMTP.
 */
import type { AddressInfo } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db';
import { alertEvents, alerts, auditLog } from '@/db/schema';
import { localDateIn } from '@/lib/dates';
import { forEachDatabase } from '@/test/support/databases';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import { escalateOverdueAlerts } from './escalate-overdue-alerts';
import { checkIn, easyRun, expectWellFormedStream, newAthlete, teamEvents } from './test-helpers';
import { acknowledgeAlert } from './transition-alert';

const T0 = new Date();
const HOUR = 3600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

/** A real SMTP server in this process, recording each message's recipients and text. */
async function startSmtp() {
  const received: { to: string[]; body: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false });
  return {
    received,
    mailer: {
      send: async (m: { to: string; subject: string; text: string }) => {
        await transport.sendMail({ from: 'Loadline <no-reply@loadline.test>', ...m });
      },
    },
    close: async () => {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

forEachDatabase((getCtx) => {
  let database: Database;
  let db: Db;
  let seed: SecuritySeed;

  beforeAll(async () => {
    database = getCtx().database;
    db = database.db;
    seed = await seedSecurity(database);
  });

  async function redAlert(athleteId: string, now = T0, flags = ['swelling']) {
    await checkIn(database, athleteId, {
      date: localDateIn('UTC', now),
      checkIn: { ...easyRun, redFlags: flags },
      now,
    });
    const [alert] = await db
      .select()
      .from(alerts)
      .where(and(eq(alerts.athleteId, athleteId), eq(alerts.state, 'new')));
    return alert!;
  }

  const actions = async (alertId: string) =>
    (
      await db
        .select({ action: alertEvents.action })
        .from(alertEvents)
        .where(eq(alertEvents.alertId, alertId))
        .orderBy(asc(alertEvents.at))
    ).map((r) => r.action);

  describe('escalation after the club’s hours', () => {
    it('escalates an unacknowledged red alert once, after exactly the club’s hours', async () => {
      const athleteId = await newAthlete(db, seed, { teams: ['A'] });
      const alert = await redAlert(athleteId);

      const early = await escalateOverdueAlerts(database, { now: at(3.99) });
      expect(early.map((e) => e.alertId)).not.toContain(alert.id);

      const due = at(4);
      const escalated = await escalateOverdueAlerts(database, { now: due });
      expect(escalated).toContainEqual({
        alertId: alert.id,
        athleteId,
        teamId: seed.teams.A,
        clubId: seed.clubs.X,
      });
      const [row] = await db.select().from(alerts).where(eq(alerts.id, alert.id));
      expect(row).toMatchObject({ state: 'new', level: 'red', escalatedAt: due });
      expect(await actions(alert.id)).toEqual(['opened', 'escalated']);

      const stream = await teamEvents(db, seed.teams.A);
      expectWellFormedStream(stream);
      const last = stream.filter((e) => (e.payload as { alertId?: string }).alertId === alert.id);
      expect(last.map((e) => (e.payload as { state: string }).state)).toEqual(['new', 'new']);
      expect(last[1]!.payload).toMatchObject({ byUserId: null, at: due.toISOString() });

      // Later ticks leave it alone.
      const later = await escalateOverdueAlerts(database, { now: at(9) });
      expect(later.map((e) => e.alertId)).not.toContain(alert.id);
      expect(await actions(alert.id)).toEqual(['opened', 'escalated']);
    });

    it('never escalates amber or acknowledged alerts; a re-opened alert gets a fresh clock', async () => {
      const amberAthlete = await newAthlete(db, seed, { teams: ['A'] });
      const [amber] = await db
        .insert(alerts)
        .values({
          athleteId: amberAthlete,
          teamId: seed.teams.A,
          level: 'amber',
          ruleIds: ['LOAD_SPIKE_SMALL'],
          openedAt: at(-48),
          updatedAt: at(-48),
        })
        .returning({ id: alerts.id });

      const athleteId = await newAthlete(db, seed, { teams: ['A'] });
      const alert = await redAlert(athleteId);
      await acknowledgeAlert(database, {
        teamId: seed.teams.A,
        alertId: alert.id,
        byUserId: seed.users.cA.id,
        now: at(1),
      });
      const none = await escalateOverdueAlerts(database, { now: at(6) });
      expect(none.map((e) => e.alertId)).not.toContain(alert.id);
      expect(none.map((e) => e.alertId)).not.toContain(amber!.id);

      // A new red flag re-opens the acknowledged alert: the clock starts again from then.
      await redAlert(athleteId, at(6), ['swelling', 'locking']);
      const [reopened] = await db.select().from(alerts).where(eq(alerts.id, alert.id));
      expect(reopened?.state).toBe('new');
      const tooEarly = await escalateOverdueAlerts(database, { now: at(9.5) });
      expect(tooEarly.map((e) => e.alertId)).not.toContain(alert.id);
      const due = await escalateOverdueAlerts(database, { now: at(10) });
      expect(due.map((e) => e.alertId)).toContain(alert.id);
      expect(await actions(alert.id)).toEqual(['opened', 'acknowledged', 'escalated', 'escalated']);
    });

    it('is visible to admins (no health details unless the club allows) and to the other teams’ coaches', async () => {
      const athleteId = await newAthlete(db, seed, { teams: ['A'], name: 'Escalated Runner' });
      const alert = await redAlert(athleteId);
      const c1Alert = await redAlert(seed.users.c1.id);
      await escalateOverdueAlerts(database, { now: at(4.5) });

      const admX = await seed.callerFor('admX');
      const forX = await admX.alerts.escalated({ clubId: seed.clubs.X });
      expect(forX.adminsSeeHealth).toBe(false);
      const item = forX.items.find((i) => i.alertId === alert.id);
      expect(item).toMatchObject({
        athleteId,
        athleteName: 'Escalated Runner',
        teamId: seed.teams.A,
        teamName: 'Team A',
        level: 'red',
        ruleIds: null,
        openedAt: T0,
        escalatedAt: at(4.5),
      });
      expect(forX.items.map((i) => i.alertId)).not.toContain(c1Alert.id);
      expect(JSON.stringify(forX)).not.toContain('RF_');
      const [audit] = await db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.actorId, seed.users.admX.id),
            eq(auditLog.action, 'view.escalations'),
            eq(auditLog.subjectId, athleteId),
          ),
        );
      expect(audit).toBeDefined();

      // Club Y lets its admins see health data.
      const forY = await (await seed.callerFor('admY')).alerts.escalated({ clubId: seed.clubs.Y });
      expect(forY.adminsSeeHealth).toBe(true);
      expect(forY.items.find((i) => i.alertId === c1Alert.id)?.ruleIds).toContain('RF_SWELLING');
      await expect(
        (await seed.callerFor('admY')).alerts.escalated({ clubId: seed.clubs.X }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });

      // cB coaches team B of club X: sees team A's escalation, by name, without health details.
      const forCB = await (await seed.callerFor('cB')).alerts.clubEscalations();
      const seen = forCB.items.find((i) => i.alertId === alert.id);
      expect(seen).toEqual({
        alertId: alert.id,
        athleteName: 'Escalated Runner',
        teamId: seed.teams.A,
        teamName: 'Team A',
        clubId: seed.clubs.X,
        clubName: 'Club X',
        openedAt: T0,
        escalatedAt: at(4.5),
      });
      expect(forCB.items.map((i) => i.alertId)).not.toContain(c1Alert.id);
      // cA has it on their own board; an athlete coaches nowhere.
      const forCA = await (await seed.callerFor('cA')).alerts.clubEscalations();
      expect(forCA.items.map((i) => i.alertId)).not.toContain(alert.id);
      expect((await (await seed.callerFor('a1')).alerts.clubEscalations()).items).toEqual([]);

      // Once acknowledged, the escalation is answered and leaves the lists.
      await (await seed.callerFor('cA')).alerts.acknowledge({
        teamId: seed.teams.A,
        alertId: alert.id,
      });
      const afterAck = await admX.alerts.escalated({ clubId: seed.clubs.X });
      expect(afterAck.items.map((i) => i.alertId)).not.toContain(alert.id);
      const [row] = await db.select().from(alerts).where(eq(alerts.id, alert.id));
      expect(row?.escalatedAt).toEqual(at(4.5));
    });
  });

  describe('escalation emails', () => {
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    beforeAll(async () => {
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await smtp?.close();
    });

    it('emails the club’s admins and the other teams’ coaches, without health details', async () => {
      const athleteId = await newAthlete(db, seed, { teams: ['A'], name: 'Mailed Runner' });
      const alert = await redAlert(athleteId, at(100));
      const escalated = await escalateOverdueAlerts(database, {
        now: at(105),
        mailer: smtp.mailer,
        appUrl: 'https://loadline.test',
      });
      expect(escalated.map((e) => e.alertId)).toContain(alert.id);
      const mine = smtp.received.filter((m) => m.body.includes('Mailed Runner'));
      // Team A's own coach (cA) has it on the board already; the other club's admin is not told.
      const to = mine.flatMap((m) => m.to).sort();
      expect(to).toEqual([seed.users.admX.email, seed.users.cB.email].sort());
      for (const message of mine) {
        expect(message.body).toContain('Team A');
        expect(message.body).not.toMatch(/RF_|swelling/i);
      }
    });
  });
});
