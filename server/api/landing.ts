import type { Db } from '@/db';
import { localDateIn } from '@/lib/dates';
import type { Viewer } from '@/server/auth/viewer';
import { hasCheckInOn } from '@/server/services/checkins/has-check-in-on';
import { currentContext } from './contexts';

/**
 * Where a signed-in user lands: the home of their current context; an athlete whose check-in for
 * today (in their time zone) is done lands on /me instead of /check-in.
 */
export async function landingPath(db: Db, viewer: Viewer): Promise<string> {
  const context = currentContext(viewer);
  if (!context) return '/me';
  if (context.role === 'athlete') {
    const today = localDateIn(viewer.timeZone, new Date());
    if (await hasCheckInOn(db, { athleteId: viewer.userId, date: today })) return '/me';
  }
  return context.home;
}
