/**
 * Invitations (personal, single use), team join codes (multi-use, each join approved), join
 * requests, and the CSV roster import/export. Who may do what:
 * - lookup, accept, join: public; the token in the link is the credential.
 * - personal invitations, import, export: club admins (clubAdminProcedure).
 * - join codes and join requests: club admins for every team of their club, and coaches for the
 *   teams they coach (a coach runs the track where the QR code is shown).
 */
import { TRPCError } from '@trpc/server';
import { ZodRealError, z } from 'zod';
import {
  clubAdminProcedure,
  clubInput,
  createRouter,
  healthDataProcedure,
  publicProcedure,
} from '@/server/api/trpc';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '@/server/auth/password';
import { getAuthSecret } from '@/server/auth/secret';
import { getEnv } from '@/server/env';
import { acceptInvite, lookupInvite } from '@/server/services/invites/accept-invite';
import {
  createPersonalInvite,
  INVITE_DAYS_DEFAULT,
  INVITE_DAYS_MAX,
  InviteInputError,
} from '@/server/services/invites/create-personal-invite';
import { clubName, loadClubTeams } from '@/server/services/invites/invitees';
import {
  createJoinCode,
  JOIN_CODE_DAYS_DEFAULT,
  JOIN_CODE_DAYS_MAX,
  JOIN_CODE_USES_DEFAULT,
  JOIN_CODE_USES_MAX,
  listJoinCodes,
  managedTeamsOfClub,
} from '@/server/services/invites/join-codes';
import {
  decideJoinRequest,
  joinWithCode,
  listJoinRequests,
  staffWorksInClub,
} from '@/server/services/invites/join-team';
import { listInvites } from '@/server/services/invites/list-invites';
import { revokeInvite } from '@/server/services/invites/revoke-invite';
import { isStaff, staffScopeOf } from '@/server/services/invites/staff-scope';
import { mailerFromEnv } from '@/server/services/mail/mailer';
import { deliverInviteEmails } from '@/server/services/mail/send-invite-emails';
import { exportRosterCsv } from '@/server/services/roster/export-roster';
import {
  commitRosterImport,
  IMPORT_MAX_CHARS,
  previewRosterImport,
} from '@/server/services/roster/roster-import';

const token = z.string().min(10).max(200);
const name = z.string().trim().min(1, 'Please enter your name').max(120);
const password = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX);
const email = z.string().trim().min(1, 'Please enter an email address').max(254);
const csv = z.string().max(IMPORT_MAX_CHARS, 'The file is larger than 256 KB');
/** Emails are sent after commit; a request waits this long for them, within its 3 s deadline. */
const EMAIL_WAIT_MS = 1500;

/** As a ZodError, so the error formatter answers `<path>: <reason>` and fills data.fieldErrors. */
function fieldError(path: string, reason: string): TRPCError {
  const cause = new ZodRealError([
    { code: 'custom', path: [path], message: reason, input: undefined },
  ]);
  return new TRPCError({ code: 'BAD_REQUEST', message: `${path}: ${reason}`, cause });
}

/** A member of staff: an admin of some club or a coach of some team; athletes are refused. */
const staffProcedure = healthDataProcedure.use(({ ctx, next }) => {
  const scope = staffScopeOf(ctx.viewer);
  if (!isStaff(scope))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only coaches and club admins can do this.',
    });
  return next({ ctx: { ...ctx, scope } });
});

/** Staff who work in the club named in the input (its admins, coaches of one of its teams). */
const clubStaffProcedure = staffProcedure.input(clubInput).use(async ({ ctx, input, next }) => {
  if (!(await staffWorksInClub(ctx.db, { clubId: input.clubId, scope: ctx.scope })))
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You do not work in this club.' });
  return next();
});

const notFound = () =>
  new TRPCError({ code: 'NOT_FOUND', message: 'No such invitation or request.' });

export const invitesRouter = createRouter({
  lookup: publicProcedure
    .input(z.object({ token }))
    .query(({ ctx, input }) => lookupInvite(ctx.db, input)),

  /** Accepts a personal invitation, as a new person (name + password) or the signed-in invitee. */
  accept: publicProcedure
    .input(z.object({ token, name: name.optional(), password: password.optional() }))
    .mutation(async ({ ctx, input }) => {
      // Hash only for a usable invite: a bogus token must not cost an argon2 run.
      const looked = await lookupInvite(ctx.db, { token: input.token });
      if (!looked.ok) return looked;
      const newAccount =
        input.name && input.password && !ctx.viewer
          ? { name: input.name, passwordHash: await hashPassword(input.password) }
          : undefined;
      return acceptInvite(ctx.database, {
        token: input.token,
        newAccount,
        signedInUserId: ctx.viewer?.userId ?? null,
      });
    }),

  /** Asks to join a team with its join code; the membership waits for a coach's approval. */
  join: publicProcedure
    .input(
      z.object({
        token,
        name: name.optional(),
        email: email.optional(),
        password: password.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const looked = await lookupInvite(ctx.db, { token: input.token });
      if (!looked.ok) return looked;
      if (looked.invite.kind !== 'team_code') return { ok: false as const, problem: 'unknown' };
      if (!ctx.viewer && input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
        throw fieldError('email', 'must be an email address');
      const newAccount =
        !ctx.viewer && input.name && input.email && input.password
          ? {
              name: input.name,
              email: input.email,
              passwordHash: await hashPassword(input.password),
            }
          : undefined;
      return joinWithCode(ctx.database, {
        token: input.token,
        newAccount,
        signedInUserId: ctx.viewer?.userId ?? null,
      });
    }),

  /** A personal invitation; its link is in this answer only (and in the email, when SMTP is set). */
  create: clubAdminProcedure
    .input(
      z.object({
        email,
        name: z.string().trim().max(120).optional(),
        role: z.enum(['athlete', 'coach', 'admin']),
        teamId: z.uuid().nullish(),
        expiresInDays: z.number().int().min(1).max(INVITE_DAYS_MAX).default(INVITE_DAYS_DEFAULT),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const env = getEnv();
      let created: Awaited<ReturnType<typeof createPersonalInvite>>;
      try {
        created = await createPersonalInvite(ctx.db, {
          ...input,
          createdBy: ctx.viewer.userId,
          appUrl: env.APP_URL,
        });
      } catch (error) {
        if (error instanceof InviteInputError) throw fieldError(error.path, error.reason);
        throw error;
      }
      const { status } = await deliverInviteEmails(mailerFromEnv(env), {
        clubName: (await clubName(ctx.db, input.clubId)) ?? 'your club',
        invites: [created],
        waitMs: EMAIL_WAIT_MS,
      });
      return {
        inviteId: created.inviteId,
        email: created.email,
        name: created.name,
        role: created.role,
        teamName: created.teamName,
        link: created.link,
        expiresAt: created.expiresAt,
        emailStatus: status,
      };
    }),

  /** The club's personal invitations with their status (tokens are never listed). */
  list: clubAdminProcedure.query(async ({ ctx, input }) => ({
    invites: await listInvites(ctx.db, { clubId: input.clubId }),
    /** The teams an invitation can name (active ones). */
    teams: await loadClubTeams(ctx.db, input.clubId),
    emailConfigured: !!getEnv().SMTP_URL,
  })),

  /** Withdraws a personal invitation (admins) or a join code (admins, coaches of its team). */
  revoke: staffProcedure
    .input(z.object({ inviteId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await revokeInvite(ctx.db, { inviteId: input.inviteId, scope: ctx.scope })))
        throw notFound();
      return { ok: true as const };
    }),

  createJoinCode: staffProcedure
    .input(
      z.object({
        teamId: z.uuid(),
        expiresInDays: z
          .number()
          .int()
          .min(1)
          .max(JOIN_CODE_DAYS_MAX)
          .default(JOIN_CODE_DAYS_DEFAULT),
        maxUses: z.number().int().min(1).max(JOIN_CODE_USES_MAX).default(JOIN_CODE_USES_DEFAULT),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const code = await createJoinCode(ctx.db, {
        ...input,
        scope: ctx.scope,
        secret: getAuthSecret(),
        appUrl: getEnv().APP_URL,
      });
      if (!code)
        throw new TRPCError({ code: 'FORBIDDEN', message: 'You do not manage this team.' });
      return code;
    }),

  /** Join codes of the teams the caller manages in the club; active ones with their link. */
  joinCodes: clubStaffProcedure.query(async ({ ctx, input }) => ({
    /** The teams the caller may make codes for. */
    teams: (await managedTeamsOfClub(ctx.db, { clubId: input.clubId, scope: ctx.scope })).map(
      (t) => ({ id: t.id, name: t.name }),
    ),
    codes: await listJoinCodes(ctx.db, {
      clubId: input.clubId,
      scope: ctx.scope,
      secret: getAuthSecret(),
      appUrl: getEnv().APP_URL,
    }),
  })),

  /** Pending join requests of the teams the caller manages in the club. */
  joinRequests: clubStaffProcedure.query(({ ctx, input }) =>
    listJoinRequests(ctx.db, { clubId: input.clubId, scope: ctx.scope }),
  ),

  approveJoin: staffProcedure
    .input(z.object({ membershipId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const decided = await decideJoinRequest(ctx.database, {
        membershipId: input.membershipId,
        decision: 'approve',
        scope: ctx.scope,
      });
      if (!decided) throw notFound();
      return decided;
    }),

  declineJoin: staffProcedure
    .input(z.object({ membershipId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const decided = await decideJoinRequest(ctx.database, {
        membershipId: input.membershipId,
        decision: 'decline',
        scope: ctx.scope,
      });
      if (!decided) throw notFound();
      return decided;
    }),

  /** Checks a roster CSV against the club; writes nothing. */
  importPreview: clubAdminProcedure
    .input(z.object({ csv }))
    .mutation(({ ctx, input }) =>
      previewRosterImport(ctx.db, { clubId: input.clubId, csv: input.csv }),
    ),

  /** Creates one personal invitation per row, all or nothing; emails them when SMTP is set. */
  importCommit: clubAdminProcedure
    .input(
      z.object({
        csv,
        expiresInDays: z.number().int().min(1).max(INVITE_DAYS_MAX).default(INVITE_DAYS_DEFAULT),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const env = getEnv();
      const result = await commitRosterImport(ctx.database, {
        clubId: input.clubId,
        csv: input.csv,
        expiresInDays: input.expiresInDays,
        createdBy: ctx.viewer.userId,
        appUrl: env.APP_URL,
      });
      if (!result.ok) return result;
      const { status } = await deliverInviteEmails(mailerFromEnv(env), {
        clubName: (await clubName(ctx.db, input.clubId)) ?? 'your club',
        invites: result.invites,
        waitMs: EMAIL_WAIT_MS,
      });
      return {
        ok: true as const,
        count: result.invites.length,
        linksCsv: result.linksCsv,
        invites: result.invites.map((i) => ({
          inviteId: i.inviteId,
          name: i.name,
          email: i.email,
          role: i.role,
          teamName: i.teamName,
          link: i.link,
          expiresAt: i.expiresAt,
        })),
        emailStatus: status,
      };
    }),

  /** The active roster as CSV (name, email, team, role): the import's format. No health data. */
  exportRoster: clubAdminProcedure.query(async ({ ctx, input }) => ({
    filename: 'roster.csv',
    csv: await exportRosterCsv(ctx.db, { clubId: input.clubId }),
  })),
});
