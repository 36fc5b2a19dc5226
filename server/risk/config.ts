/**
 * Every weight, threshold, window length and cap of risk model v1, in one place.
 * Values marked *design* in risk-model.md are choices to be reviewed with a clinician.
 * Windows are in calendar days and include both ends (t−6..t is 7 days).
 */
import type { RuleId } from '@/lib/risk/rules';

export interface EngineConfig {
  /** Rules and metrics see only check-ins dated t−(windowDays−1)..t. */
  windowDays: number;
  /** history < calibrationDays → CALIBRATING (and no ACWR, no monotony rule). */
  calibrationDays: number;
  /** Points of each rule (before the spike + return cap). */
  points: Readonly<Record<RuleId, number>>;
  score: { cap: number; redFlagMinimum: number; redFrom: number; amberFrom: number };
  /** Digits kept when a computed quantity is compared with a threshold / shown as a metric. */
  rounding: { compareDecimals: number; metricDecimals: number };
  redFlags: { windowDays: number };
  pain: {
    /** The most recent run day in t−(runLookbackDays−1)..t is judged. */
    runLookbackDays: number;
    duringLimit: number;
    morningLimit: number;
    /** PAIN_MORNING_HIGH reads the newest check-in in t−(latestCheckInDays−1)..t. */
    latestCheckInDays: number;
    acceptableFrom: number;
    /** Run days q in t−settleLookbackDays..t−1 are candidates for PAIN_NOT_SETTLED. */
    settleLookbackDays: number;
    /** Baseline when the run morning has no morningPain value. */
    settleDefaultBaseline: number;
    weekDays: number;
    trendMinValuesPerWeek: number;
    trendMinRise: number;
    persistentDays: number;
    persistentMinCheckIns: number;
    persistentMinShare: number;
  };
  load: {
    /** "Recent runs" are run days in t−(recentRunDays−1)..t. */
    recentRunDays: number;
    referenceDays: number;
    spikeSmallAbovePct: number;
    spikeModerateAbovePct: number;
    spikeLargeAbovePct: number;
    /** The 10% ceiling named in a spike's action: ceilingFactor × ref30. */
    ceilingFactor: number;
    returnShortGap: number;
    returnLongGap: number;
    /** A first-ever run counts as a long return once history ≥ this. */
    returnFirstRunHistory: number;
    spikePlusReturnCap: number;
    weekDays: number;
    /** LOAD_WEEKLY_JUMP compares km7(t) with km7(t − weeklyJumpLagDays). */
    weeklyJumpLagDays: number;
    weeklyJumpAbovePct: number;
    monotonyAbove: number;
    /** Monotony when the standard deviation rounds to 0. */
    monotonyFlat: number;
    /**
     * Chronic window of ACWR and of LOAD_MONOTONY's Σload(t−6..t) > Σload(t−27..t) / 4;
     * a whole number of weeks (the engine sums it from weekly blocks).
     */
    chronicDays: number;
  };
  ewma: { acuteDays: number; chronicDays: number };
  wellness: {
    minItems: number;
    baselineDays: number;
    minBaselineValues: number;
    sdFloor: number;
    veryLowZ: number;
    lowZ: number;
  };
  sleep: {
    days: number;
    minValues: number;
    youthBelowAge: number;
    youthHours: number;
    adultHours: number;
  };
  shoe: { windowDays: number; limitKm: number };
  info: { lowDataDays: number; lowDataMinCheckIns: number; staleDays: number };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const ENGINE_CONFIG: Readonly<EngineConfig> = deepFreeze({
  windowDays: 400,
  calibrationDays: 28,
  points: {
    RF_POP_SWELLING: 0,
    RF_HOT_SWOLLEN: 0,
    RF_LOCKING: 0,
    RF_GIVING_WAY: 0,
    RF_SWELLING: 0,
    RF_NIGHT_REST_PAIN: 0,
    RF_GAIT_ALTERED: 0,
    RF_BONY_TENDERNESS: 0,
    PAIN_DURING_HIGH: 25,
    PAIN_WORSENED: 15,
    PAIN_FADED: 0,
    PAIN_NOT_SETTLED: 15,
    PAIN_MORNING_HIGH: 25,
    PAIN_ACCEPTABLE: 5,
    PAIN_TREND_UP: 15,
    PAIN_NOT_RESPONDING: 15,
    PAIN_PERSISTENT: 10,
    LOAD_SPIKE_SMALL: 15,
    LOAD_SPIKE_MODERATE: 15, // design: equal to small, the confidence intervals overlap
    LOAD_SPIKE_LARGE: 25,
    LOAD_RETURN_7: 5, // design
    LOAD_RETURN_14: 10, // design
    LOAD_WEEKLY_JUMP: 7,
    LOAD_MONOTONY: 5,
    LOAD_ACWR_INFO: 0,
    WELL_VERY_LOW: 10,
    WELL_LOW: 5,
    SLEEP_SHORT_YOUTH: 8,
    SLEEP_SHORT: 4,
    EQUIP_SHOE_MILEAGE: 3,
    CALIBRATING: 0,
    LOW_DATA: 0,
    STALE: 0,
  },
  score: { cap: 100, redFlagMinimum: 90, redFrom: 60, amberFrom: 15 },
  rounding: { compareDecimals: 6, metricDecimals: 2 },
  redFlags: { windowDays: 7 },
  pain: {
    runLookbackDays: 2,
    duringLimit: 5,
    morningLimit: 5,
    latestCheckInDays: 2,
    acceptableFrom: 3,
    settleLookbackDays: 2,
    settleDefaultBaseline: 2,
    weekDays: 7,
    trendMinValuesPerWeek: 4,
    trendMinRise: 1,
    persistentDays: 28,
    persistentMinCheckIns: 10,
    persistentMinShare: 0.5,
  },
  load: {
    recentRunDays: 3,
    referenceDays: 30,
    spikeSmallAbovePct: 10,
    spikeModerateAbovePct: 30,
    spikeLargeAbovePct: 100,
    ceilingFactor: 1.1,
    returnShortGap: 7,
    returnLongGap: 14,
    returnFirstRunHistory: 30,
    spikePlusReturnCap: 25,
    weekDays: 7,
    weeklyJumpLagDays: 14,
    weeklyJumpAbovePct: 30,
    monotonyAbove: 2,
    monotonyFlat: 10,
    chronicDays: 28,
  },
  ewma: { acuteDays: 7, chronicDays: 28 },
  wellness: {
    minItems: 3,
    baselineDays: 28,
    minBaselineValues: 14,
    sdFloor: 0.25,
    veryLowZ: -2,
    lowZ: -1,
  },
  sleep: { days: 3, minValues: 2, youthBelowAge: 18, youthHours: 8, adultHours: 7 },
  shoe: { windowDays: 7, limitKm: 800 },
  info: { lowDataDays: 7, lowDataMinCheckIns: 4, staleDays: 3 },
});
