'use client';
import {
  AlertTriangle,
  BellRing,
  CheckCircle2,
  CircleDashed,
  Clock,
  Columns3,
  OctagonAlert,
  Rows3,
  Rows4,
  Search,
  X,
} from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { cn } from '@/components/ui/utils';
import { COLUMN_LAYOUT, SORT_CHOICES } from './board-columns';
import type { LevelCounts } from './board-model';
import {
  type BoardViewState,
  HIDEABLE_COLUMNS,
  isFiltered,
  type LevelFilter,
  type SortColumn,
} from './board-url-state';

const LEVEL_CHIPS: {
  level: LevelFilter;
  word: string;
  Icon: typeof OctagonAlert;
  classes: string;
}[] = [
  {
    level: 'red',
    word: 'Red',
    Icon: OctagonAlert,
    classes: 'text-level-red aria-pressed:bg-level-red-soft aria-pressed:border-level-red/60',
  },
  {
    level: 'amber',
    word: 'Amber',
    Icon: AlertTriangle,
    classes: 'text-level-amber aria-pressed:bg-level-amber-soft aria-pressed:border-level-amber/60',
  },
  {
    level: 'green',
    word: 'Green',
    Icon: CheckCircle2,
    classes: 'text-level-green aria-pressed:bg-level-green-soft aria-pressed:border-level-green/60',
  },
  {
    level: 'none',
    word: 'No data',
    Icon: CircleDashed,
    classes: 'text-muted-foreground aria-pressed:bg-muted aria-pressed:border-input',
  },
];

const chip =
  'inline-flex h-10 items-center gap-1.5 rounded-lg border bg-card px-2.5 text-sm font-medium shadow-xs hover:bg-accent sm:h-9 sm:px-3 aria-pressed:ring-1 aria-pressed:ring-current/30';

function Count({ n }: { n: number }) {
  return <span className="min-w-[2ch] text-right text-base font-semibold tabular-nums">{n}</span>;
}

/**
 * Counts per level at the top, each one a filter toggle; then search, sort, columns and density.
 * Every control writes the URL (the board's state lives there).
 */
export function BoardToolbar({
  view,
  onChange,
  counts,
  shown,
}: {
  view: BoardViewState;
  onChange: (patch: Partial<BoardViewState>) => void;
  counts: LevelCounts;
  /** Rows after filters and search. */
  shown: number;
}) {
  const toggleLevel = (level: LevelFilter) =>
    onChange({
      levels: view.levels.includes(level)
        ? view.levels.filter((l) => l !== level)
        : [...view.levels, level],
    });
  const sortValue = `${view.sort.id}.${view.sort.desc ? 'desc' : 'asc'}`;

  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Counts per level; each one filters the board</legend>
        {LEVEL_CHIPS.map(({ level, word, Icon, classes }) => (
          <button
            key={level}
            type="button"
            aria-pressed={view.levels.includes(level)}
            onClick={() => toggleLevel(level)}
            className={cn(chip, classes)}
          >
            <Icon aria-hidden="true" className="size-4" />
            <span className="text-foreground">{word}</span>
            <Count n={counts[level]} />
          </button>
        ))}
        <button
          type="button"
          aria-pressed={view.openAlertsOnly}
          onClick={() => onChange({ openAlertsOnly: !view.openAlertsOnly })}
          className={cn(chip, 'text-foreground aria-pressed:bg-primary-soft')}
        >
          <BellRing aria-hidden="true" className="size-4 text-primary" />
          Open alerts
          <Count n={counts.openAlerts} />
        </button>
        <button
          type="button"
          aria-pressed={view.notCheckedInOnly}
          onClick={() => onChange({ notCheckedInOnly: !view.notCheckedInOnly })}
          className={cn(chip, 'text-foreground aria-pressed:bg-primary-soft')}
        >
          <Clock aria-hidden="true" className="size-4 text-level-amber" />
          <span className="sm:hidden">Not today</span>
          <span className="hidden sm:inline">Not checked in today</span>
          <Count n={counts.notCheckedIn} />
        </button>
      </fieldset>

      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-1 basis-48 sm:max-w-72">
          <label htmlFor="squad-search" className="sr-only">
            Search athletes by name
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="squad-search"
            type="search"
            value={view.query}
            placeholder="Search athletes"
            autoComplete="off"
            onChange={(e) => onChange({ query: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && view.query) {
                e.preventDefault();
                onChange({ query: '' });
              }
            }}
            className="pl-9"
          />
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor="squad-sort" className="text-sm text-muted-foreground">
            Sort
          </label>
          <Select
            id="squad-sort"
            value={sortValue}
            containerClassName="w-auto"
            className="w-52"
            onChange={(e) => {
              const [id, dir] = e.target.value.split('.');
              onChange({ sort: { id: id as SortColumn, desc: dir === 'desc' } });
            }}
          >
            {SORT_CHOICES.map((c) => (
              <option key={c.id} value={`${c.id}.${c.desc ? 'desc' : 'asc'}`}>
                {c.label}
              </option>
            ))}
            {/* A header click can pick the other direction; keep it selectable here too. */}
            {SORT_CHOICES.some((c) => `${c.id}.${c.desc ? 'desc' : 'asc'}` === sortValue) ? null : (
              <option value={sortValue}>
                {SORT_CHOICES.find((c) => c.id === view.sort.id)?.label ?? view.sort.id} (
                {view.sort.desc ? 'descending' : 'ascending'})
              </option>
            )}
          </Select>
        </div>
        {/* Phones show a fixed set of essential columns at one density: no need for these. */}
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" className="hidden h-10 sm:h-9 md:inline-flex">
              <Columns3 aria-hidden="true" />
              Columns
              {view.hidden.length > 0 ? (
                <span className="text-muted-foreground">({view.hidden.length} hidden)</span>
              ) : null}
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <DropdownMenuLabel>Show columns</DropdownMenuLabel>
            {HIDEABLE_COLUMNS.map((id) => (
              <DropdownMenuCheckboxItem
                key={id}
                checked={!view.hidden.includes(id)}
                onSelect={(e) => e.preventDefault()}
                onCheckedChange={(checked) =>
                  onChange({
                    hidden: checked ? view.hidden.filter((h) => h !== id) : [...view.hidden, id],
                  })
                }
              >
                {COLUMN_LAYOUT[id]?.label ?? id}
              </DropdownMenuCheckboxItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
        <fieldset className="hidden rounded-lg border bg-muted p-0.5 md:flex">
          <legend className="sr-only">Row density</legend>
          {(
            [
              ['comfortable', 'Comfortable', Rows3],
              ['compact', 'Compact', Rows4],
            ] as const
          ).map(([value, word, Icon]) => (
            <button
              key={value}
              type="button"
              aria-pressed={view.density === value}
              onClick={() => onChange({ density: value })}
              className="inline-flex h-9 items-center gap-1.5 rounded-md px-2.5 text-sm text-muted-foreground aria-pressed:bg-card aria-pressed:text-foreground aria-pressed:shadow-xs sm:h-8"
            >
              <Icon aria-hidden="true" className="size-4" />
              {word}
            </button>
          ))}
        </fieldset>
        {isFiltered(view) ? (
          <Button
            variant="ghost"
            size="sm"
            className="h-10 sm:h-9"
            onClick={() =>
              onChange({ levels: [], openAlertsOnly: false, notCheckedInOnly: false, query: '' })
            }
          >
            <X aria-hidden="true" />
            Clear filters
          </Button>
        ) : null}
        <p className="ml-auto text-sm text-muted-foreground tabular-nums" aria-live="polite">
          {shown === counts.total
            ? `${counts.total} athletes`
            : `${shown} of ${counts.total} athletes`}
        </p>
      </div>
    </div>
  );
}
