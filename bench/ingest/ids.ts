/**
 * Deterministic ids for the benchmark's rows, so the pgbench baseline can name the same athlete,
 * session and team from an integer (pgbench has no string functions; the SQL builds the uuid).
 */
const pad = (n: number) => String(n).padStart(12, '0');

const ATHLETE_PREFIX = '00000000-0000-4000-8000-';
const SESSION_PREFIX = '00000000-0000-4000-9000-';
const TEAM_PREFIX = '00000000-0000-4000-a000-';

export const CLUB_ID = '00000000-0000-4000-b000-000000000001';

/** Athlete `i` (1-based). */
export const athleteId = (i: number) => `${ATHLETE_PREFIX}${pad(i)}`;
/** The minted session of athlete `i`. */
export const sessionId = (i: number) => `${SESSION_PREFIX}${pad(i)}`;
/** Team `t` (1-based). */
export const teamId = (t: number) => `${TEAM_PREFIX}${pad(t)}`;
/** Athletes fill teams in blocks of `teamSize`. */
export const teamOf = (i: number, teamSize: number) => Math.floor((i - 1) / teamSize) + 1;

/** The same ids as SQL expressions over pgbench variables (`:a` athlete, `:t` team). */
export const sqlAthleteId = `('${ATHLETE_PREFIX}' || lpad(:a::text, 12, '0'))::uuid`;
export const sqlSessionId = `('${SESSION_PREFIX}' || lpad(:a::text, 12, '0'))::uuid`;
export const sqlTeamId = `('${TEAM_PREFIX}' || lpad(:t::text, 12, '0'))::uuid`;
