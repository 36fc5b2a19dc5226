import { adminRouter } from './routers/admin';
import { athletesRouter } from './routers/athletes';
import { checkInRouter } from './routers/check-in';
import { invitesRouter } from './routers/invites';
import { meRouter } from './routers/me';
import { squadRouter } from './routers/squad';
import { createCallerFactory, createRouter } from './trpc';

export const appRouter = createRouter({
  me: meRouter,
  squad: squadRouter,
  athletes: athletesRouter,
  admin: adminRouter,
  invites: invitesRouter,
  checkIn: checkInRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
