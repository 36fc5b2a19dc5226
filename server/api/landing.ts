import type { Viewer } from '@/server/auth/viewer';
import { currentContext } from './contexts';

/** Where a signed-in user lands: the home of their current context. */
export function landingPath(viewer: Viewer): string {
  return currentContext(viewer)?.home ?? '/me';
}
