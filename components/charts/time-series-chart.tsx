'use client';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { cn } from '@/components/ui/utils';
import { readCssColor, useThemeVersion, withAlpha } from './theme-colors';

export type SeriesKind = 'bars' | 'line' | 'step' | 'points' | 'line-points';

export interface ChartSeriesSpec {
  label: string;
  values: (number | null)[];
  kind: SeriesKind;
  /** A CSS custom property of the theme, e.g. `--primary`; resolved for the canvas. */
  color: string;
  /** Canvas dash pattern, so lines differ by more than colour. */
  dash?: number[];
  unit?: string;
  /** Decimals shown in the readout and the table. */
  digits?: number;
  /** Plot against the right-hand axis (`rightRange`) instead of the left one. */
  axis?: 'left' | 'right';
}

export interface TimeSeriesChartProps {
  title: string;
  /** A plain-language summary, read out as the chart's description. */
  summary: string;
  /** Charts with the same key share one cursor (uPlot `cursor.sync`). */
  syncKey: string;
  /** Seconds since the epoch at each day's UTC midnight. */
  x: number[];
  /** The 'YYYY-MM-DD' of each x, for the readout and the table. */
  dates: string[];
  series: ChartSeriesSpec[];
  /** Fixed y range (e.g. 0–10 for pain); omitted: from the data, starting at 0. */
  yRange?: [number, number];
  yLabel: string;
  /** Range of the right-hand axis; shown only when a series uses it. */
  rightRange?: [number, number];
  /** Plot height in CSS pixels, reserved before uPlot loads so nothing shifts. */
  height?: number;
  className?: string;
}

/** Phone readout heights: one 1.25rem line for the date plus one per series. */
const READOUT_HEIGHT: Record<number, string> = {
  1: 'min-h-10',
  2: 'min-h-15',
  3: 'min-h-20',
  4: 'min-h-25',
};

function format(value: number | null | undefined, spec: ChartSeriesSpec): string {
  if (value === null || value === undefined) return '—';
  const text = value.toFixed(spec.digits ?? 0);
  if (!spec.unit) return text;
  return spec.unit.startsWith('/') ? `${text}${spec.unit}` : `${text} ${spec.unit}`;
}

function Swatch({ spec }: { spec: ChartSeriesSpec }) {
  const color = `var(${spec.color})`;
  if (spec.kind === 'bars') {
    return (
      <span
        aria-hidden="true"
        className="inline-block h-3 w-3 rounded-[2px] opacity-70"
        style={{ background: color }}
      />
    );
  }
  if (spec.kind === 'points') {
    return (
      <span
        aria-hidden="true"
        className="inline-block size-2.5 rounded-full"
        style={{ background: color }}
      />
    );
  }
  return (
    <svg aria-hidden="true" width="22" height="10" viewBox="0 0 22 10" className="shrink-0">
      <line
        x1="1"
        y1="5"
        x2="21"
        y2="5"
        stroke={color}
        strokeWidth="2"
        strokeDasharray={spec.dash?.join(' ')}
      />
      {spec.kind === 'line-points' ? <circle cx="11" cy="5" r="3" fill={color} /> : null}
    </svg>
  );
}

/**
 * A small uPlot time-series chart: loaded in the browser only, width from its container
 * (ResizeObserver), colours from the theme's CSS variables (redrawn on light/dark changes), a
 * cursor shared with every chart of the same `syncKey`, its plot height reserved up front. It is
 * an image with a heading and a text summary for assistive tech, and its numbers are in a table
 * under it.
 */
export function TimeSeriesChart({
  title,
  summary,
  syncKey,
  x,
  dates,
  series,
  yRange,
  yLabel,
  rightRange,
  height = 200,
  className,
}: TimeSeriesChartProps) {
  const id = useId();
  const headingId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const plotRef = useRef<HTMLDivElement>(null);
  const themeVersion = useThemeVersion();
  const [cursorIdx, setCursorIdx] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  // The table is built only once opened: four charts × 180 rows would weigh on every render.
  const [tableOpen, setTableOpen] = useState(false);

  const data = useMemo(() => [x, ...series.map((s) => s.values)] as uPlot.AlignedData, [x, series]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: themeVersion is read through getComputedStyle: a theme change must rebuild the chart with the other colours.
  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    let chart: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const fg = readCssColor('--muted-foreground');
      const grid = readCssColor('--border');
      const bars = UPlot.paths.bars?.({ size: [0.7, 24], align: 0 });
      const stepped = UPlot.paths.stepped?.({ align: 1 });
      const hasRight = series.some((s) => s.axis === 'right');
      const axisStyle = {
        stroke: fg,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
        font: '11px ui-sans-serif, system-ui, sans-serif',
      };
      const opts: uPlot.Options = {
        width: Math.max(el.clientWidth, 200),
        height,
        tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { show: false },
        cursor: {
          sync: { key: syncKey, setSeries: false },
          drag: { x: false, y: false, setScale: false },
          points: { size: 7 },
        },
        scales: {
          x: { time: true },
          y: yRange
            ? { range: yRange }
            : { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
          ...(hasRight ? { right: { range: rightRange ?? [0, 1] } } : {}),
        },
        axes: [
          axisStyle,
          { ...axisStyle, size: 44 },
          // The right axis draws no grid of its own: one grid per plot stays readable.
          ...(hasRight
            ? [{ ...axisStyle, scale: 'right', side: 1 as const, size: 36, grid: { show: false } }]
            : []),
        ],
        series: [
          {},
          ...series.map((s): uPlot.Series => {
            const color = readCssColor(s.color);
            const base: uPlot.Series = {
              label: s.label,
              stroke: color,
              width: 2,
              dash: s.dash,
              scale: s.axis === 'right' ? 'right' : 'y',
            };
            switch (s.kind) {
              case 'bars':
                return {
                  ...base,
                  width: 0,
                  fill: withAlpha(color, 0.55),
                  paths: bars,
                  points: { show: false },
                };
              case 'step':
                return { ...base, paths: stepped, points: { show: false } };
              case 'points':
                return {
                  ...base,
                  paths: () => null,
                  points: { show: true, size: 7, fill: color, stroke: color },
                };
              case 'line-points':
                return { ...base, points: { show: true, size: 5, fill: color, stroke: color } };
              default:
                return { ...base, points: { show: false } };
            }
          }),
        ],
        hooks: {
          setCursor: [(u) => setCursorIdx(u.cursor.idx ?? null)],
        },
      };
      chart = new UPlot(opts, data, el);
      observer = new ResizeObserver(() => {
        const width = Math.max(el.clientWidth, 200);
        if (chart && chart.width !== width) chart.setSize({ width, height });
      });
      observer.observe(el);
      setReady(true);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [data, series, height, syncKey, yRange, rightRange, themeVersion]);

  // Without a pointer on the chart, the readout shows the latest day.
  const shownIdx = cursorIdx ?? (dates.length > 0 ? dates.length - 1 : null);

  return (
    <section
      aria-labelledby={headingId}
      className={cn('flex min-w-0 flex-col gap-2 rounded-lg border bg-card p-3 sm:p-4', className)}
    >
      <h3 id={headingId} className="text-base font-semibold">
        {title}
      </h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {series.map((s) => (
          <li key={s.label} className="inline-flex items-center gap-1.5">
            <Swatch spec={s} />
            {s.label}
          </li>
        ))}
      </ul>
      {/* Pointer readout; the same numbers are in the table below, so it is not announced. */}
      {/*
        Pointer readout; the same numbers are in the table below, so it is not announced. One line
        per value on phones and one truncated line from sm up: its height never changes as the
        cursor moves, so nothing below it shifts.
      */}
      <p
        aria-hidden="true"
        className={cn(
          'text-xs leading-5 tabular-nums text-foreground sm:h-5 sm:min-h-0 sm:truncate',
          READOUT_HEIGHT[series.length] ?? 'min-h-25',
        )}
      >
        <span className="block font-medium sm:inline">
          {shownIdx !== null ? dates[shownIdx] : '\u00a0'}
        </span>
        {series.map((s) => (
          <span key={s.label} className="block sm:inline">
            <span className="hidden sm:inline">{' · '}</span>
            {s.label}: {shownIdx !== null ? format(s.values[shownIdx], s) : '—'}
          </span>
        ))}
      </p>
      <div
        ref={plotRef}
        role="img"
        aria-labelledby={headingId}
        aria-describedby={summaryId}
        data-chart-ready={ready ? 'true' : 'false'}
        className="relative w-full overflow-hidden"
        style={{ height }}
      />
      <p id={summaryId} className="sr-only">
        {`${yLabel}. ${summary}`}
      </p>
      <details className="text-sm" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer rounded-sm text-muted-foreground select-none hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring">
          Show the numbers as a table
        </summary>
        {tableOpen ? (
          <Table
            scrollLabel={`${title}: daily values`}
            containerClassName="mt-2 max-h-80 overflow-y-auto"
          >
            <caption className="sr-only">{title}: daily values</caption>
            <THead>
              <Tr>
                <Th>Date</Th>
                {series.map((s) => (
                  <Th key={s.label} className="text-right">
                    {s.label}
                  </Th>
                ))}
              </Tr>
            </THead>
            <TBody>
              {dates
                .map((date, i) => ({ date, i }))
                .reverse()
                .map(({ date, i }) => (
                  <Tr key={date}>
                    <Td className="whitespace-nowrap">{date}</Td>
                    {series.map((s) => (
                      <Td key={s.label} className="text-right whitespace-nowrap">
                        {format(s.values[i], s)}
                      </Td>
                    ))}
                  </Tr>
                ))}
            </TBody>
          </Table>
        ) : null}
      </details>
    </section>
  );
}
