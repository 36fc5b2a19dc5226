import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { type ClubSettings, clubs } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { AdminError } from './admin-error';
import { lockClub } from './club-lock';

export const DEFAULT_CLUB_SETTINGS: ClubSettings = {
  adminsSeeHealth: false,
  ageOfConsent: 16,
  escalateAfterHours: 4,
};

/** GDPR Art. 8 lets member states set 13–16; a club may choose to ask guardians up to 18. */
export const AGE_OF_CONSENT = { min: 13, max: 18 } as const;
/** From one hour to a week. */
export const ESCALATE_AFTER_HOURS = { min: 1, max: 168 } as const;

export async function getClubSettings(db: Db, input: { clubId: string }) {
  const [club] = await db
    .select({ id: clubs.id, name: clubs.name, settings: clubs.settings })
    .from(clubs)
    .where(eq(clubs.id, input.clubId));
  if (!club) throw new AdminError('NOT_FOUND', 'No such club.');
  return { clubId: club.id, clubName: club.name, settings: withDefaults(club.settings) };
}

/** Older rows may lack a key added later; missing keys read as the defaults. */
function withDefaults(settings: Partial<ClubSettings> | null): ClubSettings {
  return { ...DEFAULT_CLUB_SETTINGS, ...(settings ?? {}) };
}

/**
 * Replaces the club's settings (the router has validated them) and audits which ones changed,
 * with their old and new values (settings are not health data). Unchanged settings write nothing.
 */
export async function updateClubSettings(
  db: Db,
  input: { clubId: string; actorId: string; settings: ClubSettings },
) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const club = await lockClub(tx, input.clubId);
    const before = withDefaults(club.settings);
    const after: ClubSettings = {
      adminsSeeHealth: input.settings.adminsSeeHealth,
      ageOfConsent: input.settings.ageOfConsent,
      escalateAfterHours: input.settings.escalateAfterHours,
    };
    const changed = (Object.keys(after) as (keyof ClubSettings)[]).filter(
      (k) => before[k] !== after[k],
    );
    if (changed.length === 0) return { settings: before, changed };
    await tx.update(clubs).set({ settings: after }).where(eq(clubs.id, input.clubId));
    const detail: Record<string, string | number | boolean> = {};
    for (const key of changed) {
      detail[`${key}.from`] = before[key];
      detail[`${key}.to`] = after[key];
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'settings.update',
      clubId: input.clubId,
      detail,
    });
    return { settings: after, changed };
  });
}
