import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { clubs, invites } from '@/db/schema';
import { lookupInvite } from '@/server/services/invites/accept-invite';
import { hashInviteToken } from '@/server/services/invites/tokens';
import { forEachDatabase } from '@/test/support/databases';
import { checkCreateClubInput, createClubWithAdminInvite } from './create-club';

const ROOT = path.resolve(import.meta.dirname, '../../..');

forEachDatabase((getCtx) => {
  it('creates a real club and a single-use admin invite for 7 days', async () => {
    const { database } = getCtx();
    const now = new Date('2026-11-21T10:00:00Z');
    const created = await createClubWithAdminInvite(database.db, {
      name: '  Riverside Harriers ',
      adminEmail: 'Chair@Example.org',
      appUrl: 'https://club.example.org/',
      now,
    });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.link).toBe(`https://club.example.org/invite/${created.token}`);
    expect(created.expiresAt.toISOString()).toBe('2026-11-28T10:00:00.000Z');

    const [club] = await database.db.select().from(clubs).where(eq(clubs.id, created.clubId));
    expect(club).toMatchObject({ name: 'Riverside Harriers', isDemo: false });
    expect(club!.settings).toEqual({
      adminsSeeHealth: false,
      ageOfConsent: 16,
      escalateAfterHours: 4,
    });

    const [invite] = await database.db
      .select()
      .from(invites)
      .where(eq(invites.id, created.inviteId));
    expect(invite).toMatchObject({
      kind: 'personal',
      role: 'admin',
      email: 'chair@example.org',
      clubId: created.clubId,
      teamId: null,
      maxUses: 1,
      uses: 0,
      revokedAt: null,
      tokenHash: hashInviteToken(created.token),
    });
    expect(invite!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(invite!.tokenHash).not.toContain(created.token);
    expect(invite!.expiresAt.getTime()).toBe(created.expiresAt.getTime());

    // The invite flow finds it by the token in the link.
    const looked = await lookupInvite(database.db, { token: created.token, now });
    expect(looked).toMatchObject({
      ok: true,
      invite: { kind: 'personal', role: 'admin', clubName: 'Riverside Harriers', teamName: null },
    });
    const late = await lookupInvite(database.db, {
      token: created.token,
      now: new Date('2026-11-28T10:00:01Z'),
    });
    expect(late).toEqual({ ok: false, problem: 'expired' });
  });

  it('makes a different token every time', async () => {
    const { database } = getCtx();
    const input = { name: 'Twice', adminEmail: 'a@b.org', appUrl: 'http://localhost:3000' };
    const a = await createClubWithAdminInvite(database.db, input);
    const b = await createClubWithAdminInvite(database.db, input);
    expect(a.token).not.toBe(b.token);
    expect(a.clubId).not.toBe(b.clubId);
  });

  it('refuses bad input without writing anything', async () => {
    const { database } = getCtx();
    const before = (await database.db.select().from(clubs)).length;
    await expect(
      createClubWithAdminInvite(database.db, {
        name: ' ',
        adminEmail: 'a@b.org',
        appUrl: 'http://x',
      }),
    ).rejects.toThrow('name: must not be empty');
    await expect(
      createClubWithAdminInvite(database.db, {
        name: 'Ok',
        adminEmail: 'nope',
        appUrl: 'http://x',
      }),
    ).rejects.toThrow('adminEmail: must be an email address');
    expect((await database.db.select().from(clubs)).length).toBe(before);
  });

  it('runs as npm run create-club and prints one line: the link', async () => {
    const { database, url, kind } = getCtx();
    const dir =
      kind === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'loadline-create-club-')) : null;
    try {
      const env = {
        ...process.env,
        DATABASE_URL: url ?? '',
        DATA_DIR: dir ?? '',
        APP_URL: 'https://runs.example.org',
        AUTH_SECRET: '',
      };
      const result = runScript(
        ['--name', 'Canal Striders', '--admin-email', 'lead@canal.example'],
        env,
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      const match = /^https:\/\/runs\.example\.org\/invite\/([A-Za-z0-9_-]{43})$/.exec(lines[0]!);
      expect(match).not.toBeNull();
      const check = dir ? await openDatabase({ dataDir: dir }) : database;
      try {
        const [invite] = await check.db
          .select()
          .from(invites)
          .where(eq(invites.tokenHash, hashInviteToken(match![1]!)));
        expect(invite).toMatchObject({
          role: 'admin',
          email: 'lead@canal.example',
          kind: 'personal',
        });
        const [club] = await check.db.select().from(clubs).where(eq(clubs.id, invite!.clubId!));
        expect(club!.name).toBe('Canal Striders');
      } finally {
        if (dir) await check.close();
      }
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});

function runScript(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'scripts/create-club.ts'), ...args],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('create-club arguments', () => {
  it.each([
    [[], '--name is required'],
    [['--name', 'X'], '--admin-email is required'],
    [['--admin-email', 'a@b.org'], '--name is required'],
    [['--name', '', '--admin-email', 'a@b.org'], '--name: must not be empty'],
    [['--name', 'X', '--admin-email', 'not-an-email'], '--admin-email: must be an email address'],
    [['--name', 'X', '--admin-email'], '--admin-email needs a value'],
    [['--name', 'X', '--admin-email', 'a@b.org', '--team', 'Y'], 'unknown argument "--team"'],
    [['--name=X', '--name=Y', '--admin-email=a@b.org'], '--name given twice'],
  ])('%j → exit 2 with one line naming the flag', (args, message) => {
    const result = runScript(args as string[]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });

  it('checks the service input the same way', () => {
    expect(checkCreateClubInput({ name: 'A', adminEmail: 'a@b.org' })).toBeNull();
    expect(checkCreateClubInput({ name: 'x'.repeat(121), adminEmail: 'a@b.org' })).toBe(
      'name: at most 120 characters',
    );
  });
});
