import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const tstz = (name: string) => timestamp(name, { withTimezone: true });

export const roleEnum = pgEnum('role', ['admin', 'coach', 'athlete']);
export const membershipStatusEnum = pgEnum('membership_status', [
  'pending',
  'active',
  'deactivated',
  'removed',
]);
export const levelEnum = pgEnum('level', ['green', 'amber', 'red']);
export const alertStateEnum = pgEnum('alert_state', ['new', 'acknowledged', 'resolved']);
export const inviteKindEnum = pgEnum('invite_kind', ['personal', 'team_code', 'password_reset']);

/** Process-independent settings such as the generated AUTH_SECRET, so every instance agrees. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    birthDate: date('birth_date'),
    timeZone: text('time_zone').notNull().default('UTC'),
    disabledAt: tstz('disabled_at'),
    isDemo: boolean('is_demo').notNull().default(false),
    /** The role and scope the user last worked in, so a multi-role user lands where they left off. */
    lastContext: jsonb('last_context').$type<{
      role: 'admin' | 'coach' | 'athlete';
      clubId: string;
      teamId?: string | null;
    }>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

/** One row per failed or successful attempt; the limiter counts rows, so every instance shares it. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountKey: text('account_key').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_account_idx').on(t.accountKey, t.ip, t.at),
    index('login_attempts_ip_idx').on(t.ip, t.at),
  ],
);

export interface ClubSettings {
  adminsSeeHealth: boolean;
  ageOfConsent: number;
  escalateAfterHours: number;
}

export const clubs = pgTable('clubs', {
  id: id(),
  name: text('name').notNull(),
  settings: jsonb('settings')
    .$type<ClubSettings>()
    .notNull()
    .default({ adminsSeeHealth: false, ageOfConsent: 16, escalateAfterHours: 4 }),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const teams = pgTable(
  'teams',
  {
    id: id(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    archivedAt: tstz('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [index('teams_club_idx').on(t.clubId)],
);

/** Per-team event counter: incrementing it inside the writing transaction orders concurrent writers. */
export const teamStreams = pgTable('team_streams', {
  teamId: uuid('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
});

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    status: membershipStatusEnum('status').notNull().default('active'),
    startedAt: tstz('started_at').notNull().defaultNow(),
    endedAt: tstz('ended_at'),
  },
  (t) => [
    index('memberships_user_idx').on(t.userId, t.status),
    index('memberships_team_idx').on(t.teamId, t.role, t.status),
    index('memberships_club_idx').on(t.clubId, t.role, t.status),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: id(),
    kind: inviteKindEnum('kind').notNull(),
    tokenHash: text('token_hash').notNull(),
    clubId: uuid('club_id').references(() => clubs.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    email: text('email'),
    name: text('name'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: tstz('expires_at').notNull(),
    maxUses: integer('max_uses').notNull().default(1),
    uses: integer('uses').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: tstz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invites_token_hash_key').on(t.tokenHash)],
);

export const consents = pgTable(
  'consents',
  {
    id: id(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    givenAt: tstz('given_at').notNull().defaultNow(),
    withdrawnAt: tstz('withdrawn_at'),
    guardianName: text('guardian_name'),
    /** On withdrawal the athlete chooses whether coaches keep seeing the history stored before it. */
    historyVisibleAfterWithdrawal: boolean('history_visible_after_withdrawal')
      .notNull()
      .default(true),
  },
  (t) => [index('consents_athlete_idx').on(t.athleteId, t.clubId)],
);

export const shoes = pgTable(
  'shoes',
  {
    id: id(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startKm: doublePrecision('start_km').notNull().default(0),
    retiredAt: tstz('retired_at'),
    createdAt: createdAt(),
  },
  (t) => [index('shoes_athlete_idx').on(t.athleteId)],
);

export const checkIns = pgTable(
  'check_ins',
  {
    id: id(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    ran: boolean('ran').notNull(),
    distanceKm: doublePrecision('distance_km'),
    durationMin: doublePrecision('duration_min'),
    rpe: smallint('rpe'),
    runType: text('run_type'),
    morningPain: smallint('morning_pain'),
    painDuring: smallint('pain_during'),
    painTrend: text('pain_trend'),
    painLocations: text('pain_locations').array(),
    redFlags: text('red_flags').array(),
    sleepHours: doublePrecision('sleep_hours'),
    sleepQuality: smallint('sleep_quality'),
    stress: smallint('stress'),
    fatigue: smallint('fatigue'),
    soreness: smallint('soreness'),
    mood: smallint('mood'),
    shoeId: uuid('shoe_id').references(() => shoes.id, { onDelete: 'set null' }),
    shoeKm: doublePrecision('shoe_km'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('check_ins_athlete_date_key').on(t.athleteId, t.date)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: uuid('key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

export const athleteStatus = pgTable('athlete_status', {
  athleteId: uuid('athlete_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  asOf: date('as_of').notNull(),
  level: levelEnum('level').notNull(),
  score: smallint('score').notNull(),
  ruleIds: text('rule_ids').array().notNull(),
  assessment: jsonb('assessment').notNull(),
  lastCheckIn: date('last_check_in'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export const riskDays = pgTable(
  'risk_day',
  {
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    level: levelEnum('level').notNull(),
    score: smallint('score').notNull(),
    ruleIds: text('rule_ids').array().notNull(),
    metrics: jsonb('metrics').notNull(),
  },
  (t) => [primaryKey({ columns: [t.athleteId, t.date] })],
);

export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    level: levelEnum('level').notNull(),
    ruleIds: text('rule_ids').array().notNull(),
    state: alertStateEnum('state').notNull().default('new'),
    openedAt: tstz('opened_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    escalatedAt: tstz('escalated_at'),
  },
  (t) => [
    uniqueIndex('alerts_one_open_key').on(t.athleteId, t.teamId).where(sql`state <> 'resolved'`),
    index('alerts_team_state_idx').on(t.teamId, t.state),
  ],
);

export const alertEvents = pgTable(
  'alert_events',
  {
    id: id(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: tstz('at').notNull().defaultNow(),
    note: text('note'),
    level: levelEnum('level'),
    ruleIds: text('rule_ids').array(),
  },
  (t) => [index('alert_events_alert_idx').on(t.alertId, t.at)],
);

export const clearances = pgTable(
  'clearances',
  {
    id: id(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    flags: text('flags').array().notNull(),
    clinician: text('clinician').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('clearances_athlete_idx').on(t.athleteId)],
);

export const coachNotes = pgTable(
  'coach_notes',
  {
    id: id(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('coach_notes_athlete_idx').on(t.athleteId, t.createdAt)],
);

/** The per-team outbox: written in the same transaction as the change, relayed after commit. */
export const events = pgTable(
  'events',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    athleteId: uuid('athlete_id'),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.seq] }), index('events_created_idx').on(t.createdAt)],
);

/** Append-only (a trigger refuses UPDATE and DELETE); holds who viewed or changed what, never values. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectId: uuid('subject_id'),
    clubId: uuid('club_id'),
    teamId: uuid('team_id'),
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_club_at_idx').on(t.clubId, t.at),
    index('audit_log_dedupe_idx').on(t.actorId, t.subjectId, t.action, t.at),
  ],
);
