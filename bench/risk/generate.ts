/**
 * Deterministic synthetic athletes for the benchmark: a year of daily check-ins each (about
 * 9 in 10 days filled), 3–6 runs a week with a weekly long run, occasional breaks, low pain
 * with flare-ups, rare red flags and clearances, wellness, sleep and shoe mileage.
 */
import { formatDayNumber, parseCalendarDate } from '@/lib/risk/calendar';
import { type AssessInput, type CheckIn, FLAGS, type Flag } from '@/lib/risk/types';

/** Mulberry32: a small, fast, seeded PRNG (the benchmark must be reproducible). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Athlete {
  input: AssessInput;
  from: string;
  to: string;
}

const tenth = (x: number) => Math.round(x * 10) / 10;

export function generateAthletes(
  count: number,
  days: number,
  firstDate = '2025-01-01',
  seed = 1,
): Athlete[] {
  const random = prng(seed);
  const first = parseCalendarDate(firstDate) as number;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const athletes: Athlete[] = [];
  for (let a = 0; a < count; a++) {
    const easyKm = 5 + random() * 7;
    const runsPerWeek = 3 + Math.floor(random() * 4);
    const age = random() < 0.15 ? 14 + Math.floor(random() * 4) : 20 + Math.floor(random() * 40);
    let shoe = random() * 600;
    let painLevel = 0;
    let breakUntil = -1;
    const checkIns: CheckIn[] = [];
    const clearances: { date: string; flags: Flag[] }[] = [];
    for (let d = 0; d < days; d++) {
      if (random() < 0.1) continue; // no check-in that day
      const date = formatDayNumber(first + d);
      if (d > breakUntil && random() < 0.004) breakUntil = d + 7 + Math.floor(random() * 20);
      const runs = d > breakUntil && random() < runsPerWeek / 7;
      if (random() < 0.03) painLevel = 2 + Math.floor(random() * 6);
      else painLevel = Math.max(0, painLevel - (random() < 0.4 ? 1 : 0));
      const morningPain = Math.min(10, painLevel + (random() < 0.2 ? 1 : 0));
      const sleepHours = tenth(5.5 + random() * 3.5);
      const sleepQuality = 2 + Math.floor(random() * 4);
      const stress = 2 + Math.floor(random() * 4);
      const fatigue = 2 + Math.floor(random() * 4);
      const soreness = 2 + Math.floor(random() * 4);
      const mood = 2 + Math.floor(random() * 4);
      // Each check-in is one object literal with its keys in the spec's order, as a parsed
      // request or a mapped database row would be: a few stable object shapes. (Building them
      // by spreading or adding keys later would give hundreds of shapes and make every
      // property read in the engine a slow generic lookup, which real inputs do not cause.)
      const flagged = random() < 0.003;
      const redFlags: Flag[] = flagged ? [pick(FLAGS)] : [];
      if (flagged && random() < 0.5) {
        clearances.push({ date: formatDayNumber(first + d + 2), flags: [...redFlags] });
      }
      let c: CheckIn;
      if (runs) {
        const long = d % 7 === 6;
        const km = tenth(
          Math.min(150, easyKm * (long ? 1.6 + random() * 0.6 : 0.7 + random() * 0.6)),
        );
        shoe += km;
        if (shoe > 950) shoe = 0;
        const durationMin = Math.round(km * (5 + random() * 1.5));
        const rpe = long ? 5 + Math.floor(random() * 3) : 2 + Math.floor(random() * 4);
        const runType = long
          ? 'long'
          : pick(['easy', 'easy', 'tempo', 'intervals', 'hills'] as const);
        const painDuring = Math.min(10, painLevel + Math.floor(random() * 2));
        const painTrend = pick(['none', 'none', 'stayed', 'faded', 'worsened'] as const);
        const shoeKm = Math.round(shoe);
        c = flagged
          ? {
              date,
              ran: true,
              distanceKm: km,
              durationMin,
              rpe,
              runType,
              morningPain,
              painDuring,
              painTrend,
              redFlags,
              sleepHours,
              sleepQuality,
              stress,
              fatigue,
              soreness,
              mood,
              shoeKm,
            }
          : {
              date,
              ran: true,
              distanceKm: km,
              durationMin,
              rpe,
              runType,
              morningPain,
              painDuring,
              painTrend,
              sleepHours,
              sleepQuality,
              stress,
              fatigue,
              soreness,
              mood,
              shoeKm,
            };
      } else {
        c = flagged
          ? {
              date,
              ran: false,
              morningPain,
              redFlags,
              sleepHours,
              sleepQuality,
              stress,
              fatigue,
              soreness,
              mood,
            }
          : {
              date,
              ran: false,
              morningPain,
              sleepHours,
              sleepQuality,
              stress,
              fatigue,
              soreness,
              mood,
            };
      }
      checkIns.push(c);
    }
    const to = formatDayNumber(first + days - 1);
    athletes.push({
      input: {
        asOf: to,
        athlete: { ageYears: age },
        checkIns,
        clearances: clearances.filter((c) => c.date <= to),
      },
      from: firstDate,
      to,
    });
  }
  return athletes;
}
