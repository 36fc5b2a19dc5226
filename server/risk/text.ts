/**
 * Reason texts: a plain title, the measured value against its threshold, and an action
 * written for the runner. Actions name concrete numbers and days and never diagnose; red
 * flags say plainly when to stop and when to be seen the same day.
 */
import { FLAG_LABELS, FLAG_RULES, RULES, type RuleId } from '@/lib/risk/rules';
import type { Reason } from '@/lib/risk/types';
import { FLAGS } from '@/lib/risk/types';
import { ENGINE_CONFIG } from './config';
import { isoDate, weekdayOf } from './dates';
import type { DayFacts } from './facts';
import { roundForCompare, roundHalfAway } from './rounding';
import type { RuleSet } from './rule-set';

const C = ENGINE_CONFIG;

export const NO_WARNING_ACTION =
  'No warning signs today: train as planned and check in again tomorrow.';

function fixed(value: number, decimals: number): string {
  return roundHalfAway(value, decimals).toFixed(decimals);
}
const km = (value: number): string => `${fixed(value, 1)} km`;

/** A percentage with as few decimals as needed not to look equal to a threshold it is not. */
function percent(raw: number, thresholds: readonly number[]): string {
  const value = roundForCompare(raw); // as compared: +10.000000000000009% is +10%
  let decimals = 0;
  while (
    decimals < 6 &&
    thresholds.some((th) => roundHalfAway(value, decimals) === th && value !== th)
  ) {
    decimals++;
  }
  const text = fixed(Math.abs(value), decimals);
  return value < 0 ? `−${text}%` : `+${text}%`;
}

function dateLabel(day: number): string {
  return `${weekdayOf(day)} ${isoDate(day)}`;
}

/** "today", "yesterday" or "on Monday 2026-09-07", seen from day t. */
function when(day: number, t: number): string {
  if (day === t) return 'today';
  if (day === t - 1) return 'yesterday';
  if (day === t + 1) return `tomorrow (${dateLabel(day)})`;
  return `on ${dateLabel(day)}`;
}

/** When to check the knee on waking: this morning or a named day. */
function onWaking(day: number, t: number): string {
  return day <= t ? 'this morning' : `on waking ${when(day, t)}`;
}

const SAME_DAY =
  'Get seen the same day (urgent care or A&E) if you had a pop with sudden swelling, the knee ' +
  'is locked and will not straighten, it is hot and swollen or you have a fever, or you ' +
  'cannot take 4 steps on it.';

const RED_FLAG_ACTIONS: Record<string, string> = {
  popWithSwelling:
    'Stop running and get the knee assessed today: a pop with sudden swelling needs a ' +
    'same-day assessment (urgent care or A&E). No running until a clinician has seen it.',
  hotOrFever:
    'Stop running and get seen today: a hot, swollen knee or a fever needs a same-day ' +
    'assessment (urgent care or A&E). No running until a clinician has seen it.',
  locking:
    'Stop running and get the knee assessed. If it is locked and will not straighten, get ' +
    'seen today (urgent care or A&E); otherwise see a physio or doctor before you run again.',
  givingWay: `Stop running and see a physio or doctor before you run again. ${SAME_DAY}`,
  swelling: `Stop running and see a physio or doctor before you run again. ${SAME_DAY}`,
  nightOrRestPain:
    'Stop running and see a physio or doctor before you run again: pain at night or at rest ' +
    `is not ordinary training pain. ${SAME_DAY}`,
  limping:
    'Stop running and get the knee assessed. If you cannot take 4 steps on it, get seen ' +
    'today (urgent care or A&E); otherwise see a physio or doctor before you run again.',
  bonyTenderness:
    'Stop running now and get assessed: a tender spot on the bone can be a bone stress ' +
    'injury. No running until a clinician confirms you can walk pain-free and the tender ' +
    'spot has gone; then restart with a walk-run plan on alternate days. ' +
    'Get seen the same day if you cannot take 4 steps on it.',
};

interface Text {
  detail: string;
  action: string;
}

function redFlagText(flagIndex: number, f: DayFacts): Text {
  const flag = FLAGS[flagIndex] ?? 'swelling';
  return {
    detail: `${FLAG_LABELS[flag]} reported ${when(f.flagDays[flagIndex] as number, f.day)}, not cleared by a clinician`,
    action: RED_FLAG_ACTIONS[flag] ?? SAME_DAY,
  };
}

function painText(id: RuleId, f: DayFacts): Text {
  const t = f.day;
  const P = C.pain;
  const limit = `${P.duringLimit}/10`;
  const next = t + 1;
  const run = when(f.painRunDay, t);
  switch (id) {
    case 'PAIN_DURING_HIGH':
      return {
        detail: `pain during the run ${f.painDuring}/10 ${run} (limit ${limit})`,
        action:
          `No more running until your knee is back to its usual level on waking; check it ` +
          `${onWaking(next, t)}. Then run shorter and easier, keeping pain during the run at ` +
          `${limit} or less. If it keeps going above ${limit}, see a physio.`,
      };
    case 'PAIN_WORSENED':
      return {
        detail:
          `pain got worse during the run ${run}` +
          (f.painDuring > 0 ? ` (worst ${f.painDuring}/10)` : ''),
        action:
          `Make the next run shorter and easier, and stop if pain starts to build. Check your ` +
          `knee ${onWaking(next, t)}: it should be back to its usual level before you run again.`,
      };
    case 'PAIN_FADED':
      return {
        detail:
          `pain${f.painDuring >= 0 ? ` ${f.painDuring}/10` : ''} faded during the run ${run}` +
          ' (judged by the next morning)',
        action:
          'Nothing to change yet: pain that fades while running is judged by the next morning. ' +
          `Check your knee ${onWaking(f.painRunDay + 1, t)}.`,
      };
    case 'PAIN_NOT_SETTLED':
      return {
        detail:
          `knee pain on waking ${f.settleMorningPain}/10 ${when(f.settleRunDay + 1, t)} after ` +
          `the run ${when(f.settleRunDay, t)}, vs ${f.settleBaseline}/10 ` +
          (f.settleBaselineAssumed
            ? '(assumed: no morning value before the run)'
            : 'the morning before the run'),
        action:
          'Your knee had not settled after the last run: no run or only a short, easy, ' +
          `pain-free one today. Check again ${onWaking(next, t)} and return to normal training ` +
          `once morning pain is back to ${f.settleBaseline}/10${f.settleBaseline > 0 ? ' or less' : ''}.`,
      };
    case 'PAIN_MORNING_HIGH':
      return {
        detail: `knee pain on waking ${f.latestMorningPain}/10 ${when(f.latestDay, t)} (limit ${P.morningLimit}/10)`,
        action:
          `No running today. Check your knee again ${onWaking(next, t)}; if pain on waking ` +
          `stays above ${P.morningLimit}/10 for two days, see a physio or doctor.`,
      };
    case 'PAIN_ACCEPTABLE':
      return {
        detail: `pain during the run ${f.painDuring}/10 ${run} (acceptable up to ${limit}), not getting worse`,
        action:
          `You can keep training: keep pain during runs at ${limit} or less, and check ` +
          `${onWaking(f.painRunDay + 1, t)} that it has settled back to its usual level.`,
      };
    case 'PAIN_TREND_UP':
      return {
        detail:
          `knee pain on waking averaged ${fixed(f.morningPainWeek, 1)}/10 this week vs ` +
          `${fixed(f.morningPainPrevWeek, 1)}/10 the week before ` +
          `(+${fixed(f.morningPainRise, 1)}; limit +${fixed(P.trendMinRise, 1)})`,
        action:
          'Ease off this week: shorter runs and no hard sessions, with pain during runs at ' +
          `${limit} or less, until the morning average comes down. Compare again on ` +
          `${dateLabel(t + P.weekDays)}.`,
      };
    case 'PAIN_NOT_RESPONDING':
      return {
        detail:
          `morning pain up ${fixed(f.morningPainRise, 1)} points although you ran ${km(f.km7)} ` +
          `this week vs ${km(f.km7PrevWeek)} the week before`,
        action:
          'See a physio or sports doctor: knee pain is climbing even without more running. ' +
          `Until then keep runs short and easy with pain at ${limit} or less.`,
      };
    case 'PAIN_PERSISTENT':
      return {
        detail:
          `knee pain on ${f.persistentPainful} of ${f.persistentCheckIns} check-ins in the last ` +
          `${P.persistentDays} days (flagged from ${fixed(P.persistentMinShare * 100, 0)}%)`,
        action:
          'Pain has been there on most days for four weeks: see a physio for a rehab plan. ' +
          `Keep running only while pain stays at ${limit} or less and settles by the next morning.`,
      };
    default:
      return { detail: '', action: '' };
  }
}

function loadText(id: RuleId, f: DayFacts, points: number): Text {
  const t = f.day;
  const L = C.load;
  switch (id) {
    case 'LOAD_SPIKE_SMALL':
    case 'LOAD_SPIKE_MODERATE':
    case 'LOAD_SPIKE_LARGE': {
      const ceiling = km(L.ceilingFactor * f.spikeRef);
      const headline =
        id === 'LOAD_SPIKE_LARGE' ? 'That run was more than double your recent longest. ' : '';
      return {
        detail:
          `${km(f.spikeRunKm)} ${when(f.spikeRunDay, t)} vs longest ${km(f.spikeRef)} in the ` +
          `${L.referenceDays} days before ` +
          `(${percent(f.spikePct, [L.spikeSmallAbovePct, L.spikeModerateAbovePct, L.spikeLargeAbovePct])}, ` +
          `limit +${L.spikeSmallAbovePct}%)`,
        action:
          `${headline}Keep your next runs at or below ${ceiling} (your longest run of the ` +
          `previous ${L.referenceDays} days, ${km(f.spikeRef)}, + ${L.spikeSmallAbovePct}%) and ` +
          `build the long run by no more than ${L.spikeSmallAbovePct}% at a time. Check your ` +
          `knee ${onWaking(t + 1, t)}.`,
      };
    }
    case 'LOAD_RETURN_7':
    case 'LOAD_RETURN_14': {
      const capped =
        points < C.points[id]
          ? ' (points capped: a spike and a return count at most ' +
            `${L.spikePlusReturnCap} together)`
          : '';
      const what =
        f.returnGap < 0
          ? `first run in the last ${C.windowDays} days ${when(f.returnRunDay, t)}`
          : `run ${when(f.returnRunDay, t)} after ${f.returnGap} days without running`;
      const weeks = id === 'LOAD_RETURN_14' ? '2–3 weeks' : '1–2 weeks';
      return {
        detail: `${what}${capped}`,
        action:
          "Welcome back: keep this week's runs short and easy, and build distance and speed " +
          `back up over the next ${weeks}, only while your knee feels normal on waking. ` +
          `Check it ${onWaking(t + 1, t)}.`,
      };
    }
    case 'LOAD_WEEKLY_JUMP':
      return {
        detail:
          `${km(f.km7)} in the last ${L.weekDays} days vs ${km(f.km7Lag)} in the week two weeks ` +
          `before (${percent(f.weeklyJumpPct, [L.weeklyJumpAbovePct])}, limit +${L.weeklyJumpAbovePct}%)`,
        action:
          `Don't increase again next week: hold your weekly distance at or below ${km(f.km7)} ` +
          'until your body has caught up.',
      };
    case 'LOAD_MONOTONY':
      return {
        detail:
          `training monotony ${fixed(f.monotony, 1)} (limit ${fixed(L.monotonyAbove, 1)}), with ` +
          `this week's load ${fixed(f.load7, 0)} above a quarter of the last ` +
          `${L.chronicDays} days' load (${fixed(f.loadChronic / (L.chronicDays / L.weekDays), 0)})`,
        action:
          'Vary your week: make at least two days clearly easier or rest days so the hard ' +
          'days stand out.',
      };
    case 'LOAD_ACWR_INFO':
      return {
        detail:
          `acute:chronic workload ratio ${fixed(f.acwr, 2)} (last ${L.weekDays} days vs the ` +
          `${L.chronicDays - L.weekDays} days before); shown for information only, it does not ` +
          'predict injury well enough to be scored',
        action: 'No action needed: for information only.',
      };
    default:
      return { detail: '', action: '' };
  }
}

function otherText(id: RuleId, f: DayFacts): Text {
  const t = f.day;
  switch (id) {
    case 'WELL_VERY_LOW':
    case 'WELL_LOW': {
      const limit = id === 'WELL_VERY_LOW' ? C.wellness.veryLowZ : C.wellness.lowZ;
      return {
        detail:
          `wellness ${fixed(f.wellness, 1)}/5 today vs your usual ${fixed(f.wellnessMean, 1)}/5 ` +
          `over the last ${C.wellness.baselineDays} days (z = ${fixed(f.wellnessZ, 1)}; ` +
          `limit ${fixed(limit, 1)})`,
        action:
          id === 'WELL_VERY_LOW'
            ? 'Make today a rest day or a very easy one, and look after sleep, stress and ' +
              `soreness. See how you feel ${onWaking(t + 1, t)} before any hard session.`
            : `Keep today easy rather than hard, and see how you feel ${onWaking(t + 1, t)}.`,
      };
    }
    case 'SLEEP_SHORT_YOUTH':
      return {
        detail:
          `${fixed(f.sleepMean, 1)} h of sleep a night on average over the last ` +
          `${f.sleepValues} nights (under ${C.sleep.youthBelowAge}: at least ${C.sleep.youthHours} h)`,
        action:
          `Aim for at least ${C.sleep.youthHours} hours of sleep a night: young athletes who ` +
          'sleep less get injured more often. Keep runs easy until you have caught up.',
      };
    case 'SLEEP_SHORT':
      return {
        detail:
          `${fixed(f.sleepMean, 1)} h of sleep a night on average over the last ` +
          `${f.sleepValues} nights (target at least ${C.sleep.adultHours} h)`,
        action:
          `Aim for at least ${C.sleep.adultHours} hours of sleep, and save hard sessions for ` +
          'days after a good night.',
      };
    case 'EQUIP_SHOE_MILEAGE':
      return {
        detail: `shoes at ${fixed(f.shoeKm, 0)} km ${when(f.shoeDay, t)} (limit ${C.shoe.limitKm} km)`,
        action: 'Plan to replace these shoes soon, and consider rotating two pairs.',
      };
    case 'CALIBRATING':
      return {
        detail:
          f.history === 0
            ? 'no check-ins yet'
            : `${f.history} day${f.history === 1 ? '' : 's'} of history (${C.calibrationDays} needed to know your normal)`,
        action:
          `Keep checking in every day; your personal baseline is ready after ` +
          `${C.calibrationDays} days` +
          (f.history > 0 ? ` (from ${dateLabel(t + C.calibrationDays - f.history)}).` : '.'),
      };
    case 'LOW_DATA':
      return {
        detail:
          `${f.checkInsWeek} check-in${f.checkInsWeek === 1 ? '' : 's'} in the last ` +
          `${C.info.lowDataDays} days (at least ${C.info.lowDataMinCheckIns} needed)`,
        action: 'Check in every day, rest days included, so the picture stays accurate.',
      };
    case 'STALE':
      return {
        detail: !Number.isNaN(f.lastCheckInDay)
          ? `last check-in ${when(f.lastCheckInDay, t)}, none in the last ${C.info.staleDays} days`
          : 'no check-ins yet',
        action: "Do today's check-in so your status is up to date.",
      };
    default:
      return { detail: '', action: '' };
  }
}

function textOf(id: RuleId, points: number, f: DayFacts): Text {
  const meta = RULES[id];
  switch (meta.class) {
    case 'RF':
      return redFlagText(
        FLAGS.findIndex((flag) => FLAG_RULES[flag] === id),
        f,
      );
    case 'PAIN':
      return painText(id, f);
    case 'LOAD':
      return loadText(id, f, points);
    default:
      return otherText(id, f);
  }
}

export function buildReasons(set: RuleSet, f: DayFacts): Reason[] {
  return set.ruleIds.map((id, k) => {
    const points = set.points[k] ?? 0;
    const meta = RULES[id];
    const { detail, action } = textOf(id, points, f);
    return {
      ruleId: id,
      title: meta.title,
      detail,
      points,
      evidence: meta.evidence,
      citations: [...meta.citations],
      action,
    };
  });
}

/** The action of the first reason that is a red flag or carries points. */
export function overallAction(reasons: readonly Reason[]): string {
  const first = reasons.find((r) => r.points > 0 || RULES[r.ruleId].class === 'RF');
  return first ? first.action : NO_WARNING_ACTION;
}
