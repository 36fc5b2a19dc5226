/**
 * The measured values behind one day's rules, kept so that reason texts can quote them
 * ("16.0 km vs longest 14.0 km..."). One mutable instance is reused for every day of a run
 * (no allocation per day); texts are built from it only for the days that ask for them.
 * Day fields are day numbers; NaN / −1 mean "not available".
 */
export class DayFacts {
  day = 0;
  history = 0;
  /** Check-ins dated t−6..t (LOW_DATA). */
  checkInsWeek = 0;
  lastCheckInDay = Number.NaN;

  /** Latest report day of each flag in the red-flag window (FLAGS order), NaN when none. */
  readonly flagDays = new Float64Array(8);

  // Pain: the judged run r (most recent run in t−1..t).
  painRunDay = Number.NaN;
  painDuring = -1;
  painTrend = 0;
  // PAIN_NOT_SETTLED: run day q, the morning after, and its baseline.
  settleRunDay = Number.NaN;
  settleMorningPain = -1;
  settleBaseline = -1;
  settleBaselineAssumed = false;
  // PAIN_MORNING_HIGH: the latest check-in in t−1..t.
  latestDay = Number.NaN;
  latestMorningPain = -1;
  // PAIN_TREND_UP and PAIN_NOT_RESPONDING.
  morningPainWeek = Number.NaN;
  morningPainPrevWeek = Number.NaN;
  morningPainRise = Number.NaN;
  km7 = 0;
  km7PrevWeek = 0;
  // PAIN_PERSISTENT.
  persistentCheckIns = 0;
  persistentPainful = 0;

  // Load.
  ref30 = 0;
  spikeRunDay = Number.NaN;
  spikeRunKm = 0;
  spikeRef = 0;
  spikePct = Number.NaN;
  returnRunDay = Number.NaN;
  /** Days without running before the return run; −1 = no earlier run in the window. */
  returnGap = -1;
  km7Lag = 0;
  weeklyJumpPct = Number.NaN;
  load7 = 0;
  loadChronic = 0;
  monotony = Number.NaN;
  acwr = Number.NaN;
  ewmaAcute = 0;
  ewmaChronic = 0;
  lastRunDay = Number.NaN;

  // Wellness, sleep, equipment.
  wellness = Number.NaN;
  wellnessMean = Number.NaN;
  wellnessSd = Number.NaN;
  wellnessZ = Number.NaN;
  wellnessBaselineDays = 0;
  sleepMean = Number.NaN;
  sleepValues = 0;
  youth = false;
  shoeKm = Number.NaN;
  shoeDay = Number.NaN;
}
