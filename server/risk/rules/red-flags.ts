/**
 * Red flags (risk-model.md §4.1 with the clearance semantics of §2).
 *
 * A flag reported on day d is cleared by a clearance dated c with d ≤ c ≤ t naming it. So a
 * flag fires at t exactly when its LATEST report in t−6..t is later than its latest clearance
 * up to t: every earlier report is then uncleared as well, and if the latest one is cleared,
 * so are all earlier ones. Tracking two day indexes per flag is therefore enough.
 */
import type { DayFacts } from '../facts';
import type { Timeline } from '../timeline';

const FLAG_COUNT = 8;
const NEVER = -1e9;

export class FlagTracker {
  private readonly lastReport = new Int32Array(FLAG_COUNT).fill(NEVER);
  private readonly lastClear = new Int32Array(FLAG_COUNT).fill(NEVER);
  private lastAnyReport = NEVER;

  /** Take day i into account; days must be fed in increasing order. */
  track(tl: Timeline, i: number): void {
    const reported = tl.flags[i] as number;
    const cleared = tl.cleared[i] as number;
    if (reported !== 0) {
      this.lastAnyReport = i;
      for (let k = 0; k < FLAG_COUNT; k++) if (reported & (1 << k)) this.lastReport[k] = i;
    }
    if (cleared !== 0) {
      for (let k = 0; k < FLAG_COUNT; k++) if (cleared & (1 << k)) this.lastClear[k] = i;
    }
  }

  /** Bit k set = flag FLAGS[k] fires at t (given days up to t were tracked). */
  firing(tl: Timeline, t: number, windowDays: number, facts: DayFacts): number {
    const from = t - windowDays + 1;
    if (this.lastAnyReport < from) return 0;
    let mask = 0;
    for (let k = 0; k < FLAG_COUNT; k++) {
      const reported = this.lastReport[k] as number;
      if (reported >= from && reported > (this.lastClear[k] as number)) {
        mask |= 1 << k;
        facts.flagDays[k] = tl.base + reported;
      }
    }
    return mask;
  }
}
