'use client';
/**
 * The live squad board (design.md §2 item 4, §4 squad table contract, §7): a TanStack Table v9
 * of the team's athletes, attention first, with counts, filters, search, column visibility and
 * density kept in the URL; keyboard navigation; rows that update in place and briefly highlight;
 * an order that holds still while the coach's pointer or focus is in the table; virtualised rows
 * above 200 athletes.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ColumnFiltersState,
  type ColumnVisibilityState,
  FlexRender,
  functionalUpdate,
  type Row,
  type SortingState,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown, ListRestart, RefreshCw, Users } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { EmptyState } from '@/components/shell/empty-state';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toaster';
import { cn } from '@/components/ui/utils';
import { boardColumns, boardFeatures, COLUMN_LAYOUT } from './board-columns';
import { BoardContext, type BoardContextValue } from './board-context';
import {
  type BoardAlert,
  type BoardData,
  countLevels,
  holdOrder,
  levelOf,
  toViewRows,
  type ViewRow,
} from './board-model';
import { BoardToolbar } from './board-toolbar';
import {
  type BoardViewState,
  HIDEABLE_COLUMNS,
  parseViewState,
  type SortColumn,
  writeViewState,
} from './board-url-state';
import { LiveIndicator } from './live-indicator';
import { changedSince, flashStore } from './live-store';
import { NotifyButton } from './notify-button';
import { useUnseenReds } from './red-alerts';
import { useConnectionState, useLiveBoard } from './use-live-board';

/** Up to this many rows all stay in the DOM (design.md §4); above it rows are virtualised. */
export const VIRTUALISE_ABOVE = 200;

const ROW_HEIGHT = { comfortable: 64, compact: 44 } as const;
/** Phones stack the athlete cell (name, level, reason, check-in) into one taller row. */
const PHONE_ROW_HEIGHT = 84;

/** Width classes per column: fixed on wide screens so live updates never move a column. */
const WIDTH: Record<string, string> = {
  name: 'md:w-[176px]',
  level: 'w-[116px]',
  score: 'w-[72px]',
  reason: '',
  km7: 'w-[124px]',
  longest: 'w-[132px]',
  pain: 'w-[116px]',
  lastCheckIn: 'w-[120px]',
  alert: 'w-[128px] md:w-[172px]',
};

const phoneHidden = (columnId: string) => !COLUMN_LAYOUT[columnId]?.phone;

function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(new Date());
      timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
    };
    timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
    return () => clearTimeout(timer);
  }, []);
  return now;
}

/** The view state lives in the URL; updates replace the entry (no history spam, no reload). */
function useViewState(): [BoardViewState, (patch: Partial<BoardViewState>) => void] {
  const params = useSearchParams();
  const view = useMemo(() => parseViewState(new URLSearchParams(params.toString())), [params]);
  const update = useCallback((patch: Partial<BoardViewState>) => {
    const current = new URLSearchParams(window.location.search);
    const next = writeViewState({ ...parseViewState(current), ...patch }, current).toString();
    // `null` state: Next.js syncs useSearchParams only with history calls that are not its own
    // (a state carrying its `__NA` marker is taken as internal); it copies its state over itself.
    window.history.replaceState(null, '', next ? `?${next}` : window.location.pathname);
  }, []);
  return [view, update];
}

/** View rows with stable identities for rows whose data did not change. */
function useViewRows(board: BoardData | undefined, now: Date): ViewRow[] {
  const previous = useRef<Map<string, ViewRow>>(new Map());
  return useMemo(() => {
    if (!board) return [];
    const rows = toViewRows(board.rows, now, previous.current);
    previous.current = new Map(rows.map((r) => [r.athleteId, r]));
    return rows;
  }, [board, now]);
}

export interface SquadBoardProps {
  teamId: string;
  teamName: string;
  viewerId: string;
  /** Names of every team the coach coaches (toasts name the team of a red elsewhere). */
  teamNames: Record<string, string>;
}

export function SquadBoard({ teamId, teamName, viewerId, teamNames }: SquadBoardProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.squad.board.queryOptions({ teamId }));
  useLiveBoard({ teamId, board: query.data, teamNames });
  const connection = useConnectionState();
  useUnseenReds();
  const now = useMinuteClock();
  const [view, setView] = useViewState();
  const rows = useViewRows(query.data, now);
  const counts = useMemo(() => countLevels(rows), [rows]);

  // Acknowledge: optimistic, rolled back on failure; other coaches see it via alert:update.
  const [acknowledging, setAcknowledging] = useState<ReadonlySet<string>>(new Set());
  const boardKey = trpc.squad.board.queryKey({ teamId });
  const acknowledgeMutation = useMutation(
    trpc.alerts.acknowledge.mutationOptions({
      onMutate: async (input) => {
        setAcknowledging((s) => new Set(s).add(input.alertId));
        await queryClient.cancelQueries({ queryKey: boardKey, exact: true });
        const at = new Date().toISOString();
        queryClient.setQueryData<BoardData>(boardKey, (board) =>
          board
            ? {
                ...board,
                rows: board.rows.map((r) =>
                  r.openAlert?.id === input.alertId && r.openAlert.state === 'new'
                    ? {
                        ...r,
                        openAlert: {
                          ...r.openAlert,
                          state: 'acknowledged',
                          acknowledgedBy: { userId: viewerId, name: null, at },
                        },
                      }
                    : r,
                ),
              }
            : board,
        );
      },
      onError: (error, input) => {
        // Roll back only our optimistic mark: a later event may have changed the alert since.
        queryClient.setQueryData<BoardData>(boardKey, (board) =>
          board
            ? {
                ...board,
                rows: board.rows.map((r) =>
                  r.openAlert?.id === input.alertId &&
                  r.openAlert.state === 'acknowledged' &&
                  r.openAlert.acknowledgedBy?.userId === viewerId
                    ? { ...r, openAlert: { ...r.openAlert, state: 'new', acknowledgedBy: null } }
                    : r,
                ),
              }
            : board,
        );
        const conflict = error.data?.code === 'CONFLICT' || error.data?.code === 'NOT_FOUND';
        toast({
          variant: conflict ? 'info' : 'destructive',
          title: conflict ? 'This alert has already moved on' : 'Could not acknowledge the alert',
          description: conflict
            ? 'Another coach acknowledged or resolved it; the board is being refreshed.'
            : error.message,
        });
        if (conflict) void queryClient.invalidateQueries({ queryKey: boardKey, exact: true });
      },
      onSettled: (_data, _error, input) => {
        setAcknowledging((s) => {
          const next = new Set(s);
          next.delete(input.alertId);
          return next;
        });
      },
    }),
  );
  const acknowledge = useCallback(
    (_row: ViewRow, alert: BoardAlert) => acknowledgeMutation.mutate({ teamId, alertId: alert.id }),
    [acknowledgeMutation.mutate, teamId],
  );
  const context = useMemo<BoardContextValue>(
    () => ({ teamId, viewerId, acknowledge, acknowledging }),
    [teamId, viewerId, acknowledge, acknowledging],
  );

  const sorting = useMemo<SortingState>(() => [view.sort], [view.sort]);
  const columnFilters = useMemo<ColumnFiltersState>(() => {
    const filters: ColumnFiltersState = [];
    if (view.query.trim()) filters.push({ id: 'name', value: view.query });
    if (view.levels.length) filters.push({ id: 'level', value: view.levels });
    if (view.openAlertsOnly) filters.push({ id: 'alert', value: true });
    if (view.notCheckedInOnly) filters.push({ id: 'lastCheckIn', value: true });
    return filters;
  }, [view.query, view.levels, view.openAlertsOnly, view.notCheckedInOnly]);
  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => ({
      attention: false,
      ...Object.fromEntries(HIDEABLE_COLUMNS.map((c) => [c, !view.hidden.includes(c)])),
    }),
    [view.hidden],
  );

  const table = useTable({
    features: boardFeatures,
    columns: boardColumns,
    data: rows,
    getRowId: (row) => row.athleteId,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, columnFilters, columnVisibility },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) setView({ sort: { id: next.id as SortColumn, desc: next.desc } });
    },
    onColumnFiltersChange: () => {
      // Filters are written by the toolbar into the URL; the table only reads them.
    },
    onColumnVisibilityChange: (updater) => {
      const next = functionalUpdate(updater, columnVisibility);
      setView({ hidden: HIDEABLE_COLUMNS.filter((c) => next[c] === false) });
    },
  });

  if (query.isPending) return <BoardSkeleton />;
  if (query.isError) {
    return (
      <Alert variant="destructive">
        <AlertTitle>Could not load the squad</AlertTitle>
        <AlertDescription className="flex flex-wrap items-center gap-3">
          {query.error.message}
          <Button variant="outline" size="sm" onClick={() => void query.refetch()}>
            <RefreshCw aria-hidden="true" />
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<Users />}
        title="No athletes on this team yet"
        description="When athletes join the team with its invitation link, they appear here."
      />
    );
  }

  const shown = table.getRowModel().rows.length;
  return (
    <BoardContext.Provider value={context}>
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <LiveIndicator state={connection} />
          <NotifyButton />
        </div>
        <BoardToolbar view={view} onChange={setView} counts={counts} shown={shown} />
        <BoardTable
          table={table}
          view={view}
          teamId={teamId}
          teamName={teamName}
          onClearFilters={() =>
            setView({ levels: [], openAlertsOnly: false, notCheckedInOnly: false, query: '' })
          }
          onSort={(id, desc) => setView({ sort: { id, desc } })}
        />
      </div>
    </BoardContext.Provider>
  );
}

type BoardTableInstance = ReturnType<typeof useTable<typeof boardFeatures, ViewRow>>;

function BoardTable({
  table,
  view,
  teamId,
  teamName,
  onClearFilters,
  onSort,
}: {
  table: BoardTableInstance;
  view: BoardViewState;
  teamId: string;
  teamName: string;
  onClearFilters: () => void;
  onSort: (id: SortColumn, desc: boolean) => void;
}) {
  const flashes = useSyncExternalStore(
    flashStore.subscribe,
    () => flashStore.snapshot(teamId),
    () => flashStore.snapshot(teamId),
  );

  // ---- Hold the order while the pointer or focus is in the table -----------------------------
  const [pointerInside, setPointerInside] = useState(false);
  const [focusInside, setFocusInside] = useState(false);
  const interacting = pointerInside || focusInside;
  const fresh = table.getRowModel().rows;
  const freshIds = useMemo(() => fresh.map((r) => r.id), [fresh]);
  const core = table.getCoreRowModel();
  const viewKey = `${view.sort.id}.${view.sort.desc}|${view.levels.join()}|${view.openAlertsOnly}|${view.notCheckedInOnly}|${view.query}`;
  const [held, setHeld] = useState<{
    ids: string[];
    viewKey: string;
    flashes: ReadonlyMap<string, number>;
  } | null>(null);
  const displayedRef = useRef<string[]>(freshIds);

  const holding = interacting && held !== null && held.viewKey === viewKey;
  const order = holding
    ? holdOrder(held.ids, freshIds, new Set(Object.keys(core.rowsById)))
    : { ids: freshIds, pending: false };
  displayedRef.current = order.ids;
  const changed = holding ? changedSince(held.flashes, flashes).length : 0;

  useEffect(() => {
    if (!interacting) {
      setHeld(null);
      return;
    }
    // Start holding what is on screen; a change of sort, filter or search (the coach's own
    // action) re-sorts at once and holds the new order.
    setHeld((h) =>
      h && h.viewKey === viewKey
        ? h
        : { ids: displayedRef.current, viewKey, flashes: flashStore.snapshot(teamId) },
    );
  }, [interacting, viewKey, teamId]);

  const resort = () => setHeld({ ids: freshIds, viewKey, flashes: flashStore.snapshot(teamId) });

  const displayRows = order.ids
    .map((id) => core.rowsById[id])
    .filter((r): r is Row<typeof boardFeatures, ViewRow> => r !== undefined);

  // ---- Virtualisation above 200 rows -----------------------------------------------------------
  const virtual = displayRows.length > VIRTUALISE_ABOVE;
  const scrollRef = useRef<HTMLElement>(null);
  const isPhone = useMediaQuery('(max-width: 767px)');
  const estimate = isPhone ? PHONE_ROW_HEIGHT : ROW_HEIGHT[view.density];
  const virtualizer = useVirtualizer({
    count: virtual ? displayRows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    getItemKey: (index) => displayRows[index]?.id ?? index,
    overscan: 8,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const paddingTop = virtual && items.length ? items[0]!.start : 0;
  const paddingBottom =
    virtual && items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const rendered = virtual
    ? items.map((item) => ({ row: displayRows[item.index]!, index: item.index }))
    : displayRows.map((row, index) => ({ row, index }));

  // ---- Keyboard: arrows move between rows (roving tabindex on the name links) ------------------
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const activeRef = useRef<string | null>(null);
  const focusRow = useCallback(
    (index: number) => {
      const row = displayRows[index];
      if (!row) return;
      const focus = () => {
        const link = tbodyRef.current?.querySelector<HTMLAnchorElement>(
          `tr[data-athlete-id="${CSS.escape(row.id)}"] a[data-row-link]`,
        );
        if (!link) return false;
        activeRef.current = row.id;
        for (const other of tbodyRef.current!.querySelectorAll('a[data-row-link][tabindex="0"]')) {
          if (other !== link) other.setAttribute('tabindex', '-1');
        }
        link.setAttribute('tabindex', '0');
        link.focus();
        return true;
      };
      if (focus()) return;
      if (virtual) {
        virtualizer.scrollToIndex(index, { align: 'auto' });
        requestAnimationFrame(() => requestAnimationFrame(() => focus()));
      }
    },
    [displayRows, virtual, virtualizer],
  );

  // Exactly one row link is in the tab order: the last focused one if shown, else the first.
  useEffect(() => {
    const body = tbodyRef.current;
    if (!body) return;
    const links = body.querySelectorAll<HTMLAnchorElement>('a[data-row-link]');
    if (links.length === 0) return;
    const active = activeRef.current
      ? body.querySelector<HTMLAnchorElement>(
          `tr[data-athlete-id="${CSS.escape(activeRef.current)}"] a[data-row-link]`,
        )
      : null;
    const target = active ?? links[0]!;
    for (const link of links) link.setAttribute('tabindex', link === target ? '0' : '-1');
  });

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const tr = (e.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-athlete-id]');
    if (!tr) return;
    const index = displayRows.findIndex((r) => r.id === tr.dataset.athleteId);
    if (index < 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / estimate) - 1);
    const target =
      e.key === 'ArrowDown' || e.key === 'j'
        ? index + 1
        : e.key === 'ArrowUp' || e.key === 'k'
          ? index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? displayRows.length - 1
              : e.key === 'PageDown'
                ? Math.min(displayRows.length - 1, index + page)
                : e.key === 'PageUp'
                  ? Math.max(0, index - page)
                  : null;
    if (target === null || target < 0 || target >= displayRows.length) return;
    e.preventDefault();
    focusRow(target);
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const visibleIds = headers.map((h) => h.column.id);
  const visibleKey = visibleIds.join();

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: listens only, to hold the order while the coach points or focuses here
    <div
      className="flex flex-col gap-2"
      onPointerEnter={(e) => {
        if (e.pointerType === 'mouse' || e.pointerType === 'pen') setPointerInside(true);
      }}
      onPointerLeave={() => setPointerInside(false)}
      onFocus={() => setFocusInside(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusInside(false);
      }}
    >
      {/* A reserved line, so the chip appearing never pushes the table down. */}
      <div className="flex h-9 items-center gap-2" aria-live="polite">
        {order.pending ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={resort}
            className="h-8 rounded-full border border-primary/30 bg-primary-soft text-foreground"
          >
            <ListRestart aria-hidden="true" />
            {changed > 0
              ? `${changed} ${changed === 1 ? 'row' : 'rows'} changed — re-sort`
              : 'Order changed — re-sort'}
          </Button>
        ) : (
          <p className="hidden text-xs text-muted-foreground md:block">
            Tip: ↑ ↓ move between athletes, Enter opens one. The order holds still while you point
            at the table.
          </p>
        )}
      </div>
      <section
        ref={scrollRef}
        aria-label={`Athletes of ${teamName}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        data-virtualised={virtual ? 'true' : 'false'}
        className={cn(
          'relative w-full overflow-x-auto rounded-lg border bg-card',
          virtual && 'max-h-[calc(100dvh-12rem)] min-h-96 overflow-y-auto',
        )}
      >
        <table
          data-density={view.density}
          className="group/board w-full table-fixed border-collapse text-sm tabular-nums md:min-w-[1180px]"
        >
          <caption className="sr-only">
            Athletes of {teamName}, {describeSort(view)}. Use the up and down arrow keys to move
            between athletes.
          </caption>
          <colgroup>
            {visibleIds.map((id) => (
              <col
                key={id}
                className={cn(WIDTH[id], phoneHidden(id) && 'hidden md:table-column')}
              />
            ))}
          </colgroup>
          <thead className={cn('border-b bg-muted/60', virtual && 'sticky top-0 z-10 bg-muted')}>
            <tr>
              {headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const align = COLUMN_LAYOUT[column.id]?.align === 'right';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                    className={cn(
                      'h-10 px-2 text-left align-middle text-xs font-medium whitespace-nowrap text-muted-foreground first:pl-4 last:pr-4',
                      align && 'text-right',
                      phoneHidden(column.id) && 'hidden md:table-cell',
                    )}
                  >
                    <button
                      type="button"
                      onClick={() =>
                        onSort(
                          column.id as SortColumn,
                          sorted ? sorted === 'asc' : column.getFirstSortDir() === 'desc',
                        )
                      }
                      className={cn(
                        'inline-flex max-w-full items-center gap-1 rounded-sm hover:text-foreground',
                        sorted && 'text-foreground',
                        align && 'flex-row-reverse',
                      )}
                    >
                      <span className="truncate">
                        <FlexRender header={header} />
                      </span>
                      {sorted === 'asc' ? (
                        <ArrowUp aria-hidden="true" className="size-3.5 shrink-0" />
                      ) : sorted === 'desc' ? (
                        <ArrowDown aria-hidden="true" className="size-3.5 shrink-0" />
                      ) : (
                        <ArrowUpDown aria-hidden="true" className="size-3.5 shrink-0 opacity-50" />
                      )}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody ref={tbodyRef} onKeyDown={onKeyDown}>
            {paddingTop > 0 ? (
              <tr data-spacer="">
                <td colSpan={visibleIds.length} style={{ height: paddingTop, padding: 0 }} />
              </tr>
            ) : null}
            {rendered.map(({ row, index }) => (
              <BoardRow
                key={row.id}
                row={row}
                original={row.original}
                index={index}
                visibleKey={visibleKey}
                density={view.density}
                flash={flashes.get(row.id) ?? 0}
                measure={virtual ? virtualizer.measureElement : undefined}
              />
            ))}
            {paddingBottom > 0 ? (
              <tr data-spacer="">
                <td colSpan={visibleIds.length} style={{ height: paddingBottom, padding: 0 }} />
              </tr>
            ) : null}
            {displayRows.length === 0 ? (
              <tr>
                <td colSpan={visibleIds.length} className="px-4 py-10 text-center">
                  <p className="font-medium">No athletes match these filters.</p>
                  <Button variant="link" onClick={onClearFilters} className="mt-1">
                    Clear filters
                  </Button>
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function describeSort(view: BoardViewState): string {
  if (view.sort.id === 'attention') {
    return 'attention first: open red alerts, red, amber, not checked in today, then green';
  }
  const label = COLUMN_LAYOUT[view.sort.id]?.label ?? view.sort.id;
  return `sorted by ${label.toLowerCase()}, ${view.sort.desc ? 'descending' : 'ascending'}`;
}

const HIGHLIGHT_MS = 2200;

/**
 * One athlete. Memoised on its data, visible columns, density and highlight token, so a live
 * update re-renders only the row it touched.
 */
const BoardRow = memo(
  function BoardRow({
    row,
    index,
    density,
    flash,
    measure,
  }: {
    row: Row<typeof boardFeatures, ViewRow>;
    original: ViewRow;
    index: number;
    visibleKey: string;
    density: BoardViewState['density'];
    flash: number;
    measure?: (node: HTMLTableRowElement | null) => void;
  }) {
    const [highlight, setHighlight] = useState(false);
    const firstFlash = useRef(flash);
    useEffect(() => {
      if (flash === firstFlash.current) return;
      setHighlight(false);
      // Next frame, so a second update within the highlight restarts the animation.
      const raf = requestAnimationFrame(() => setHighlight(true));
      const timer = setTimeout(() => setHighlight(false), HIGHLIGHT_MS);
      return () => {
        cancelAnimationFrame(raf);
        clearTimeout(timer);
      };
    }, [flash]);
    const r = row.original;
    return (
      <tr
        ref={measure}
        data-index={index}
        data-athlete-id={r.athleteId}
        data-level={levelOf(r)}
        data-not-checked-in={r.checkedInToday ? undefined : 'true'}
        data-updated={highlight ? 'true' : undefined}
        className={cn(
          'border-b transition-colors last:border-0 hover:bg-muted/60 focus-within:bg-muted/60',
          'data-[updated=true]:motion-safe:animate-[row-flash_2.2s_ease-out] data-[updated=true]:motion-reduce:bg-[var(--row-flash)]',
          density === 'compact' ? 'h-[84px] md:h-11' : 'h-[84px] md:h-16',
        )}
      >
        {row.getVisibleCells().map((cell) => {
          const id = cell.column.id;
          const hideOnPhone = phoneHidden(id);
          const align = COLUMN_LAYOUT[id]?.align === 'right';
          const classes = cn(
            'overflow-hidden px-2 py-1.5 align-middle first:pl-4 last:pr-4',
            align && 'text-right',
            hideOnPhone && 'hidden md:table-cell',
          );
          return id === 'name' ? (
            <th key={cell.id} scope="row" className={cn(classes, 'text-left font-normal')}>
              <FlexRender cell={cell} />
            </th>
          ) : (
            <td key={cell.id} className={classes}>
              <FlexRender cell={cell} />
            </td>
          );
        })}
      </tr>
    );
  },
  (a, b) =>
    a.original === b.original &&
    a.visibleKey === b.visibleKey &&
    a.density === b.density &&
    a.flash === b.flash &&
    a.index === b.index &&
    a.measure === b.measure,
);

function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

function BoardSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the squad…
      </p>
      <Skeleton className="h-8 w-28 rounded-full" />
      <div className="flex flex-wrap gap-2">
        {['a', 'b', 'c', 'd', 'e', 'f'].map((k) => (
          <Skeleton key={k} className="h-9 w-28" />
        ))}
      </div>
      <Skeleton className="h-10 w-full sm:w-96" />
      <div className="flex flex-col gap-1 rounded-lg border bg-card p-2">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
          <Skeleton key={i} className="h-14 w-full" />
        ))}
      </div>
    </div>
  );
}
