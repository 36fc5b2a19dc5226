import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clubs, invites, memberships, teams, users } from '@/db/schema';
import { inviteLink, newInviteToken } from './tokens';

export type InviteRole = 'admin' | 'coach' | 'athlete';

/** A person to invite, already normalised (email trimmed and lower-cased). */
export interface Invitee {
  email: string;
  name: string | null;
  role: InviteRole;
  /** Required for athletes and coaches; null for admins (club-wide). */
  teamId: string | null;
}

export interface CreatedInvite extends Invitee {
  inviteId: string;
  teamName: string | null;
  /** Shown once: only the token's hash is stored. */
  link: string;
  expiresAt: Date;
}

export const EMAIL_MAX = 254;
const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return email.length <= EMAIL_MAX && EMAIL_RE.test(email);
}

/**
 * Serialises invitation writes of one club (single invites and imports), so "already invited"
 * checks and the inserts they guard cannot interleave between two admins.
 */
export async function lockClubInvites(tx: Db, clubId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`loadline:invites:${clubId}`}))`);
}

export async function loadClubTeams(db: Db, clubId: string) {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.clubId, clubId), isNull(teams.archivedAt)))
    .orderBy(asc(teams.name));
}

export async function clubName(db: Db, clubId: string): Promise<string | null> {
  const [club] = await db.select({ name: clubs.name }).from(clubs).where(eq(clubs.id, clubId));
  return club?.name ?? null;
}

/**
 * Why each invitee cannot be invited to the club, by email: already in the club in that role (an
 * athlete belongs to one team per club; a coach may coach several teams; pending join requests
 * count), or already holding an open invitation of the club.
 */
export async function findInviteeConflicts(
  db: Db,
  input: { clubId: string; invitees: Invitee[]; teamNames: Map<string, string>; now: Date },
): Promise<Map<string, string>> {
  const emails = [...new Set(input.invitees.map((i) => i.email))];
  const conflicts = new Map<string, string>();
  if (emails.length === 0) return conflicts;

  const existing = await db
    .select({
      email: sql<string>`lower(${users.email})`,
      role: memberships.role,
      teamId: memberships.teamId,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clubId, input.clubId),
        inArray(memberships.status, ['active', 'pending']),
        inArray(sql`lower(${users.email})`, emails),
      ),
    );
  for (const invitee of input.invitees) {
    const mine = existing.filter((m) => m.email === invitee.email && m.role === invitee.role);
    const clash =
      invitee.role === 'coach' ? mine.find((m) => m.teamId === invitee.teamId) : mine[0];
    if (!clash || conflicts.has(invitee.email)) continue;
    const team = clash.teamId ? input.teamNames.get(clash.teamId) : null;
    const what =
      clash.role === 'admin'
        ? 'an admin of this club'
        : clash.role === 'coach'
          ? `a coach of ${team ?? 'that team'}`
          : `an athlete${team ? ` of ${team}` : ''} in this club`;
    conflicts.set(
      invitee.email,
      clash.status === 'pending'
        ? `has asked to join as ${what}: approve the request instead`
        : `is already ${what}`,
    );
  }

  const open = await db
    .select({ email: sql<string>`lower(${invites.email})` })
    .from(invites)
    .where(
      and(
        eq(invites.clubId, input.clubId),
        eq(invites.kind, 'personal'),
        isNull(invites.revokedAt),
        lt(invites.uses, invites.maxUses),
        gt(invites.expiresAt, input.now),
        inArray(sql`lower(${invites.email})`, emails),
      ),
    );
  for (const row of open) {
    if (!conflicts.has(row.email))
      conflicts.set(row.email, 'already has an open invitation (revoke it to send a new one)');
  }
  return conflicts;
}

/** Inserts one single-use personal invite per invitee; returns their one-time links. */
export async function insertPersonalInvites(
  tx: Db,
  input: {
    clubId: string;
    invitees: Invitee[];
    teamNames: Map<string, string>;
    expiresAt: Date;
    createdBy: string;
    appUrl: string;
  },
): Promise<CreatedInvite[]> {
  if (input.invitees.length === 0) return [];
  const tokens = input.invitees.map(() => newInviteToken());
  const rows = await tx
    .insert(invites)
    .values(
      input.invitees.map((invitee, i) => ({
        kind: 'personal' as const,
        tokenHash: tokens[i]!.tokenHash,
        clubId: input.clubId,
        teamId: invitee.teamId,
        role: invitee.role,
        email: invitee.email,
        name: invitee.name,
        expiresAt: input.expiresAt,
        maxUses: 1,
        createdBy: input.createdBy,
      })),
    )
    .returning({ id: invites.id, tokenHash: invites.tokenHash });
  const idByHash = new Map(rows.map((r) => [r.tokenHash, r.id]));
  return input.invitees.map((invitee, i) => ({
    ...invitee,
    inviteId: idByHash.get(tokens[i]!.tokenHash)!,
    teamName: invitee.teamId ? (input.teamNames.get(invitee.teamId) ?? null) : null,
    link: inviteLink(input.appUrl, tokens[i]!.token),
    expiresAt: input.expiresAt,
  }));
}

/** Teams by id, including archived ones, for naming existing memberships. */
export async function teamNamesOfClub(db: Db, clubId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.clubId, clubId));
  return new Map(rows.map((r) => [r.id, r.name]));
}
