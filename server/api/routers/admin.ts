import { TRPCError } from '@trpc/server';
import { ZodRealError, z } from 'zod';
import { clubAdminProcedure, createRouter } from '@/server/api/trpc';
import {
  auditLogCsv,
  listAuditFilterOptions,
  listAuditLog,
} from '@/server/services/audit/list-audit-log';
import { recordAudit } from '@/server/services/audit/record-audit';
import { issuePasswordReset } from '@/server/services/auth-reset/issue-password-reset';
import { AdminError } from '@/server/services/clubs/admin-error';
import {
  AGE_OF_CONSENT,
  ESCALATE_AFTER_HOURS,
  getClubSettings,
  updateClubSettings,
} from '@/server/services/clubs/club-settings';
import { getClubOverview } from '@/server/services/clubs/get-club-overview';
import { assignCoach, unassignCoach } from '@/server/services/members/assign-coach';
import { changeRole } from '@/server/services/members/change-role';
import { listMembers } from '@/server/services/members/list-members';
import { moveAthlete } from '@/server/services/members/move-athlete';
import { setMembershipStatus } from '@/server/services/members/set-membership-status';
import { createTeam } from '@/server/services/teams/create-team';
import { listTeams } from '@/server/services/teams/list-teams';
import { renameTeam } from '@/server/services/teams/rename-team';
import { setTeamArchived } from '@/server/services/teams/set-team-archived';
import { TEAM_NAME_MAX } from '@/server/services/teams/team-name';

/** Service refusals as tRPC errors; a named field becomes `data.fieldErrors[field]`. */
function toTrpcError(error: unknown): unknown {
  if (!(error instanceof AdminError)) return error;
  // ZodRealError (an Error): tRPC keeps it as the cause, so the formatter sees a ZodError and
  // fills data.fieldErrors. A plain ZodError is not an Error and would be wrapped away.
  const cause = error.field
    ? new ZodRealError([
        { code: 'custom', path: [error.field], message: error.message, input: undefined },
      ])
    : error;
  return new TRPCError({ code: error.code, message: error.message, cause });
}

async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toTrpcError(error);
  }
}

const wholeNumber = (label: string, range: { min: number; max: number }) =>
  z
    .number({ error: `Enter the ${label} as a number` })
    .int('Use a whole number')
    .min(range.min, `At least ${range.min}`)
    .max(range.max, `At most ${range.max}`);

const teamName = z
  .string()
  .trim()
  .min(1, 'Please enter a team name')
  .max(TEAM_NAME_MAX, `At most ${TEAM_NAME_MAX} characters`);
const membership = z.object({ membershipId: z.uuid() });
const localDate = z.iso.date('Use a date like 2026-11-21');

const auditFilters = z.object({
  action: z.string().min(1).max(64).optional(),
  actorId: z.uuid().optional(),
  subjectId: z.uuid().optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});

export const adminRouter = createRouter({
  /** Teams, members and 7-day compliance; each athlete's level only where the club allows it. */
  overview: clubAdminProcedure.query(async ({ ctx, input }) => {
    const today = new Date().toISOString().slice(0, 10);
    const overview = await getClubOverview(ctx.db, { clubId: input.clubId, today });
    if (!overview) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such club.' });
    if (overview.healthVisible) {
      // A view of health levels: one audit row per team shown (deduplicated per 10 minutes).
      const shown = new Set(
        overview.members
          .filter((m) => m.role === 'athlete' && m.status === 'active' && m.teamId)
          .map((m) => m.teamId!),
      );
      for (const teamId of shown) {
        await recordAudit(ctx.db, {
          actorId: ctx.viewer.userId,
          action: 'view.club_overview',
          clubId: input.clubId,
          teamId,
        });
      }
    }
    return overview;
  }),

  settings: clubAdminProcedure.query(({ ctx, input }) =>
    run(() => getClubSettings(ctx.db, { clubId: input.clubId })),
  ),

  updateSettings: clubAdminProcedure
    .input(
      z.object({
        adminsSeeHealth: z.boolean({ error: 'Choose on or off' }),
        ageOfConsent: wholeNumber('age of consent', AGE_OF_CONSENT),
        escalateAfterHours: wholeNumber('number of hours', ESCALATE_AFTER_HOURS),
      }),
    )
    .mutation(({ ctx, input }) =>
      run(() =>
        updateClubSettings(ctx.db, {
          clubId: input.clubId,
          actorId: ctx.viewer.userId,
          settings: {
            adminsSeeHealth: input.adminsSeeHealth,
            ageOfConsent: input.ageOfConsent,
            escalateAfterHours: input.escalateAfterHours,
          },
        }),
      ),
    ),

  teams: clubAdminProcedure.query(({ ctx, input }) => listTeams(ctx.db, { clubId: input.clubId })),

  createTeam: clubAdminProcedure
    .input(z.object({ name: teamName }))
    .mutation(({ ctx, input }) =>
      run(() =>
        createTeam(ctx.db, { clubId: input.clubId, actorId: ctx.viewer.userId, name: input.name }),
      ),
    ),

  renameTeam: clubAdminProcedure
    .input(z.object({ teamId: z.uuid(), name: teamName }))
    .mutation(({ ctx, input }) =>
      run(() => renameTeam(ctx.db, { ...input, actorId: ctx.viewer.userId })),
    ),

  setTeamArchived: clubAdminProcedure
    .input(z.object({ teamId: z.uuid(), archived: z.boolean() }))
    .mutation(({ ctx, input }) =>
      run(() => setTeamArchived(ctx.database, { ...input, actorId: ctx.viewer.userId })),
    ),

  members: clubAdminProcedure
    .input(z.object({ includeRemoved: z.boolean().optional() }))
    .query(({ ctx, input }) => listMembers(ctx.db, input)),

  changeRole: clubAdminProcedure
    .input(
      membership.extend({
        role: z.enum(['admin', 'coach', 'athlete'], { error: 'Choose a role' }),
        teamId: z.uuid('Choose a team').nullable(),
      }),
    )
    .mutation(({ ctx, input }) =>
      run(() => changeRole(ctx.database, { ...input, actorId: ctx.viewer.userId })),
    ),

  assignCoach: clubAdminProcedure
    .input(z.object({ userId: z.uuid(), teamId: z.uuid('Choose a team') }))
    .mutation(({ ctx, input }) =>
      run(() => assignCoach(ctx.database, { ...input, actorId: ctx.viewer.userId })),
    ),

  unassignCoach: clubAdminProcedure
    .input(membership)
    .mutation(({ ctx, input }) =>
      run(() => unassignCoach(ctx.database, { ...input, actorId: ctx.viewer.userId })),
    ),

  moveAthlete: clubAdminProcedure
    .input(membership.extend({ toTeamId: z.uuid('Choose a team') }))
    .mutation(({ ctx, input }) =>
      run(() => moveAthlete(ctx.database, { ...input, actorId: ctx.viewer.userId })),
    ),

  deactivateMembership: clubAdminProcedure.input(membership).mutation(({ ctx, input }) =>
    run(() =>
      setMembershipStatus(ctx.database, {
        ...input,
        actorId: ctx.viewer.userId,
        action: 'deactivate',
      }),
    ),
  ),

  reactivateMembership: clubAdminProcedure.input(membership).mutation(({ ctx, input }) =>
    run(() =>
      setMembershipStatus(ctx.database, {
        ...input,
        actorId: ctx.viewer.userId,
        action: 'reactivate',
      }),
    ),
  ),

  removeMembership: clubAdminProcedure.input(membership).mutation(({ ctx, input }) =>
    run(() =>
      setMembershipStatus(ctx.database, {
        ...input,
        actorId: ctx.viewer.userId,
        action: 'remove',
      }),
    ),
  ),

  /** A one-time link (24 h) the admin passes on; the token itself is never stored. */
  issuePasswordReset: clubAdminProcedure
    .input(z.object({ userId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const issued = await run(() =>
        issuePasswordReset(ctx.db, { ...input, actorId: ctx.viewer.userId }),
      );
      const origin = (process.env.APP_URL || 'http://localhost:3000').replace(/\/+$/, '');
      return {
        link: `${origin}/reset/${issued.token}`,
        expiresAt: issued.expiresAt,
        name: issued.name,
      };
    }),

  audit: clubAdminProcedure
    .input(
      auditFilters.extend({
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(10).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listAuditLog(ctx.db, { ...input, timeZone: ctx.viewer.timeZone })),

  auditFilters: clubAdminProcedure.query(({ ctx, input }) =>
    listAuditFilterOptions(ctx.db, { clubId: input.clubId }),
  ),

  auditCsv: clubAdminProcedure
    .input(auditFilters)
    .query(({ ctx, input }) => auditLogCsv(ctx.db, { ...input, timeZone: ctx.viewer.timeZone })),
});
