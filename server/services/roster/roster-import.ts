import type { Database, Db } from '@/db';
import { parseCsv, toCsv } from '@/lib/csv';
import { recordAudit } from '@/server/services/audit/record-audit';
import { expiryFrom } from '@/server/services/invites/create-personal-invite';
import {
  type CreatedInvite,
  findInviteeConflicts,
  type Invitee,
  type InviteRole,
  insertPersonalInvites,
  isEmail,
  loadClubTeams,
  lockClubInvites,
  normaliseEmail,
  teamNamesOfClub,
} from '@/server/services/invites/invitees';

export const IMPORT_MAX_ROWS = 500;
export const IMPORT_MAX_CHARS = 256 * 1024;
export const NAME_MAX = 120;
export const ROSTER_COLUMNS = ['name', 'email', 'team', 'role'] as const;
const ROLES: InviteRole[] = ['athlete', 'coach', 'admin'];

export interface RosterRow {
  /** The line of the file (1 = the header), so people can find the row in their spreadsheet. */
  line: number;
  name: string;
  email: string;
  team: string;
  role: string;
}

export interface PreviewRow extends RosterRow {
  teamId: string | null;
  /** Each starts with the column it is about: `email: must be an email address`. */
  errors: string[];
}

export interface ImportPreview {
  ok: boolean;
  /** Problems with the file as a whole (no header, too many rows); no rows are checked then. */
  fileErrors: string[];
  rows: PreviewRow[];
}

/** Reads the header and rows; pure. Columns by header name in any order; extra columns ignored. */
export function readRosterFile(text: string): { fileErrors: string[]; rows: RosterRow[] } {
  if (text.length > IMPORT_MAX_CHARS)
    return {
      fileErrors: ['The file is larger than 256 KB; split it into smaller files.'],
      rows: [],
    };
  const records = parseCsv(text);
  // Record numbers count blank lines too, so they match the lines of the spreadsheet.
  const filled = records
    .map((cells, i) => ({ cells, line: i + 1 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return { fileErrors: ['The file is empty.'], rows: [] };
  const [head, ...body] = filled;
  const header = head!.cells.map((h) => h.trim().toLowerCase());
  const missing = ['name', 'email', 'team'].filter((c) => !header.includes(c));
  if (missing.length > 0)
    return {
      fileErrors: [
        `The first line must name the columns name, email, team and role (missing: ${missing.join(', ')}).`,
      ],
      rows: [],
    };
  if (body.length > IMPORT_MAX_ROWS)
    return {
      fileErrors: [`At most ${IMPORT_MAX_ROWS} people per file; this one has ${body.length}.`],
      rows: [],
    };
  if (body.length === 0)
    return { fileErrors: ['The file has no rows under its header.'], rows: [] };
  const at = (cells: string[], name: string) => {
    const i = header.indexOf(name);
    return i >= 0 ? (cells[i] ?? '').trim() : '';
  };
  const rows = body.map(({ cells, line }) => ({
    line,
    name: at(cells, 'name'),
    email: at(cells, 'email'),
    team: at(cells, 'team'),
    role: at(cells, 'role'),
  }));
  return { fileErrors: [], rows };
}

/** Checks every row against the club: per-row errors, nothing written. */
export async function validateRoster(
  db: Db,
  input: { clubId: string; rows: RosterRow[]; now: Date },
): Promise<PreviewRow[]> {
  const teams = await loadClubTeams(db, input.clubId);
  const teamByName = new Map(teams.map((t) => [t.name.trim().toLowerCase(), t]));
  const linesByEmail = new Map<string, number[]>();
  for (const row of input.rows) {
    const email = normaliseEmail(row.email);
    if (email) linesByEmail.set(email, [...(linesByEmail.get(email) ?? []), row.line]);
  }

  const checked = input.rows.map((row): PreviewRow & { invitee: Invitee | null } => {
    const errors: string[] = [];
    const name = row.name;
    const email = normaliseEmail(row.email);
    const role = (row.role.trim().toLowerCase() || 'athlete') as InviteRole;
    if (!name) errors.push('name: is missing');
    else if (name.length > NAME_MAX) errors.push(`name: at most ${NAME_MAX} characters`);
    if (!email) errors.push('email: is missing');
    else if (!isEmail(email)) errors.push(`email: "${row.email}" is not an email address`);
    const others = (linesByEmail.get(email) ?? []).filter((l) => l !== row.line);
    if (email && others.length > 0)
      errors.push(`email: appears more than once in the file (also on line ${others.join(', ')})`);
    let teamId: string | null = null;
    if (!ROLES.includes(role)) errors.push(`role: "${row.role}" must be athlete, coach or admin`);
    else if (role === 'admin') {
      if (row.team) errors.push('team: leave it empty for an admin (admins see the whole club)');
    } else if (!row.team) errors.push(`team: is missing (every ${role} belongs to a team)`);
    else {
      const team = teamByName.get(row.team.toLowerCase());
      if (team) teamId = team.id;
      else errors.push(`team: "${row.team}" is not a team of this club`);
    }
    const invitee =
      errors.length === 0 ? { email, name, role, teamId: role === 'admin' ? null : teamId } : null;
    return { ...row, role: ROLES.includes(role) ? role : row.role, teamId, errors, invitee };
  });

  const teamNames = await teamNamesOfClub(db, input.clubId);
  const invitees = checked.flatMap((r) => (r.invitee ? [r.invitee] : []));
  const conflicts = await findInviteeConflicts(db, {
    clubId: input.clubId,
    invitees,
    teamNames,
    now: input.now,
  });
  return checked.map(({ invitee, ...row }) => {
    const conflict = invitee ? conflicts.get(invitee.email) : undefined;
    return conflict ? { ...row, errors: [...row.errors, `email: ${conflict}`] } : row;
  });
}

export async function previewRosterImport(
  db: Db,
  input: { clubId: string; csv: string; now?: Date },
): Promise<ImportPreview> {
  const { fileErrors, rows } = readRosterFile(input.csv);
  if (fileErrors.length > 0) return { ok: false, fileErrors, rows: [] };
  const checked = await validateRoster(db, {
    clubId: input.clubId,
    rows,
    now: input.now ?? new Date(),
  });
  return { ok: checked.every((r) => r.errors.length === 0), fileErrors: [], rows: checked };
}

export type CommitResult =
  | { ok: false; preview: ImportPreview }
  | { ok: true; invites: CreatedInvite[]; linksCsv: string };

/**
 * All or nothing: one transaction re-reads and re-checks the whole file under the club's
 * invitation lock, and creates one personal invitation per row only when no row has an error.
 */
export async function commitRosterImport(
  database: Database,
  input: {
    clubId: string;
    csv: string;
    expiresInDays: number;
    createdBy: string;
    appUrl: string;
    now?: Date;
  },
): Promise<CommitResult> {
  const now = input.now ?? new Date();
  const { fileErrors, rows } = readRosterFile(input.csv);
  if (fileErrors.length > 0) return { ok: false, preview: { ok: false, fileErrors, rows: [] } };
  return database.db.transaction(async (tx): Promise<CommitResult> => {
    await lockClubInvites(tx, input.clubId);
    const checked = await validateRoster(tx, { clubId: input.clubId, rows, now });
    if (checked.some((r) => r.errors.length > 0))
      return { ok: false, preview: { ok: false, fileErrors: [], rows: checked } };
    const created = await insertPersonalInvites(tx, {
      clubId: input.clubId,
      invitees: checked.map((r) => ({
        email: normaliseEmail(r.email),
        name: r.name,
        role: r.role as InviteRole,
        teamId: r.role === 'admin' ? null : r.teamId,
      })),
      teamNames: await teamNamesOfClub(tx, input.clubId),
      expiresAt: expiryFrom(now, input.expiresInDays),
      createdBy: input.createdBy,
      appUrl: input.appUrl,
    });
    await recordAudit(tx, {
      actorId: input.createdBy,
      action: 'roster.import',
      clubId: input.clubId,
      detail: { invites: created.length },
    });
    return { ok: true, invites: created, linksCsv: invitationLinksCsv(created) };
  });
}

/** The CSV of links handed out when no email is sent (or as a record when it is). */
export function invitationLinksCsv(invites: CreatedInvite[]): string {
  return toCsv([
    ['name', 'email', 'team', 'role', 'link', 'expires_at'],
    ...invites.map((i) => [i.name, i.email, i.teamName, i.role, i.link, i.expiresAt.toISOString()]),
  ]);
}
