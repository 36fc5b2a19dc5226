import { and, eq, ne } from 'drizzle-orm';
import { alerts } from '@/db/schema';
import type { SecuritySeed } from '@/test/support/security-seed';
import { AUTH_ONLY, type MatrixEntry, type MatrixRole, type RoleScope } from './types';

/**
 * A fresh red, unacknowledged alert on the scope's athlete and team, so every allowed mutation
 * cell acts on its own row. The seed holds no alerts; an older open one is closed first (one open
 * alert per athlete and team).
 */
async function freshAlert(seed: SecuritySeed, s: RoleScope): Promise<string> {
  await seed.db
    .update(alerts)
    .set({ state: 'resolved' })
    .where(
      and(
        eq(alerts.athleteId, s.athleteId),
        eq(alerts.teamId, s.teamId),
        ne(alerts.state, 'resolved'),
      ),
    );
  const [row] = await seed.db
    .insert(alerts)
    .values({
      athleteId: s.athleteId,
      teamId: s.teamId,
      level: 'red',
      ruleIds: ['RF_SWELLING'],
      state: 'new',
    })
    .returning({ id: alerts.id });
  return row!.id;
}

/** Only a coach of the alert's team acts on it; everyone else is refused by the procedure. */
const COACH_OF_TEAM: Record<MatrixRole, 'allow' | 'UNAUTHORIZED' | 'FORBIDDEN'> = {
  anonymous: 'UNAUTHORIZED',
  athlete: 'FORBIDDEN',
  coach: 'allow',
  admin: 'FORBIDDEN',
  coachOtherTeam: 'FORBIDDEN',
  adminOtherClub: 'FORBIDDEN',
};

export const alertsMatrix: Record<string, MatrixEntry> = {
  'alerts.acknowledge': {
    type: 'mutation',
    trustedOnly: true,
    input: async (s, seed) => ({
      teamId: s.teamId,
      alertId: await freshAlert(seed, s),
      note: 'Called the athlete',
    }),
    expect: COACH_OF_TEAM,
  },
  'alerts.resolve': {
    type: 'mutation',
    trustedOnly: true,
    input: async (s, seed) => ({
      teamId: s.teamId,
      alertId: await freshAlert(seed, s),
      clearance: { clinician: 'Dr Example', flags: ['RF_SWELLING'] },
    }),
    expect: COACH_OF_TEAM,
  },
  'alerts.escalated': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ clubId: s.clubId }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      athlete: 'FORBIDDEN',
      coach: 'FORBIDDEN',
      admin: 'allow',
      coachOtherTeam: 'FORBIDDEN',
      adminOtherClub: 'FORBIDDEN',
    },
  },
  // Everyone signed in may ask; the answer only holds other teams of clubs the caller coaches in.
  'alerts.clubEscalations': {
    type: 'query',
    trustedOnly: true,
    input: () => undefined,
    expect: AUTH_ONLY,
  },
};
