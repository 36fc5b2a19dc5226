/**
 * The reference list of risk-model.md §9, as data: the UI shows the full citation next to a
 * reason's evidence grade. Keys are stable identifiers used by rules and stored nowhere else.
 */

export const CITATION_KEYS = [
  'frandsen2025',
  'nielsen2014',
  'buist2008',
  'silbernagel2007',
  'thomee1997',
  'crossley2016',
  'willy2019',
  'foster1998',
  'foster2001',
  'williams2017',
  'impellizzeri2020',
  'impellizzeri2021',
  'mujika2000',
  'mclean2010',
  'milewski2014',
  'vonrosen2017',
  'malisoux2015',
  'warden2014',
  'george2024',
  'stiell1995',
  'nhs-knee',
] as const;
export type CitationKey = (typeof CITATION_KEYS)[number];

export interface Reference {
  key: CitationKey;
  /** The full citation as it appears in the reference list. */
  text: string;
}

const TEXTS: Record<CitationKey, string> = {
  frandsen2025:
    'Frandsen JSB et al. How much running is too much? Br J Sports Med 2025;59(17):1203–1210.',
  nielsen2014: 'Nielsen RO et al. J Orthop Sports Phys Ther 2014;44(10):739–747.',
  buist2008: 'Buist I et al. Am J Sports Med 2008;36(1):33–39.',
  silbernagel2007: 'Silbernagel KG et al. Am J Sports Med 2007;35(6):897–906.',
  thomee1997: 'Thomeé R. Phys Ther 1997;77(12):1690–1703.',
  crossley2016: 'Crossley KM et al. Br J Sports Med 2016;50(14):839–852.',
  willy2019: 'Willy RW et al. J Orthop Sports Phys Ther 2019;49(9):CPG1–CPG95.',
  foster1998: 'Foster C. Med Sci Sports Exerc 1998;30(7):1164–1168.',
  foster2001: 'Foster C et al. J Strength Cond Res 2001;15(1):109–115.',
  williams2017: 'Williams S et al. Br J Sports Med 2017;51(3):209–210.',
  impellizzeri2020: 'Impellizzeri FM et al. Int J Sports Physiol Perform 2020;15(6):907–913.',
  impellizzeri2021: 'Impellizzeri FM et al. Sports Med 2021;51(3):581–592.',
  mujika2000: 'Mujika I, Padilla S. Sports Med 2000;30(2):79–87 and 30(3):145–154.',
  mclean2010: 'McLean BD et al. Int J Sports Physiol Perform 2010;5(3):367–383.',
  milewski2014: 'Milewski MD et al. J Pediatr Orthop 2014;34(2):129–133.',
  vonrosen2017: 'von Rosen P et al. Scand J Med Sci Sports 2017;27(11):1364–1371.',
  malisoux2015: 'Malisoux L et al. Scand J Med Sci Sports 2015;25(1):110–115.',
  warden2014: 'Warden SJ, Davis IS, Fredericson M. J Orthop Sports Phys Ther 2014;44(10):749–765.',
  george2024: 'George ERM et al. Sports Med 2024;54(9):2247–2265.',
  stiell1995: 'Stiell IG et al. Ann Emerg Med 1995;26:405–413 (Ottawa knee rules).',
  'nhs-knee': 'NHS knee red-flag pathways (Gloucestershire G-Care; Lothian RefHelp).',
};

/** Citation key → full reference, in the order of the reference list. */
export const REFERENCES: Readonly<Record<CitationKey, Reference>> = Object.freeze(
  Object.fromEntries(
    CITATION_KEYS.map((key) => [key, Object.freeze({ key, text: TEXTS[key] })]),
  ) as Record<CitationKey, Reference>,
);

export function isCitationKey(value: string): value is CitationKey {
  return Object.hasOwn(TEXTS, value);
}
