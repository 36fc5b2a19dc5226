import { describe, expect, it } from 'vitest';
import { submitCheckInSchema } from '@/lib/checkin/submit-schema';
import {
  type CheckInRow,
  copyFromYesterday,
  defaultShoeId,
  EMPTY_FORM,
  type FormState,
  formToRequest,
} from './form-state';

const SHOE_A = '11111111-1111-4111-8111-111111111111';
const SHOE_B = '22222222-2222-4222-8222-222222222222';

const yesterday: CheckInRow = {
  ran: true,
  distanceKm: 12,
  durationMin: 70,
  rpe: 6,
  runType: 'long',
  morningPain: 3,
  painDuring: 4,
  painTrend: 'stayed',
  painLocations: ['front'],
  redFlags: ['swelling'],
  sleepHours: 7.5,
  sleepQuality: 4,
  stress: 3,
  fatigue: 2,
  soreness: 5,
  mood: 4,
  shoeId: SHOE_A,
  note: 'private words',
};

describe('copyFromYesterday ("same as yesterday")', () => {
  it('copies sleep, the five wellness items and the shoe only — never pain, flags, the run or the note', () => {
    const current: FormState = { ...EMPTY_FORM, morningPain: 1, note: 'today' };
    const copied = copyFromYesterday(current, yesterday, new Set([SHOE_A]));
    expect(copied).toEqual({
      ...current,
      sleepHours: '7.5',
      sleepQuality: 4,
      stress: 3,
      fatigue: 2,
      soreness: 5,
      mood: 4,
      shoeId: SHOE_A,
    });
    expect(copied.morningPain).toBe(1);
    expect(copied.painDuring).toBeUndefined();
    expect(copied.redFlags).toEqual([]);
    expect(copied.painLocations).toEqual([]);
    expect(copied.ran).toBe(false);
    expect(copied.note).toBe('today');
  });

  it('keeps the current shoe when yesterday’s has been retired or there was none', () => {
    const current: FormState = { ...EMPTY_FORM, shoeId: SHOE_B };
    expect(copyFromYesterday(current, yesterday, new Set([SHOE_B])).shoeId).toBe(SHOE_B);
    expect(copyFromYesterday(current, { ...yesterday, shoeId: null }).shoeId).toBe(SHOE_B);
  });
});

describe('defaultShoeId', () => {
  const shoes = [
    { id: SHOE_A, retiredAt: null, lastUsedOn: '2026-03-01' },
    { id: SHOE_B, retiredAt: null, lastUsedOn: '2026-03-05' },
  ];
  it('is yesterday’s shoe while it is active', () => {
    expect(defaultShoeId({ shoeId: SHOE_A }, shoes)).toBe(SHOE_A);
  });
  it('else the active shoe used most recently, else none', () => {
    expect(defaultShoeId(null, shoes)).toBe(SHOE_B);
    const retiredA = [{ ...shoes[0]!, retiredAt: new Date() }, shoes[1]!];
    expect(defaultShoeId({ shoeId: SHOE_A }, retiredA)).toBe(SHOE_B);
    expect(defaultShoeId(null, [{ id: SHOE_A, retiredAt: null, lastUsedOn: null }])).toBeNull();
    expect(defaultShoeId(null, [])).toBeNull();
  });
});

describe('formToRequest', () => {
  it('sends the shoe only with a run, and a trimmed note only when there is one', () => {
    const rest = formToRequest({ ...EMPTY_FORM, shoeId: SHOE_A, note: '   ' }, '2026-03-06');
    expect(rest.checkIn.shoeId).toBeUndefined();
    expect(rest.checkIn.note).toBeUndefined();
    const ran = formToRequest(
      {
        ...EMPTY_FORM,
        ran: true,
        distanceKm: '8',
        durationMin: '45',
        rpe: 4,
        shoeId: SHOE_A,
        note: ' felt good ',
      },
      '2026-03-06',
    );
    expect(ran.checkIn).toMatchObject({ ran: true, shoeId: SHOE_A, note: 'felt good' });
    const parsed = submitCheckInSchema.safeParse({
      idempotencyKey: '33333333-3333-4333-8333-333333333333',
      ...ran,
    });
    expect(parsed.success).toBe(true);
  });
});
