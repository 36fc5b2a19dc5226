import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import type { Database, Db } from '@/db';
import { isAdminOf, isAthlete, isCoachOf, type Viewer } from '@/server/auth/viewer';

export interface Context {
  database: Database;
  db: Db;
  viewer: Viewer | null;
  /** Set by the route handler: the request carried JSON, the custom header and an allowed Origin. */
  trustedRequest: boolean;
}

type Issue = { path?: readonly (PropertyKey | { key: PropertyKey })[]; message: string };

/**
 * The validation issues behind an error: a ZodError, or tRPC's StandardSchemaV1Error (input
 * parsing with zod 4 throws that, and zod 4's ZodError is not `instanceof Error`, so tRPC would
 * otherwise hide it), or any Error that carries an `issues` list.
 */
function issuesOf(cause: unknown): Issue[] | null {
  if (cause instanceof ZodError) return cause.issues;
  const issues = (cause as { issues?: unknown } | null | undefined)?.issues;
  return Array.isArray(issues) && issues.length > 0 ? (issues as Issue[]) : null;
}

const pathOf = (issue: Issue) =>
  (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const issues = issuesOf(error.cause);
    const first = issues?.[0];
    return {
      ...shape,
      message: first ? `${pathOf(first) || 'input'}: ${first.message}` : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        fieldErrors: issues
          ? Object.fromEntries(issues.map((i) => [pathOf(i), i.message]))
          : undefined,
      },
    };
  },
});

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

const REQUEST_DEADLINE_MS = 3000;

function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: string; cause?: unknown; message?: string } | undefined;
  if (!e) return false;
  const code = e.code ?? '';
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'CONNECT_TIMEOUT',
      'CONNECTION_ENDED',
      'CONNECTION_CLOSED',
      'CONNECTION_DESTROYED',
      '57P01',
      '57P03',
    ].includes(code)
  )
    return true;
  return e.cause !== undefined && e.cause !== error && isDatabaseDown(e.cause);
}

/**
 * Requests fail fast with 503 while the database is unreachable, instead of queueing behind
 * postgres.js's reconnect loop.
 */
const deadline = t.middleware(async ({ next }) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new TRPCError({
            code: 'SERVICE_UNAVAILABLE',
            message: 'The database is not answering; try again shortly.',
          }),
        ),
      REQUEST_DEADLINE_MS,
    );
  });
  try {
    const result = await Promise.race([next(), timeout]);
    if (!result.ok && isDatabaseDown(result.error.cause)) {
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: 'The database is not answering; try again shortly.',
      });
    }
    return result;
  } finally {
    clearTimeout(timer);
  }
});

export const publicProcedure = t.procedure.use(deadline);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

/**
 * Queries that return health data need the same proof of a same-origin request as mutations, so a
 * cross-site GET can neither read them nor create audit rows.
 */
export const healthDataProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.trustedRequest)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Missing request header.' });
  return next();
});

export const athleteProcedure = healthDataProcedure.use(({ ctx, next }) => {
  if (!isAthlete(ctx.viewer))
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only athletes can do this.' });
  return next();
});

export const teamInput = z.object({ teamId: z.uuid() });
export const clubInput = z.object({ clubId: z.uuid() });

/** The caller must coach the team named in the input, by an active membership in the database. */
export const coachProcedure = healthDataProcedure.input(teamInput).use(({ ctx, input, next }) => {
  if (!isCoachOf(ctx.viewer, input.teamId))
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You do not coach this team.' });
  return next();
});

/** The caller must be an active admin of the club named in the input. */
export const clubAdminProcedure = healthDataProcedure
  .input(clubInput)
  .use(({ ctx, input, next }) => {
    if (!isAdminOf(ctx.viewer, input.clubId))
      throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not an admin of this club.' });
    return next();
  });
