/**
 * The board's TanStack Table v9 setup at module level (house style: stable features and columns,
 * so row models are not rebuilt on every render). Cells are components in ./cells.tsx; what they
 * need from the page (viewer, team, acknowledge) comes from BoardContext.
 */
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  type FilterFn,
  rowSortingFeature,
  type SortFn,
  type TableFeatures,
  tableFeatures,
} from '@tanstack/react-table';
import { alertOrder, levelOf, levelOrder, reasonText, type ViewRow } from './board-model';
import type { LevelFilter } from './board-url-state';
import {
  AlertCell,
  CheckInCell,
  KmCell,
  LevelCell,
  LongestCell,
  NameCell,
  PainCell,
  ReasonCell,
  ScoreCell,
} from './cells';

const byNumber: SortFn<TableFeatures, ViewRow> = (a, b, id) =>
  (a.getValue<number>(id) ?? 0) - (b.getValue<number>(id) ?? 0);
const byText: SortFn<TableFeatures, ViewRow> = (a, b, id) =>
  String(a.getValue(id)).localeCompare(String(b.getValue(id)), undefined, {
    sensitivity: 'base',
    numeric: true,
  });

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

/** Every word of the search appears in the name, ignoring case and accents ("zoe" finds Zoë). */
const nameSearch: FilterFn<TableFeatures, ViewRow> = (row, _id, value: string) => {
  const words = fold(value).split(/\s+/).filter(Boolean);
  const name = fold(row.original.name);
  return words.every((w) => name.includes(w));
};
nameSearch.autoRemove = (value) => typeof value !== 'string' || value.trim() === '';

const levelIn: FilterFn<TableFeatures, ViewRow> = (row, _id, value: LevelFilter[]) =>
  value.includes(levelOf(row.original));
levelIn.autoRemove = (value) => !Array.isArray(value) || value.length === 0;

const hasOpenAlert: FilterFn<TableFeatures, ViewRow> = (row, _id, value: boolean) =>
  !value || row.original.openAlert !== null;
hasOpenAlert.autoRemove = (value) => value !== true;

const notCheckedInToday: FilterFn<TableFeatures, ViewRow> = (row, _id, value: boolean) =>
  !value || !row.original.checkedInToday;
notCheckedInToday.autoRemove = (value) => value !== true;

export const boardFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { byNumber, byText },
  filterFns: { nameSearch, levelIn, hasOpenAlert, notCheckedInToday },
});

const helper = createColumnHelper<typeof boardFeatures, ViewRow>();

/** Column layout: fixed widths (px) so live updates never move a column. */
export interface ColumnLayout {
  /** The column's full name: the visibility menu, sort menu and screen readers. */
  label: string;
  /** The header's visible text when shorter than the label. */
  short?: string;
  /** Width on wide screens; the reason column takes what is left. */
  width?: number;
  /** Shown on phones too (the essential columns). */
  phone?: boolean;
  align?: 'left' | 'right';
}

export const COLUMN_LAYOUT: Record<string, ColumnLayout> = {
  name: { label: 'Athlete', phone: true },
  level: { label: 'Level' },
  score: { label: 'Score', align: 'right' },
  reason: { label: 'Top reason' },
  km7: { label: 'Km in the last 7 days', short: 'Km, 7 days' },
  longest: { label: 'Longest run in 30 days and its 10% ceiling', short: 'Longest, 30 d' },
  pain: { label: 'Morning knee pain and its trend', short: 'Morning pain' },
  lastCheckIn: { label: 'Last check-in' },
  alert: { label: 'Alert', phone: true },
};

/** A header: the short text shown, the full name read out. */
function HeaderLabel({ id }: { id: string }) {
  const layout = COLUMN_LAYOUT[id]!;
  if (!layout.short) return <>{layout.label}</>;
  return (
    <>
      <span aria-hidden="true">{layout.short}</span>
      <span className="sr-only">{layout.label}</span>
    </>
  );
}

export const boardColumns = helper.columns([
  // The default order (design.md §7); never shown, only sorted on.
  helper.accessor('attention', {
    id: 'attention',
    header: 'Attention',
    sortFn: 'byNumber',
    enableHiding: false,
  }),
  helper.accessor('name', {
    id: 'name',
    header: () => <HeaderLabel id="name" />,
    sortFn: 'byText',
    filterFn: 'nameSearch',
    enableHiding: false,
    cell: ({ row }) => <NameCell row={row.original} />,
  }),
  helper.accessor((r) => levelOrder(levelOf(r)), {
    id: 'level',
    header: () => <HeaderLabel id="level" />,
    sortFn: 'byNumber',
    sortDescFirst: true,
    filterFn: 'levelIn',
    cell: ({ row }) => <LevelCell row={row.original} />,
  }),
  helper.accessor((r) => r.score ?? -1, {
    id: 'score',
    header: () => <HeaderLabel id="score" />,
    sortFn: 'byNumber',
    sortDescFirst: true,
    cell: ({ row }) => <ScoreCell row={row.original} />,
  }),
  helper.accessor((r) => reasonText(r), {
    id: 'reason',
    header: () => <HeaderLabel id="reason" />,
    sortFn: 'byText',
    cell: ({ row }) => <ReasonCell row={row.original} />,
  }),
  helper.accessor('km7', {
    id: 'km7',
    header: () => <HeaderLabel id="km7" />,
    sortFn: 'byNumber',
    sortDescFirst: true,
    cell: ({ row }) => <KmCell row={row.original} />,
  }),
  helper.accessor((r) => r.longestRun?.km ?? -1, {
    id: 'longest',
    header: () => <HeaderLabel id="longest" />,
    sortFn: 'byNumber',
    sortDescFirst: true,
    cell: ({ row }) => <LongestCell row={row.original} />,
  }),
  helper.accessor((r) => r.morningPain.latest ?? -1, {
    id: 'pain',
    header: () => <HeaderLabel id="pain" />,
    sortFn: 'byNumber',
    sortDescFirst: true,
    cell: ({ row }) => <PainCell row={row.original} />,
  }),
  // Oldest first when ascending: "who has not checked in" on top; never checked in is oldest.
  helper.accessor((r) => r.lastCheckIn ?? '0000-00-00', {
    id: 'lastCheckIn',
    header: () => <HeaderLabel id="lastCheckIn" />,
    sortFn: 'byText',
    filterFn: 'notCheckedInToday',
    cell: ({ row }) => <CheckInCell row={row.original} />,
  }),
  helper.accessor((r) => alertOrder(r.openAlert), {
    id: 'alert',
    header: () => <HeaderLabel id="alert" />,
    sortFn: 'byNumber',
    sortDescFirst: true,
    filterFn: 'hasOpenAlert',
    cell: ({ row }) => <AlertCell row={row.original} />,
  }),
]);

/** The sort choices of the toolbar's sort menu (also how phones sort: no headers to click). */
export const SORT_CHOICES = [
  { id: 'attention', label: 'Attention first', desc: false },
  { id: 'name', label: 'Name', desc: false },
  { id: 'level', label: 'Level', desc: true },
  { id: 'score', label: 'Score', desc: true },
  { id: 'reason', label: 'Top reason', desc: false },
  { id: 'km7', label: 'Km, 7 days', desc: true },
  { id: 'longest', label: 'Longest run', desc: true },
  { id: 'pain', label: 'Morning pain', desc: true },
  { id: 'lastCheckIn', label: 'Last check-in (oldest first)', desc: false },
  { id: 'alert', label: 'Alert', desc: true },
] as const;
