import { accountRouter } from './routers/account';
import { adminRouter } from './routers/admin';
import { alertsRouter } from './routers/alerts';
import { athletesRouter } from './routers/athletes';
import { checkInRouter } from './routers/check-in';
import { invitesRouter } from './routers/invites';
import { meRouter } from './routers/me';
import { notesRouter } from './routers/notes';
import { passwordResetRouter } from './routers/password-reset';
import { shoesRouter } from './routers/shoes';
import { squadRouter } from './routers/squad';
import { createCallerFactory, createRouter } from './trpc';

export const appRouter = createRouter({
  me: meRouter,
  squad: squadRouter,
  athletes: athletesRouter,
  admin: adminRouter,
  invites: invitesRouter,
  checkIn: checkInRouter,
  account: accountRouter,
  shoes: shoesRouter,
  alerts: alertsRouter,
  notes: notesRouter,
  passwordReset: passwordResetRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
