/**
 * `notes.list` and `notes.add` through the router on real databases: notes belong to a team and
 * stay with its coaches (and admins allowed to see health data), the athlete does not see them,
 * every add and every view is audited without the text, and no note reaches the event stream.
 */
import { TRPCError } from '@trpc/server';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, coachNotes, events, memberships } from '@/db/schema';
import { forEachDatabase } from '@/test/support/databases';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';

const DAY_MS = 86_400_000;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allow';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;

  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
    // a1 is in team A since 10 days ago, and in team B (coach cB) since now.
    await seed.db
      .update(memberships)
      .set({ startedAt: new Date(Date.now() - 10 * DAY_MS) })
      .where(and(eq(memberships.userId, seed.users.a1.id), eq(memberships.teamId, seed.teams.A)));
    await seed.db.insert(memberships).values({
      userId: seed.users.a1.id,
      clubId: seed.clubs.X,
      teamId: seed.teams.B,
      role: 'athlete',
    });
  });

  describe('notes', () => {
    it('cA adds a note for a1: stored with team A, audited without its text, no event', async () => {
      const cA = await seed.callerFor('cA');
      const [eventsBefore] = await seed.db.select({ n: count() }).from(events);
      const note = await cA.notes.add({
        athleteId: seed.users.a1.id,
        body: '  COACH-NOTE-A easy week, check knee Friday  ',
      });
      expect(note.body).toBe('COACH-NOTE-A easy week, check knee Friday');
      expect(note.teamId).toBe(seed.teams.A);
      expect(note.teamName).toBe('Team A');
      expect(note.authorName).toBe('Coach of A');
      const [stored] = await seed.db.select().from(coachNotes).where(eq(coachNotes.id, note.id));
      expect(stored).toMatchObject({ athleteId: seed.users.a1.id, authorId: seed.users.cA.id });

      const audit = await seed.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, seed.users.cA.id), eq(auditLog.action, 'note.add')));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        subjectId: seed.users.a1.id,
        teamId: seed.teams.A,
        clubId: seed.clubs.X,
        detail: { noteId: note.id },
      });
      expect(JSON.stringify(audit)).not.toContain('COACH-NOTE');
      const [eventsAfter] = await seed.db.select({ n: count() }).from(events);
      expect(eventsAfter!.n).toBe(eventsBefore!.n);
    });

    it('cA lists the team A notes newest first and the view is audited once per 10 minutes', async () => {
      const cA = await seed.callerFor('cA');
      await cA.notes.add({ athleteId: seed.users.a1.id, body: 'COACH-NOTE-A second' });
      const list = await cA.notes.list({ athleteId: seed.users.a1.id });
      expect(list.map((n) => n.body)).toEqual([
        'COACH-NOTE-A second',
        'COACH-NOTE-A easy week, check knee Friday',
      ]);
      await cA.notes.list({ athleteId: seed.users.a1.id });
      const [views] = await seed.db
        .select({ n: count() })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.actorId, seed.users.cA.id),
            eq(auditLog.subjectId, seed.users.a1.id),
            eq(auditLog.action, 'view.athlete_notes'),
          ),
        );
      expect(views!.n).toBe(1);
    });

    it('team B’s coach sees only team B notes of the same athlete, and theirs stay from cA', async () => {
      const cB = await seed.callerFor('cB');
      await cB.notes.add({ athleteId: seed.users.a1.id, body: 'COACH-NOTE-B track session' });
      const bList = await cB.notes.list({ athleteId: seed.users.a1.id });
      expect(bList.map((n) => n.body)).toEqual(['COACH-NOTE-B track session']);
      const aList = await (await seed.callerFor('cA')).notes.list({ athleteId: seed.users.a1.id });
      expect(JSON.stringify(aList)).not.toContain('COACH-NOTE-B');
    });

    it('notes written before the membership start stay hidden', async () => {
      await seed.db.insert(coachNotes).values({
        athleteId: seed.users.a1.id,
        teamId: seed.teams.A,
        authorId: seed.users.cA.id,
        body: 'COACH-NOTE-OLD from an earlier membership',
        createdAt: new Date(Date.now() - 20 * DAY_MS),
      });
      const list = await (await seed.callerFor('cA')).notes.list({ athleteId: seed.users.a1.id });
      expect(JSON.stringify(list)).not.toContain('COACH-NOTE-OLD');
    });

    it('the athlete can neither read nor write coach notes about themself', async () => {
      const a1 = await seed.callerFor('a1');
      expect(await codeOf(a1.notes.list({ athleteId: seed.users.a1.id }))).toBe('FORBIDDEN');
      expect(await codeOf(a1.notes.add({ athleteId: seed.users.a1.id, body: 'me' }))).toBe(
        'FORBIDDEN',
      );
    });

    it('an admin allowed to see health data reads but does not write; others get NOT_FOUND', async () => {
      const cA = await seed.callerFor('cA');
      const admY = await seed.callerFor('admY');
      expect(await admY.notes.list({ athleteId: seed.users.c1.id })).toEqual([]);
      expect(await codeOf(admY.notes.add({ athleteId: seed.users.c1.id, body: 'x' }))).toBe(
        'FORBIDDEN',
      );
      const admX = await seed.callerFor('admX');
      expect(await codeOf(admX.notes.list({ athleteId: seed.users.a1.id }))).toBe('NOT_FOUND');
      expect(await codeOf(cA.notes.list({ athleteId: seed.users.b1.id }))).toBe('NOT_FOUND');
      expect(await codeOf(cA.notes.add({ athleteId: seed.users.c1.id, body: 'x' }))).toBe(
        'NOT_FOUND',
      );
      const [stray] = await seed.db
        .select({ n: count() })
        .from(coachNotes)
        .where(eq(coachNotes.body, 'x'));
      expect(stray!.n).toBe(0);
    });

    it('rejects an empty or overlong note, naming the field', async () => {
      const cA = await seed.callerFor('cA');
      for (const body of ['   ', 'x'.repeat(2001)]) {
        await expect(cA.notes.add({ athleteId: seed.users.a1.id, body })).rejects.toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringContaining('"body"'),
        });
      }
    });
  });
});
