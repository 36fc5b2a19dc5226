import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { clubs } from '@/db/schema';
import { AdminError } from './admin-error';

/**
 * Locks the club row for the rest of the transaction. Every membership change of a club takes it
 * first, so two admins demoting each other at once cannot both pass the last-admin check.
 */
export async function lockClub(tx: Db, clubId: string) {
  const [club] = await tx
    .select({ id: clubs.id, name: clubs.name, settings: clubs.settings })
    .from(clubs)
    .where(eq(clubs.id, clubId))
    .for('update');
  if (!club) throw new AdminError('NOT_FOUND', 'No such club.');
  return club;
}
