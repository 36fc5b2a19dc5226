/**
 * The demo club, generated: a pure, deterministic function of the seeding day.
 *
 * Every athlete gets 90 days of check-ins ending at `today` from a seeded PRNG (one stream per
 * athlete, independent of the date), shaped by a weekly training pattern, and then a scenario
 * that makes one family of risk rules (risk-model.md §4) show on `today`; a few athletes also
 * get an episode earlier in their history so the drill-down charts have something to show.
 * Runs that are not meant to be spikes are kept within 8% of the longest run of the previous
 * 30 days, so rules fire where the scenario puts them and nowhere by accident.
 */
import { addDays, ageOn, isoWeekday } from '@/lib/dates';
import type { AssessInput, CheckIn, Flag, PainLocation, PainTrend, RunType } from '@/lib/risk';

export const DEMO_PASSWORD = 'loadline-demo';
export const DEMO_TIME_ZONE = 'Europe/London';
export const DEMO_CONSENT_VERSION = '2026-11-01';
export const DEMO_HISTORY_DAYS = 90;
export const DEMO_CLUB_NAME = 'Riverside Harriers (demo)';

export type TeamKey = 'road' | 'track';
export type DemoRole = 'admin' | 'coach' | 'athlete';

/** A check-in with the fields of risk-model.md §2, plus the shoe it names and an optional note. */
export interface DemoCheckIn extends CheckIn {
  /** Key of the athlete's shoe worn for this run (`DemoShoe.key`); only on run days. */
  shoeKey?: string;
  note?: string;
}

export interface DemoShoe {
  key: string;
  name: string;
  /** Kilometres on the shoe before its first logged run. */
  startKm: number;
  /** The date it was retired, or null while in use. */
  retiredOn: string | null;
}

export interface DemoTeam {
  key: TeamKey;
  name: string;
}

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: DemoRole;
  /** The team of a coach or athlete; null for the club admin. */
  teamKey: TeamKey | null;
  birthDate: string | null;
  timeZone: string;
}

export interface DemoAthlete extends DemoUser {
  role: 'athlete';
  teamKey: TeamKey;
  number: number;
  birthDate: string;
  ageYears: number;
  /** Set for athletes younger than the club's default age of consent (16). */
  guardianName: string | null;
  /** What this athlete's history is built to show on `today` (see SCENARIOS). */
  scenario: string;
  shoes: DemoShoe[];
  /** Sorted by date, at most one per date, none after `today`. */
  checkIns: DemoCheckIn[];
}

export interface DemoClub {
  today: string;
  club: { name: string };
  teams: DemoTeam[];
  /** All 43 users: the admin, the two coaches, then athletes 1…40. */
  users: DemoUser[];
  admin: DemoUser;
  coaches: DemoUser[];
  athletes: DemoAthlete[];
}

/** The input of the risk engine (risk-model.md §2) for one demo athlete on `asOf`. */
export function toAssessInput(athlete: DemoAthlete, asOf: string): AssessInput {
  return {
    asOf,
    athlete: { ageYears: ageOn(athlete.birthDate, asOf) },
    checkIns: athlete.checkIns.map(({ shoeKey: _shoe, note: _note, ...rest }) => rest),
  };
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny 32-bit PRNG, plenty for demo data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

class Rng {
  private next: () => number;
  constructor(seed: string) {
    this.next = mulberry32(hashSeed(seed));
  }
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  normal(mean = 0, sd = 1): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clampInt = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));

// ---------------------------------------------------------------------------------------------
// The people

/** Weekly patterns, Monday first: R rest, E easy, L long, T tempo, I intervals, H hills. */
const PATTERNS = {
  roadA: 'RETEREL',
  roadB: 'EIRTERL',
  roadC: 'RHETREL',
  roadD: 'RERTRLE',
  trackA: 'RIETERL',
  trackB: 'EIREIRL',
  junior: 'RIRERTL',
} as const;
type PatternKey = keyof typeof PATTERNS;

const RUN_OF: Record<string, RunType> = {
  E: 'easy',
  L: 'long',
  T: 'tempo',
  I: 'intervals',
  H: 'hills',
};

interface Profile {
  n: number;
  name: string;
  /** Age in years on `today`, and how many days past that birthday. */
  age: number;
  pattern: PatternKey;
  easyKm: number;
  longKm: number;
  /** Easy pace, minutes per km. */
  pace: number;
  sleep: number;
  wellness: number;
  /**
   * Main shoe: name and its total km at the end of the history (reached by choosing its start
   * km; 0 = bought new when the history starts, or when `retired` was retired).
   */
  shoe: [string, number];
  /** Optional second shoe for fast sessions (tempo, intervals, hills, races). */
  flat?: [string, number];
  /** Optional worn-out shoe used until `retiredOffset` days before today, with its final km. */
  retired?: [string, number, number];
  scenario: string;
  guardian?: string;
}

const ROAD = 24;
// biome-ignore format: one athlete per line reads as a table
const ATHLETES: Profile[] = [
  { n: 1, name: 'Emma Clarke', age: 34, pattern: 'roadA', easyKm: 8, longKm: 16, pace: 5.6, sleep: 8, wellness: 4, shoe: ['Brooks Ghost 16', 520], flat: ['Saucony Endorphin Speed 4', 180], scenario: 'green (check-in demo)' },
  { n: 2, name: 'James Patel', age: 41, pattern: 'roadA', easyKm: 9, longKm: 18, pace: 5.2, sleep: 7.9, wellness: 3.9, shoe: ['Asics Novablast 5', 0], retired: ['Asics Novablast 4', 815, 45], scenario: 'green (check-in demo); an old shoe passed 800 km before it was retired' },
  { n: 3, name: 'Sophie Turner', age: 27, pattern: 'roadA', easyKm: 7, longKm: 14, pace: 5.8, sleep: 8.1, wellness: 4.1, shoe: ['Hoka Clifton 9', 610], scenario: 'green (check-in demo)' },
  { n: 4, name: 'Daniel Okoye', age: 38, pattern: 'roadB', easyKm: 9, longKm: 19, pace: 5.1, sleep: 7.4, wellness: 3.8, shoe: ['Nike Pegasus 41', 530], flat: ['Nike Vaporfly 3', 240], scenario: 'red flag: swelling yesterday' },
  { n: 5, name: 'Hannah Lewis', age: 30, pattern: 'roadC', easyKm: 8, longKm: 15, pace: 5.5, sleep: 7.6, wellness: 3.9, shoe: ['Brooks Glycerin 21', 640], scenario: 'pain 7/10 during today’s tempo run' },
  { n: 6, name: 'Tom Fletcher', age: 45, pattern: 'roadA', easyKm: 10, longKm: 20, pace: 5.0, sleep: 7.3, wellness: 3.7, shoe: ['Saucony Ride 17', 760], scenario: 'pain not settled the morning after hills' },
  { n: 7, name: 'Aisha Rahman', age: 29, pattern: 'roadB', easyKm: 8, longKm: 16, pace: 5.4, sleep: 7.7, wellness: 4, shoe: ['New Balance 1080v14', 640], scenario: 'morning pain trending up week on week' },
  { n: 8, name: 'Chris Walsh', age: 52, pattern: 'roadD', easyKm: 8, longKm: 15, pace: 6.0, sleep: 7.2, wellness: 3.6, shoe: ['Asics Gel-Nimbus 26', 560], scenario: 'persistent low-grade knee pain for four weeks' },
  { n: 9, name: 'Megan Price', age: 33, pattern: 'roadA', easyKm: 9, longKm: 17, pace: 5.3, sleep: 7.8, wellness: 4, shoe: ['Hoka Mach 6', 700], scenario: 'long run yesterday +20% over the 30-day longest' },
  { n: 10, name: 'Oliver Brooks', age: 36, pattern: 'roadC', easyKm: 10, longKm: 21, pace: 4.9, sleep: 7.5, wellness: 3.9, shoe: ['Adidas Boston 12', 600], scenario: 'back running after an 18-day holiday' },
  { n: 11, name: 'Grace Kim', age: 25, pattern: 'roadA', easyKm: 8, longKm: 16, pace: 5.2, sleep: 7.9, wellness: 4, shoe: ['Nike Invincible 3', 560], scenario: 'back running after 9 days ill' },
  { n: 12, name: 'Ryan Murphy', age: 31, pattern: 'roadB', easyKm: 9, longKm: 18, pace: 5.0, sleep: 7.4, wellness: 3.8, shoe: ['Saucony Triumph 22', 700], scenario: 'weekly km +30% on the week two weeks ago' },
  { n: 13, name: 'Laura Bennett', age: 39, pattern: 'roadA', easyKm: 8, longKm: 15, pace: 5.7, sleep: 7.6, wellness: 3.9, shoe: ['Brooks Adrenaline GTS 24', 620], scenario: 'high monotony: the same run every day this week' },
  { n: 14, name: 'Marcus Reid', age: 44, pattern: 'roadC', easyKm: 9, longKm: 18, pace: 5.4, sleep: 7.3, wellness: 4, shoe: ['Hoka Bondi 8', 740], scenario: 'wellness far below his baseline today' },
  { n: 15, name: 'Chloe Evans', age: 32, pattern: 'roadA', easyKm: 7, longKm: 14, pace: 5.9, sleep: 7.4, wellness: 3.8, shoe: ['On Cloudmonster 2', 520], scenario: 'short sleep (about 6 h) for three nights' },
  { n: 16, name: 'Ben Harrison', age: 48, pattern: 'roadD', easyKm: 9, longKm: 17, pace: 5.6, sleep: 7.5, wellness: 3.7, shoe: ['Asics Gel-Cumulus 26', 870], scenario: 'running in a shoe past 800 km' },
  { n: 17, name: 'Zara Hussain', age: 24, pattern: 'roadA', easyKm: 6, longKm: 11, pace: 6.1, sleep: 7.8, wellness: 4.1, shoe: ['Nike Pegasus 41', 110], scenario: 'newcomer: 12 days of history (calibrating)' },
  { n: 18, name: "Liam O'Connor", age: 35, pattern: 'roadB', easyKm: 9, longKm: 18, pace: 5.3, sleep: 7.5, wellness: 3.8, shoe: ['Brooks Ghost 16', 690], scenario: 'stale: no check-in for 5 days' },
  { n: 19, name: 'Rachel Adeyemi', age: 28, pattern: 'roadC', easyKm: 8, longKm: 16, pace: 5.4, sleep: 7.6, wellness: 3.9, shoe: ['Saucony Guide 17', 640], scenario: 'red flag: tender spot on the bone' },
  { n: 20, name: 'Sean McCarthy', age: 42, pattern: 'roadA', easyKm: 10, longKm: 20, pace: 5.1, sleep: 7.2, wellness: 3.8, shoe: ['Hoka Clifton 9', 720], scenario: 'acceptable pain (3/10) today; a 15-day break earlier' },
  { n: 21, name: 'Fiona Campbell', age: 37, pattern: 'roadB', easyKm: 8, longKm: 16, pace: 5.6, sleep: 7.7, wellness: 4, shoe: ['New Balance 880v14', 640], scenario: 'green; a pain episode and a gap in check-ins earlier' },
  { n: 22, name: 'Kwame Mensah', age: 26, pattern: 'roadC', easyKm: 11, longKm: 22, pace: 4.6, sleep: 7.5, wellness: 4, shoe: ['Adidas Adizero SL2', 610], flat: ['Adidas Adios Pro 4', 300], scenario: 'green; knee locking six weeks ago' },
  { n: 23, name: 'Isabel Ortiz', age: 30, pattern: 'roadA', easyKm: 8, longKm: 15, pace: 5.5, sleep: 7.8, wellness: 4, shoe: ['Mizuno Wave Rider 28', 660], scenario: 'pain 4/10 that faded during today’s run' },
  { n: 24, name: 'Peter Novak', age: 55, pattern: 'roadD', easyKm: 8, longKm: 16, pace: 6.2, sleep: 7.3, wellness: 3.7, shoe: ['Brooks Glycerin 21', 620], scenario: 'not checked in today; a race spike earlier' },
  { n: 25, name: 'Maya Thompson', age: 23, pattern: 'trackA', easyKm: 7, longKm: 13, pace: 4.8, sleep: 7.8, wellness: 4, shoe: ['Nike Pegasus 41', 400], flat: ['Nike Dragonfly 2', 220], scenario: 'red flag: knee gave way during today’s intervals' },
  { n: 26, name: 'Jack Robertson', age: 26, pattern: 'trackB', easyKm: 7, longKm: 12, pace: 4.6, sleep: 7.5, wellness: 3.9, shoe: ['Asics Superblast 2', 560], scenario: 'long run today +50% over the 30-day longest' },
  { n: 27, name: 'Nadia Ali', age: 22, pattern: 'trackA', easyKm: 6, longKm: 12, pace: 4.9, sleep: 7.9, wellness: 4, shoe: ['Hoka Mach 6', 330], flat: ['Puma Deviate Nitro Elite 3', 190], scenario: 'pain 7/10 in yesterday’s intervals, 6/10 this morning' },
  { n: 28, name: 'Harry Wilson', age: 29, pattern: 'trackB', easyKm: 8, longKm: 13, pace: 4.5, sleep: 7.4, wellness: 3.8, shoe: ['Saucony Kinvara 15', 812], scenario: 'shoe at 812 km' },
  { n: 29, name: 'Eleanor Hughes', age: 24, pattern: 'trackA', easyKm: 7, longKm: 12, pace: 4.9, sleep: 7.7, wellness: 3.9, shoe: ['New Balance Rebel v4', 520], scenario: 'morning pain rising although she cut her running' },
  { n: 30, name: 'Sam Nwosu', age: 27, pattern: 'trackB', easyKm: 7, longKm: 12, pace: 4.7, sleep: 7.6, wellness: 4, shoe: ['Adidas Boston 12', 530], scenario: 'high monotony: seven identical runs' },
  { n: 31, name: 'Lucy Carter', age: 21, pattern: 'trackA', easyKm: 6, longKm: 11, pace: 5.0, sleep: 8, wellness: 4, shoe: ['Brooks Hyperion Max 2', 470], scenario: 'stale: no check-in for 3 days' },
  { n: 32, name: 'Arjun Mehta', age: 30, pattern: 'trackB', easyKm: 8, longKm: 13, pace: 4.6, sleep: 7.5, wellness: 3.9, shoe: ['Nike Zoom Fly 6', 540], scenario: 'weekly km jump after an easy week' },
  { n: 33, name: 'Ellie Morgan', age: 25, pattern: 'trackA', easyKm: 6, longKm: 11, pace: 5.1, sleep: 7.8, wellness: 4.1, shoe: ['Hoka Rincon 4', 430], scenario: 'wellness below her baseline today' },
  { n: 34, name: 'Josh Taylor', age: 20, pattern: 'trackB', easyKm: 7, longKm: 12, pace: 4.8, sleep: 7.9, wellness: 4, shoe: ['Asics Novablast 5', 160], scenario: 'newcomer: 20 days of history (calibrating)' },
  { n: 35, name: 'Ruby Chen', age: 16, pattern: 'junior', easyKm: 5, longKm: 9, pace: 5.0, sleep: 8.7, wellness: 4, shoe: ['Nike Pegasus 41', 330], scenario: 'junior: short sleep (about 7 h)' },
  { n: 36, name: 'Noah Davies', age: 17, pattern: 'junior', easyKm: 6, longKm: 10, pace: 4.7, sleep: 8.6, wellness: 4, shoe: ['Adidas Adizero SL2', 420], scenario: 'junior: a half marathon yesterday (+100%) on short sleep' },
  { n: 37, name: 'Amelia Shah', age: 15, pattern: 'junior', easyKm: 5, longKm: 8, pace: 5.2, sleep: 8.9, wellness: 4.1, shoe: ['Brooks Ghost 16', 340], guardian: 'Nina Shah', scenario: 'junior: green; night pain two months ago' },
  { n: 38, name: 'Leo Fraser', age: 16, pattern: 'junior', easyKm: 6, longKm: 10, pace: 4.8, sleep: 8.8, wellness: 4, shoe: ['Saucony Ride 17', 420], scenario: 'junior: green; a monotonous week earlier' },
  { n: 39, name: 'Isla Mackenzie', age: 17, pattern: 'junior', easyKm: 5, longKm: 9, pace: 5.1, sleep: 8.7, wellness: 4, shoe: ['Hoka Clifton 9', 350], scenario: 'junior: not checked in today; a bad cold earlier' },
  { n: 40, name: 'Finn Gallagher', age: 15, pattern: 'junior', easyKm: 5, longKm: 9, pace: 5.0, sleep: 8.8, wellness: 4, shoe: ['New Balance 880v14', 310], guardian: 'Ciaran Gallagher', scenario: 'junior: back after 8 days off for exams' },
];

const STAFF: Omit<DemoUser, 'timeZone'>[] = [
  {
    key: 'admin',
    email: 'admin@demo.club',
    name: 'Alex Whitfield',
    role: 'admin',
    teamKey: null,
    birthDate: null,
  },
  {
    key: 'coach',
    email: 'coach@demo.club',
    name: 'Dave Jennings',
    role: 'coach',
    teamKey: 'road',
    birthDate: null,
  },
  {
    key: 'coach2',
    email: 'coach2@demo.club',
    name: 'Priya Nair',
    role: 'coach',
    teamKey: 'track',
    birthDate: null,
  },
];
const STAFF_AGES: Record<string, [number, number]> = {
  admin: [47, 120],
  coach: [53, 200],
  coach2: [36, 45],
};

// ---------------------------------------------------------------------------------------------
// One athlete's days

interface Day {
  present: boolean;
  ran: boolean;
  runType?: RunType;
  km: number;
  rpe: number;
  /** Minutes per km for this run. */
  pace: number;
  morningPain?: number;
  painDuring?: number;
  painTrend?: PainTrend;
  painLocations?: PainLocation[];
  redFlags?: Flag[];
  sleepHours: number;
  wellness: [number, number, number, number, number];
  note?: string;
  /** Exempt from the 8% guard (a planned spike or a deliberate return). */
  allowSpike?: boolean;
  /** Make this run exactly this multiple of the longest run of the previous 30 days. */
  spikeFactor?: number;
  /** Choose today's wellness items so that the z-score against the 28-day baseline is near this. */
  wellnessZ?: number;
}

const PACE_FACTOR: Record<RunType, number> = {
  easy: 1,
  long: 1.04,
  tempo: 0.87,
  intervals: 0.95,
  hills: 1.06,
  race: 0.85,
  other: 1,
};
const RPE_RANGE: Record<RunType, [number, number]> = {
  easy: [3, 4],
  long: [5, 6],
  tempo: [6, 7],
  intervals: [7, 8],
  hills: [6, 7],
  race: [8, 9],
  other: [4, 5],
};
const PAIN_SPOTS: PainLocation[][] = [
  ['front'],
  ['below'],
  ['front', 'below'],
  ['outer'],
  ['inner'],
];

/** Days are indexed by offset: 0 = today, 89 = the first day of the history. */
class Plan {
  readonly days: Day[] = [];
  constructor(
    readonly p: Profile,
    readonly today: string,
  ) {}

  baseRun(type: RunType, km: number, paceJitter: number, rpeDraw: number) {
    const [lo, hi] = RPE_RANGE[type];
    return {
      runType: type,
      km: round1(km),
      pace: this.p.pace * PACE_FACTOR[type] * paceJitter,
      rpe: rpeDraw < 0.5 ? lo : hi,
    };
  }

  /** Sets day o to a run; fields not given keep the day's drawn wellness and sleep. */
  run(o: number, type: RunType, km: number, extra: Partial<Day> = {}) {
    const d = this.days[o]!;
    const [lo, hi] = RPE_RANGE[type];
    Object.assign(d, {
      present: true,
      ran: true,
      runType: type,
      km: round1(km),
      pace: this.p.pace * PACE_FACTOR[type],
      rpe: Math.round((lo + hi) / 2),
      painDuring: 0,
      painTrend: 'none' as PainTrend,
      morningPain: d.morningPain ?? 0,
      ...extra,
    });
  }

  rest(o: number, extra: Partial<Day> = {}) {
    const d = this.days[o]!;
    Object.assign(d, {
      present: true,
      ran: false,
      runType: undefined,
      km: 0,
      painDuring: undefined,
      painTrend: undefined,
      morningPain: d.morningPain ?? 0,
      ...extra,
    });
  }

  missing(o: number) {
    this.days[o]!.present = false;
  }

  set(o: number, extra: Partial<Day>) {
    Object.assign(this.days[o]!, extra);
  }

  /** Presence and morning pain in one go, for pain stories. */
  morning(o: number, pain: number) {
    const d = this.days[o]!;
    d.present = true;
    d.morningPain = pain;
  }
}

function basePlan(p: Profile, today: string): Plan {
  const rng = new Rng(`loadline-demo-athlete-${p.n}`);
  const plan = new Plan(p, today);
  const pattern = PATTERNS[p.pattern];
  const itemBias = [0.1, -0.2, -0.1, 0, 0.2].map((b) => b + rng.uniform(-0.15, 0.15));
  for (let o = 0; o < DEMO_HISTORY_DAYS; o++) {
    // A fixed number of draws per day keeps every later day's values independent of edits.
    const r = Array.from({ length: 12 }, () => rng.uniform());
    const z = Array.from({ length: 7 }, () => rng.normal());
    const date = addDays(today, -o);
    const letter = pattern[isoWeekday(date)]!;
    const recent = o <= 21;
    let runLetter = letter;
    if (letter !== 'R' && !recent && r[0]! < 0.05) runLetter = 'R'; // an unplanned day off
    const present = recent ? letter !== 'R' || r[1]! > 0.25 : r[1]! > 0.12;
    const dayFactor = 0.35 * z[0]!;
    const wellness = itemBias.map((b, i) =>
      clampInt(p.wellness + b + dayFactor + 0.45 * z[1 + i]!, 1, 5),
    ) as Day['wellness'];
    const sleepHours = Math.min(11, Math.max(4, Math.round((p.sleep + 0.45 * z[6]!) * 2) / 2));
    const day: Day = {
      present,
      ran: false,
      km: 0,
      rpe: 0,
      pace: p.pace,
      sleepHours,
      wellness,
      morningPain: r[2]! < 0.95 ? 0 : undefined,
    };
    if (runLetter !== 'R') {
      const type = RUN_OF[runLetter]!;
      const km =
        type === 'long'
          ? p.longKm * (0.9 + 0.14 * r[3]!)
          : type === 'easy'
            ? p.easyKm * (0.85 + 0.3 * r[3]!)
            : type === 'tempo'
              ? p.easyKm * (0.9 + 0.2 * r[3]!)
              : p.easyKm * (0.8 + 0.2 * r[3]!);
      Object.assign(day, plan.baseRun(type, km, 0.97 + 0.06 * r[4]!, r[5]!), {
        ran: true,
        painDuring: r[6]! < 0.95 ? 0 : undefined,
      });
      day.painTrend = day.painDuring === undefined ? undefined : 'none';
    }
    plan.days.push(day);
  }
  // The first logged day is a long run: the benchmark every later run is measured against.
  const first = DEMO_HISTORY_DAYS - 1;
  plan.run(first, 'long', p.longKm, { rpe: 5 });
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Scenarios: what each athlete's recent days (and a few earlier episodes) look like

type Scenario = (plan: Plan) => void;

const green: Scenario = (plan) => {
  // A normal week, nothing missing in the last three weeks on run days, good sleep.
  plan.missing(0);
  plan.set(1, { present: true, sleepHours: Math.max(plan.days[1]!.sleepHours, 7.5) });
  plan.set(2, { present: true, sleepHours: Math.max(plan.days[2]!.sleepHours, 7.5) });
};

/** A pain-free, unremarkable rest or run day (keeps the athlete's drawn pattern). */
const present = (plan: Plan, ...offsets: number[]) => {
  for (const o of offsets) plan.set(o, { present: true });
};

const SCENARIOS: Record<number, Scenario> = {
  1: green,
  2: green,
  3: green,
  4: (plan) => {
    plan.run(2, 'long', plan.p.longKm * 0.95, {
      painDuring: 3,
      painTrend: 'stayed',
      painLocations: ['front'],
    });
    plan.rest(1, {
      morningPain: 3,
      redFlags: ['swelling'],
      painLocations: ['front', 'diffuse'],
      note: 'DEMO-NOTE: knee looks puffy after the long run',
    });
    plan.rest(0, { morningPain: 2, redFlags: ['swelling'], painLocations: ['front'] });
  },
  5: (plan) => {
    present(plan, 1, 2);
    plan.set(1, { morningPain: 0 });
    plan.run(0, 'tempo', plan.p.easyKm, {
      morningPain: 0,
      painDuring: 7,
      painTrend: 'stayed',
      painLocations: ['below'],
      note: 'DEMO-NOTE: sharp pain under the kneecap from 5 km',
    });
  },
  6: (plan) => {
    plan.run(2, 'easy', plan.p.easyKm, { morningPain: 0 });
    plan.run(1, 'hills', plan.p.easyKm * 0.9, {
      morningPain: 1,
      painDuring: 4,
      painTrend: 'stayed',
      painLocations: ['front'],
      note: 'DEMO-NOTE: felt tight on the hills',
    });
    plan.rest(0, { morningPain: 3, painLocations: ['front'] });
  },
  7: (plan) => {
    const lastWeek = [1, 0, 1, 1, 0, 1, 1]; // offsets 13..7
    const thisWeek = [2, 2, 2, 3, 2, 3, 3]; // offsets 6..0
    lastWeek.forEach((v, i) => {
      plan.morning(13 - i, v);
    });
    thisWeek.forEach((v, i) => {
      plan.morning(6 - i, v);
    });
    for (let o = 6; o >= 0; o--) {
      const d = plan.days[o]!;
      if (d.ran) Object.assign(d, { painDuring: 2, painTrend: 'stayed', painLocations: ['front'] });
      else d.painLocations = ['front'];
    }
    plan.set(0, { note: 'DEMO-NOTE: knee stiff on the stairs every morning' });
  },
  8: (plan) => {
    for (let o = 29; o >= 0; o--) {
      const d = plan.days[o]!;
      d.present = o <= 2 ? true : d.present;
      d.morningPain = o % 3 === 0 ? 0 : 1;
      if (d.ran) Object.assign(d, { painDuring: 1, painTrend: 'stayed' });
      if (d.morningPain || d.ran) d.painLocations = ['below'];
    }
    plan.set(3, { note: 'DEMO-NOTE: the usual niggle below the kneecap' });
  },
  9: (plan) => {
    present(plan, 2);
    plan.run(1, 'long', 0, {
      spikeFactor: 1.2,
      allowSpike: true,
      note: 'DEMO-NOTE: felt great, added an extra loop of the park',
    });
    plan.rest(0, { morningPain: 0 });
  },
  10: (plan) => {
    for (let o = 19; o >= 2; o--) plan.missing(o);
    plan.run(20, 'easy', plan.p.easyKm);
    plan.rest(19, { note: 'DEMO-NOTE: off on holiday for a couple of weeks' });
    plan.rest(12);
    plan.rest(5);
    plan.run(1, 'easy', plan.p.easyKm * 0.7, { allowSpike: true });
    plan.run(0, 'easy', plan.p.easyKm * 0.8);
  },
  11: (plan) => {
    plan.run(11, 'easy', plan.p.easyKm);
    for (let o = 10; o >= 2; o--) {
      if (o === 6 || o === 4) {
        plan.missing(o);
        continue;
      }
      plan.rest(o, { wellness: [2, 3, 2, 3, 2], sleepHours: 9 });
    }
    plan.set(10, { note: 'DEMO-NOTE: flu, in bed' });
    plan.run(1, 'easy', plan.p.easyKm * 0.6);
    plan.rest(0);
  },
  12: (plan) => {
    // An easy week two weeks ago (offsets 20..14), then a full week.
    for (let o = 20; o >= 14; o--) plan.rest(o);
    plan.run(18, 'easy', plan.p.easyKm * 0.6);
    plan.run(15, 'easy', plan.p.easyKm * 0.6);
    plan.set(20, { note: 'DEMO-NOTE: cutback week, work travel' });
    for (let o = 6; o >= 0; o--) plan.set(o, { present: true });
  },
  13: (plan) => {
    for (let o = 6; o >= 0; o--) {
      plan.run(o, 'easy', plan.p.easyKm * (0.94 + 0.02 * (o % 3)), { rpe: 5 });
    }
    plan.set(0, { note: 'DEMO-NOTE: run streak, same loop every day' });
  },
  14: (plan) => {
    present(plan, 1, 2);
    plan.set(0, {
      present: true,
      wellnessZ: -4,
      sleepHours: 6,
      note: 'DEMO-NOTE: work deadline, shattered',
    });
  },
  15: (plan) => {
    plan.set(2, { present: true, sleepHours: 5.5 });
    plan.set(1, { present: true, sleepHours: 6 });
    plan.set(0, { present: true, sleepHours: 6.5, note: 'DEMO-NOTE: new baby, not much sleep' });
  },
  16: (plan) => {
    present(plan, 0, 1, 2);
    if (!plan.days[0]!.ran && !plan.days[1]!.ran) plan.run(1, 'easy', plan.p.easyKm);
  },
  17: (plan) => {
    for (let o = DEMO_HISTORY_DAYS - 1; o >= 12; o--) plan.missing(o);
    plan.run(11, 'long', plan.p.longKm * 0.9, { note: 'DEMO-NOTE: first week with the club' });
    present(plan, 0, 1);
  },
  18: (plan) => {
    for (let o = 4; o >= 0; o--) plan.missing(o);
    plan.set(5, { present: true });
  },
  19: (plan) => {
    plan.run(3, 'tempo', plan.p.easyKm, {
      painDuring: 4,
      painTrend: 'stayed',
      painLocations: ['below'],
    });
    plan.rest(2, {
      morningPain: 3,
      redFlags: ['bonyTenderness'],
      painLocations: ['below'],
      note: 'DEMO-NOTE: one spot on the shin bone hurts to press',
    });
    plan.rest(1, { morningPain: 2, painLocations: ['below'] });
    plan.rest(0, { morningPain: 2, painLocations: ['below'] });
  },
  20: (plan) => {
    // Earlier: a 15-day break (offsets 75..61), back at 60.
    for (let o = 75; o >= 61; o--) plan.missing(o);
    plan.rest(70, { note: 'DEMO-NOTE: calf strain, resting' });
    plan.run(60, 'easy', plan.p.easyKm * 0.6, { allowSpike: true });
    // Today: pain at 3/10 that stayed, settled mornings.
    present(plan, 1, 2);
    plan.set(2, { morningPain: 1 });
    plan.set(1, { morningPain: 1 });
    plan.run(0, 'easy', plan.p.easyKm, {
      morningPain: 1,
      painDuring: 3,
      painTrend: 'stayed',
      painLocations: ['outer'],
    });
  },
  21: (plan) => {
    // Earlier: a pain episode (offsets 70..52) that built up and settled, then 5 days unlogged.
    const morning = [0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 3, 3, 2, 2, 1, 1, 0, 0];
    morning.forEach((v, i) => {
      const o = 70 - i;
      plan.morning(o, v);
      const d = plan.days[o]!;
      if (d.ran) {
        const during = Math.min(7, v + 3);
        Object.assign(d, {
          painDuring: during,
          painTrend: during >= 6 ? 'worsened' : 'stayed',
          painLocations: ['front'],
        });
      } else if (v > 0) d.painLocations = ['front'];
    });
    plan.set(62, { note: 'DEMO-NOTE: physio says patellofemoral, keep pain under 5' });
    for (let o = 40; o >= 36; o--) plan.missing(o);
    plan.set(0, { present: true });
  },
  22: (plan) => {
    plan.rest(45, {
      morningPain: 3,
      redFlags: ['locking'],
      painLocations: ['inner'],
      note: 'DEMO-NOTE: knee caught on the stairs and would not straighten for a moment',
    });
    plan.rest(44, { morningPain: 2, painLocations: ['inner'] });
    plan.set(0, { present: true });
  },
  23: (plan) => {
    present(plan, 1, 2);
    plan.run(0, 'easy', plan.p.easyKm, {
      morningPain: 0,
      painDuring: 4,
      painTrend: 'faded',
      painLocations: ['front'],
      note: 'DEMO-NOTE: sore for the first 2 km, then fine',
    });
  },
  24: (plan) => {
    plan.run(50, 'race', 0, {
      spikeFactor: 1.32,
      allowSpike: true,
      note: 'DEMO-NOTE: half marathon PB',
    });
    plan.missing(0);
    plan.set(1, { present: true });
  },
  25: (plan) => {
    present(plan, 1, 2);
    plan.run(0, 'intervals', plan.p.easyKm * 0.7, {
      morningPain: 1,
      painDuring: 5,
      painTrend: 'worsened',
      redFlags: ['givingWay'],
      painLocations: ['inner'],
      note: 'DEMO-NOTE: knee gave way on the bend, stopped the session',
    });
  },
  26: (plan) => {
    present(plan, 1, 2);
    plan.run(0, 'long', 0, {
      spikeFactor: 1.5,
      allowSpike: true,
      note: 'DEMO-NOTE: joined the road group for their long run',
    });
  },
  27: (plan) => {
    present(plan, 2);
    plan.set(2, { morningPain: 0 });
    plan.run(1, 'intervals', plan.p.easyKm * 0.9, {
      morningPain: 1,
      painDuring: 7,
      painTrend: 'worsened',
      painLocations: ['below'],
      note: 'DEMO-NOTE: pain got worse with every rep',
    });
    plan.rest(0, { morningPain: 6, painLocations: ['below'] });
  },
  28: (plan) => {
    present(plan, 0, 1, 2);
    if (!plan.days[0]!.ran && !plan.days[1]!.ran) plan.run(1, 'easy', plan.p.easyKm);
  },
  29: (plan) => {
    const lastWeek = [1, 1, 0, 1, 1, 1, 0];
    const thisWeek = [2, 2, 3, 2, 3, 3, 3];
    lastWeek.forEach((v, i) => {
      plan.morning(13 - i, v);
    });
    thisWeek.forEach((v, i) => {
      plan.morning(6 - i, v);
    });
    // She cut back this week: two short runs only.
    for (let o = 6; o >= 0; o--) plan.rest(o, { painLocations: ['front'] });
    plan.run(5, 'easy', plan.p.easyKm * 0.6, {
      painDuring: 3,
      painTrend: 'stayed',
      painLocations: ['front'],
    });
    plan.run(2, 'easy', plan.p.easyKm * 0.6, {
      painDuring: 3,
      painTrend: 'stayed',
      painLocations: ['front'],
    });
    plan.set(0, { note: 'DEMO-NOTE: cut back but mornings are worse' });
  },
  30: (plan) => {
    for (let o = 6; o >= 0; o--) {
      plan.run(o, 'easy', plan.p.easyKm * (0.9 + 0.02 * (o % 2)), { rpe: 5 });
    }
  },
  31: (plan) => {
    for (let o = 2; o >= 0; o--) plan.missing(o);
    plan.set(3, { present: true });
  },
  32: (plan) => {
    for (let o = 20; o >= 14; o--) plan.rest(o);
    plan.run(19, 'easy', plan.p.easyKm * 0.6);
    plan.run(16, 'intervals', plan.p.easyKm * 0.6);
    plan.missing(17);
    for (let o = 6; o >= 0; o--) plan.set(o, { present: true });
    plan.set(0, { note: 'DEMO-NOTE: back to full training after a quiet week' });
  },
  33: (plan) => {
    present(plan, 1, 2);
    plan.set(0, { present: true, wellnessZ: -1.5 });
  },
  34: (plan) => {
    for (let o = DEMO_HISTORY_DAYS - 1; o >= 20; o--) plan.missing(o);
    plan.run(19, 'long', plan.p.longKm * 0.9, { note: 'DEMO-NOTE: moved here from another club' });
    present(plan, 0, 1);
  },
  35: (plan) => {
    plan.set(2, { present: true, sleepHours: 7 });
    plan.set(1, { present: true, sleepHours: 7.5 });
    plan.set(0, { present: true, sleepHours: 7, note: 'DEMO-NOTE: revising late for mocks' });
  },
  36: (plan) => {
    plan.set(2, { present: true, sleepHours: 7.5 });
    plan.run(1, 'race', 0, {
      spikeFactor: 2.1,
      allowSpike: true,
      sleepHours: 7,
      note: 'DEMO-NOTE: ran the county half marathon',
    });
    plan.rest(0, { sleepHours: 7.5 });
  },
  37: (plan) => {
    plan.rest(60, {
      morningPain: 3,
      redFlags: ['nightOrRestPain'],
      painLocations: ['front'],
      note: 'DEMO-NOTE: knee ached in bed last night',
    });
    plan.rest(59, { morningPain: 2, painLocations: ['front'] });
    plan.set(0, { present: true });
  },
  38: (plan) => {
    for (let o = 46; o >= 40; o--) plan.run(o, 'easy', plan.p.easyKm, { rpe: 5 });
    plan.set(46, { note: 'DEMO-NOTE: trying a run streak' });
    plan.set(0, { present: true });
  },
  39: (plan) => {
    plan.set(50, {
      present: true,
      wellness: [1, 2, 1, 3, 2],
      sleepHours: 6,
      note: 'DEMO-NOTE: bad cold',
    });
    plan.missing(0);
    plan.set(1, { present: true });
  },
  40: (plan) => {
    plan.run(10, 'easy', plan.p.easyKm);
    for (let o = 9; o >= 2; o--) plan.missing(o);
    plan.rest(7, { note: 'DEMO-NOTE: exams this week' });
    plan.run(1, 'easy', plan.p.easyKm * 0.8);
    plan.rest(0);
  },
};

// ---------------------------------------------------------------------------------------------
// From a plan to check-ins

interface ShoeUse {
  key: string;
  name: string;
  targetKm: number;
  retiredOffset: number | null;
  usedOn: (o: number, type: RunType | undefined) => boolean;
}

function shoesOf(p: Profile): ShoeUse[] {
  const fast = (t: RunType | undefined) =>
    t === 'tempo' || t === 'intervals' || t === 'hills' || t === 'race';
  const list: ShoeUse[] = [];
  const retiredOffset = p.retired?.[2] ?? null;
  if (p.retired) {
    list.push({
      key: 'retired',
      name: p.retired[0],
      targetKm: p.retired[1],
      retiredOffset,
      usedOn: (o, t) => o > retiredOffset! && !(p.flat && fast(t)),
    });
  }
  list.push({
    key: 'main',
    name: p.shoe[0],
    targetKm: p.shoe[1],
    retiredOffset: null,
    usedOn: (o, t) => (retiredOffset === null || o <= retiredOffset) && !(p.flat && fast(t)),
  });
  if (p.flat) {
    list.push({
      key: 'flat',
      name: p.flat[0],
      targetKm: p.flat[1],
      retiredOffset: null,
      usedOn: (_o, t) => fast(t),
    });
  }
  return list;
}

function finalize(plan: Plan): { checkIns: DemoCheckIn[]; shoes: DemoShoe[] } {
  const { p, today, days } = plan;
  // Distances, with the 8% guard against unplanned spikes.
  for (let o = DEMO_HISTORY_DAYS - 1; o >= 0; o--) {
    const d = days[o]!;
    if (!d.present || !d.ran) continue;
    let ref: number | undefined;
    for (let i = o + 1; i <= Math.min(o + 30, DEMO_HISTORY_DAYS - 1); i++) {
      const e = days[i]!;
      if (e.present && e.ran) ref = Math.max(ref ?? 0, e.km);
    }
    if (d.spikeFactor !== undefined && ref !== undefined) d.km = round1(ref * d.spikeFactor);
    else if (ref !== undefined && !d.allowSpike && d.km > ref * 1.08)
      d.km = Math.floor(ref * 1.08 * 10) / 10;
    d.km = Math.max(1, d.km);
  }
  // Today's wellness aimed at a z-score against the 28-day baseline.
  const target = days[0]!.wellnessZ;
  if (target !== undefined) {
    const base: number[] = [];
    for (let o = 1; o <= 28; o++) {
      const d = days[o]!;
      if (d.present) base.push(d.wellness.reduce((a, b) => a + b, 0) / 5);
    }
    const mean = base.reduce((a, b) => a + b, 0) / base.length;
    const sd = Math.max(
      Math.sqrt(base.reduce((a, b) => a + (b - mean) ** 2, 0) / base.length),
      0.25,
    );
    let best = 5;
    for (let sum = 5; sum <= 25; sum++) {
      if (Math.abs((sum / 5 - mean) / sd - target) < Math.abs((best / 5 - mean) / sd - target))
        best = sum;
    }
    const items = [1, 1, 1, 1, 1];
    for (let k = 0, left = best - 5; left > 0; k = (k + 1) % 5) {
      if (items[k]! < 5) {
        items[k]! += 1;
        left -= 1;
      }
    }
    // Worst items first: sleep quality, then stress, fatigue, mood; soreness keeps the most.
    const order = [0, 1, 2, 4, 3];
    const sorted = [...items].sort((a, b) => a - b);
    const w: Day['wellness'] = [0, 0, 0, 0, 0];
    order.forEach((slot, i) => {
      w[slot] = sorted[i]!;
    });
    days[0]!.wellness = w;
  }
  // Shoes: each one's start km is chosen so that its total reaches its target.
  const shoes = shoesOf(p);
  const logged = new Map<string, number>(shoes.map((s) => [s.key, 0]));
  const shoeOf = (o: number, d: Day) => shoes.find((s) => s.usedOn(o, d.runType));
  for (let o = DEMO_HISTORY_DAYS - 1; o >= 0; o--) {
    const d = days[o]!;
    if (!d.present || !d.ran) continue;
    const s = shoeOf(o, d);
    if (s) logged.set(s.key, logged.get(s.key)! + d.km);
  }
  const startKm = new Map(
    shoes.map((s) => [s.key, Math.max(0, Math.round(s.targetKm - logged.get(s.key)!))]),
  );
  const total = new Map(startKm);

  const checkIns: DemoCheckIn[] = [];
  for (let o = DEMO_HISTORY_DAYS - 1; o >= 0; o--) {
    const d = days[o]!;
    if (!d.present) continue;
    const c: DemoCheckIn = { date: addDays(today, -o), ran: d.ran };
    if (d.ran) {
      const type = d.runType ?? 'easy';
      c.distanceKm = d.km;
      c.durationMin = Math.max(1, Math.round(d.km * d.pace));
      c.rpe = d.rpe;
      c.runType = type;
    }
    if (d.morningPain !== undefined) c.morningPain = d.morningPain;
    if (d.ran && d.painDuring !== undefined) {
      c.painDuring = d.painDuring;
      c.painTrend = d.painTrend ?? 'none';
    }
    const anyPain = (c.morningPain ?? 0) > 0 || (c.painDuring ?? 0) > 0;
    if (anyPain || d.redFlags?.length) {
      c.painLocations = d.painLocations ?? PAIN_SPOTS[p.n % PAIN_SPOTS.length]!;
    }
    if (d.redFlags?.length) c.redFlags = [...d.redFlags];
    c.sleepHours = d.sleepHours;
    [c.sleepQuality, c.stress, c.fatigue, c.soreness, c.mood] = d.wellness;
    if (d.ran) {
      const s = shoeOf(o, d);
      if (s) {
        total.set(s.key, total.get(s.key)! + d.km);
        c.shoeKey = s.key;
        c.shoeKm = round1(total.get(s.key)!);
      }
    }
    if (d.note) c.note = d.note;
    checkIns.push(c);
  }
  return {
    checkIns,
    shoes: shoes.map((s) => ({
      key: s.key,
      name: s.name,
      startKm: startKm.get(s.key)!,
      retiredOn: s.retiredOffset === null ? null : addDays(today, -s.retiredOffset),
    })),
  };
}

function birthDateFor(today: string, age: number, extraDays: number): string {
  // `age` whole years plus `extraDays` (< 365) before today: ageOn(birthDate, today) === age.
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const sameDay = `${String(y - age).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // On 29 February, a birthday on the 28th of a year without a leap day keeps the same age.
  const anniversary = m === 2 && d === 29 ? sameDay.replace(/-29$/, '-28') : sameDay;
  return addDays(anniversary, -extraDays);
}

/** The demo club as plain data; the same `today` always gives the same result. */
export function generateDemoClub(input: { today: string }): DemoClub {
  const { today } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || addDays(today, 0) !== today) {
    throw new RangeError(`today must be a calendar date YYYY-MM-DD: ${today}`);
  }
  const teams: DemoTeam[] = [
    { key: 'road', name: 'Road Squad' },
    { key: 'track', name: 'Track Squad' },
  ];
  const staff: DemoUser[] = STAFF.map((s) => {
    const [age, extra] = STAFF_AGES[s.key]!;
    return { ...s, birthDate: birthDateFor(today, age, extra), timeZone: DEMO_TIME_ZONE };
  });
  const athletes: DemoAthlete[] = ATHLETES.map((p) => {
    const plan = basePlan(p, today);
    SCENARIOS[p.n]?.(plan);
    const { checkIns, shoes } = finalize(plan);
    const birthDate = birthDateFor(today, p.age, 20 + ((p.n * 37) % 300));
    return {
      key: `athlete${p.n}`,
      email: `athlete${p.n}@demo.club`,
      name: p.name,
      role: 'athlete',
      teamKey: p.n <= ROAD ? 'road' : 'track',
      birthDate,
      timeZone: DEMO_TIME_ZONE,
      number: p.n,
      ageYears: ageOn(birthDate, today),
      guardianName: p.guardian ?? null,
      scenario: p.scenario,
      shoes,
      checkIns,
    };
  });
  return {
    today,
    club: { name: DEMO_CLUB_NAME },
    teams,
    users: [...staff, ...athletes],
    admin: staff[0]!,
    coaches: staff.slice(1),
    athletes,
  };
}
