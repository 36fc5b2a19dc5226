import { getDatabase } from '@/db';
import { readSessionIds } from '@/server/auth/session';
import { loadViewer, type Viewer } from '@/server/auth/viewer';
import type { Context } from './trpc';

/** The signed-in viewer of a request, re-checked against user_sessions and memberships every time. */
export async function viewerFromHeaders(headers: Headers): Promise<Viewer | null> {
  const ids = await readSessionIds(headers);
  if (!ids) return null;
  const database = await getDatabase();
  return loadViewer(database.db, ids);
}

export async function createContext(input: {
  headers: Headers;
  trustedRequest: boolean;
}): Promise<Context> {
  const database = await getDatabase();
  return {
    database,
    db: database.db,
    viewer: await viewerFromHeaders(input.headers),
    trustedRequest: input.trustedRequest,
  };
}
