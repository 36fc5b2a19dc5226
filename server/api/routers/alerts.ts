import { TRPCError } from '@trpc/server';
import { ZodRealError, z } from 'zod';
import { FLAG_RULES } from '@/lib/risk/rules';
import {
  clubAdminProcedure,
  coachProcedure,
  createRouter,
  healthDataProcedure,
} from '@/server/api/trpc';
import { AlertError } from '@/server/services/alerts/alert-error';
import {
  listEscalationsForAdmin,
  listEscalationsForCoach,
} from '@/server/services/alerts/list-escalations';
import { acknowledgeAlert, resolveAlert } from '@/server/services/alerts/transition-alert';
import { recordAudit } from '@/server/services/audit/record-audit';

const RED_FLAG_RULE_IDS = Object.values(FLAG_RULES) as [string, ...string[]];

const noteSchema = z.string().max(500, { error: 'must be at most 500 characters' }).optional();

const acknowledgeInput = z.object({ alertId: z.uuid(), note: noteSchema });

const resolveInput = z.object({
  alertId: z.uuid(),
  note: noteSchema,
  clearance: z
    .object({
      clinician: z
        .string()
        .trim()
        .min(1, { error: 'name the clinician who cleared the athlete' })
        .max(120, { error: 'must be at most 120 characters' }),
      flags: z
        .array(
          z.enum(RED_FLAG_RULE_IDS, { error: 'must be a red-flag rule id such as RF_SWELLING' }),
        )
        .min(1, { error: 'name at least one cleared red flag' })
        .refine((flags) => new Set(flags).size === flags.length, {
          error: 'each flag may be named once',
        }),
    })
    .optional(),
});

function toTrpcError(error: unknown): unknown {
  if (!(error instanceof AlertError)) return error;
  switch (error.kind) {
    case 'not-found':
      return new TRPCError({ code: 'NOT_FOUND', message: error.message });
    case 'conflict':
      return new TRPCError({ code: 'CONFLICT', message: error.message });
    case 'field': {
      // As a ZodError, so the formatter answers `<path>: <reason>` and fills data.fieldErrors.
      const cause = new ZodRealError([
        {
          code: 'custom',
          path: (error.path ?? 'input').split('.'),
          message: error.reason,
          input: undefined,
        },
      ]);
      return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause });
    }
  }
}

export const alertsRouter = createRouter({
  /** new → acknowledged: the coach has seen it. An alert of another team answers NOT_FOUND. */
  acknowledge: coachProcedure.input(acknowledgeInput).mutation(async ({ ctx, input }) => {
    try {
      return await acknowledgeAlert(ctx.database, { ...input, byUserId: ctx.viewer.userId });
    } catch (error) {
      throw toTrpcError(error);
    }
  }),
  /** new | acknowledged → resolved, optionally recording a clinician's clearance of red flags. */
  resolve: coachProcedure.input(resolveInput).mutation(async ({ ctx, input }) => {
    try {
      return await resolveAlert(ctx.database, { ...input, byUserId: ctx.viewer.userId });
    } catch (error) {
      throw toTrpcError(error);
    }
  }),
  /**
   * For a club admin: red alerts of the club still unacknowledged after the club's deadline.
   * Who, which team, when and the level; rule ids only when the club lets admins see health data.
   */
  escalated: clubAdminProcedure.query(async ({ ctx, input }) => {
    const result = await listEscalationsForAdmin(ctx.db, { clubId: input.clubId });
    // That an athlete is red is itself health information: one audit row per athlete shown.
    for (const athleteId of new Set(result.items.map((i) => i.athleteId))) {
      await recordAudit(ctx.db, {
        actorId: ctx.viewer.userId,
        action: 'view.escalations',
        subjectId: athleteId,
        clubId: input.clubId,
        detail: { healthDetails: result.adminsSeeHealth },
      });
    }
    return result;
  }),
  /**
   * For a coach: escalated alerts of the other teams of the clubs they coach in (their own teams'
   * alerts are on their board). Names, teams and times only; empty for anyone who coaches nowhere.
   */
  clubEscalations: healthDataProcedure.query(async ({ ctx }) => {
    const coaching = ctx.viewer.memberships.filter((m) => m.role === 'coach' && m.teamId);
    const items = await listEscalationsForCoach(ctx.db, {
      clubIds: coaching.map((m) => m.clubId),
      ownTeamIds: coaching.map((m) => m.teamId!),
    });
    for (const item of items) {
      await recordAudit(ctx.db, {
        actorId: ctx.viewer.userId,
        action: 'view.escalations',
        subjectId: item.athleteId,
        clubId: item.clubId,
        teamId: item.teamId,
      });
    }
    // Another team's athlete: the name is what the coach needs, not the id.
    return { items: items.map(({ athleteId: _id, ...item }) => item) };
  }),
});
