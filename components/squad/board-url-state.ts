/**
 * The board's view state kept in the URL (sort, filters, search, hidden columns, density), so a
 * coach can bookmark or share "red and amber, not checked in, compact". Parsing never throws:
 * unknown values are dropped and the defaults fill in.
 */

export const SORTABLE_COLUMNS = [
  'attention',
  'name',
  'level',
  'score',
  'reason',
  'km7',
  'longest',
  'pain',
  'lastCheckIn',
  'alert',
] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

/** Columns a coach may hide; the athlete's name always shows. */
export const HIDEABLE_COLUMNS = [
  'level',
  'score',
  'reason',
  'km7',
  'longest',
  'pain',
  'lastCheckIn',
  'alert',
] as const;
export type HideableColumn = (typeof HIDEABLE_COLUMNS)[number];

export const LEVEL_FILTERS = ['red', 'amber', 'green', 'none'] as const;
export type LevelFilter = (typeof LEVEL_FILTERS)[number];

export type Density = 'comfortable' | 'compact';

export interface BoardViewState {
  sort: { id: SortColumn; desc: boolean };
  levels: LevelFilter[];
  openAlertsOnly: boolean;
  notCheckedInOnly: boolean;
  query: string;
  hidden: HideableColumn[];
  density: Density;
}

export const DEFAULT_SORT = {
  id: 'attention',
  desc: false,
} as const satisfies BoardViewState['sort'];

export const DEFAULT_VIEW: BoardViewState = {
  sort: DEFAULT_SORT,
  levels: [],
  openAlertsOnly: false,
  notCheckedInOnly: false,
  query: '',
  hidden: [],
  density: 'comfortable',
};

const QUERY_MAX = 80;

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const wanted = new Set(raw.split(',').map((s) => s.trim()));
  // In the canonical order, each once.
  return allowed.filter((v) => wanted.has(v));
}

const isOn = (raw: string | null) => raw === '1' || raw === 'true' || raw === 'yes';

export function parseViewState(params: URLSearchParams): BoardViewState {
  let sort: BoardViewState['sort'] = DEFAULT_SORT;
  const rawSort = params.get('sort');
  if (rawSort) {
    const [id, dir] = rawSort.split('.');
    if ((SORTABLE_COLUMNS as readonly string[]).includes(id ?? '')) {
      sort = { id: id as SortColumn, desc: dir === 'desc' };
    }
  }
  return {
    sort,
    levels: listOf(params.get('level'), LEVEL_FILTERS),
    openAlertsOnly: params.get('alerts') === 'open',
    notCheckedInOnly: isOn(params.get('missing')),
    query: (params.get('q') ?? '').slice(0, QUERY_MAX),
    hidden: listOf(params.get('hide'), HIDEABLE_COLUMNS),
    density: params.get('density') === 'compact' ? 'compact' : 'comfortable',
  };
}

/**
 * Writes the state over `base` (other parameters are kept); defaults are left out, so the plain
 * board has a clean URL.
 */
export function writeViewState(
  state: BoardViewState,
  base = new URLSearchParams(),
): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const key of ['sort', 'level', 'alerts', 'missing', 'q', 'hide', 'density']) out.delete(key);
  const isDefaultSort = state.sort.id === DEFAULT_SORT.id && state.sort.desc === DEFAULT_SORT.desc;
  if (!isDefaultSort) out.set('sort', `${state.sort.id}.${state.sort.desc ? 'desc' : 'asc'}`);
  const levels = LEVEL_FILTERS.filter((l) => state.levels.includes(l));
  if (levels.length > 0) out.set('level', levels.join(','));
  if (state.openAlertsOnly) out.set('alerts', 'open');
  if (state.notCheckedInOnly) out.set('missing', '1');
  const query = state.query.trim().slice(0, QUERY_MAX);
  if (query) out.set('q', query);
  const hidden = HIDEABLE_COLUMNS.filter((c) => state.hidden.includes(c));
  if (hidden.length > 0) out.set('hide', hidden.join(','));
  if (state.density === 'compact') out.set('density', 'compact');
  return out;
}

/** True when any filter or search narrows the rows. */
export function isFiltered(state: BoardViewState): boolean {
  return (
    state.levels.length > 0 ||
    state.openAlertsOnly ||
    state.notCheckedInOnly ||
    state.query.trim() !== ''
  );
}
