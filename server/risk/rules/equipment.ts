/** Shoe mileage (Malisoux 2015): the newest shoe total reported in the last week. */
import { ENGINE_CONFIG } from '../config';
import type { DayFacts } from '../facts';
import { BIT } from '../rule-set';
import type { Timeline } from '../timeline';

const SHOE = ENGINE_CONFIG.shoe;

/** `lastShoe`: index of the newest day ≤ t with a shoe value, −1 when none. */
export function equipmentRules(tl: Timeline, t: number, lastShoe: number, f: DayFacts): number {
  if (lastShoe < 0 || lastShoe <= t - SHOE.windowDays) {
    f.shoeKm = Number.NaN;
    return 0;
  }
  f.shoeKm = tl.shoeKm[lastShoe] as number;
  f.shoeDay = tl.base + lastShoe;
  // An entered total, not a computed quantity: compared as given.
  return f.shoeKm > SHOE.limitKm ? BIT.EQUIP_SHOE_MILEAGE : 0;
}
