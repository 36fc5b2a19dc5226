'use client';
import 'uplot/dist/uPlot.min.css';
import * as React from 'react';
import type uPlot from 'uplot';
import { type SeriesDay, shortDate, tickIndexes } from './progress-summary';

const HEIGHT = 240;
const FONT = '12px ui-sans-serif, system-ui, sans-serif';

/** Canvas cannot use `var(--x)`: read the resolved theme colours from <html>. */
function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function withAlpha(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = Number.parseInt(m[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** The legend: each series differs by shape (bar, solid line with dots, dashed line), not colour alone. */
const LEGEND = [
  { key: 'km', label: 'Distance (km, left axis)', color: '--primary', kind: 'bar' },
  {
    key: 'morning',
    label: 'Knee pain in the morning (0–10, right axis)',
    color: '--level-amber',
    kind: 'solid',
  },
  {
    key: 'during',
    label: 'Knee pain during the run (0–10, right axis)',
    color: '--level-red',
    kind: 'dashed',
  },
] as const;

function Swatch({ kind, color }: { kind: 'bar' | 'solid' | 'dashed'; color: string }) {
  if (kind === 'bar') {
    return (
      <span
        aria-hidden="true"
        className="inline-block size-3 shrink-0 rounded-[2px] opacity-60"
        style={{ background: `var(${color})` }}
      />
    );
  }
  return (
    <svg aria-hidden="true" width="24" height="10" viewBox="0 0 24 10" className="shrink-0">
      <line
        x1="1"
        y1="5"
        x2="23"
        y2="5"
        stroke={`var(${color})`}
        strokeWidth="2"
        strokeDasharray={kind === 'dashed' ? '5 3' : undefined}
      />
      {kind === 'solid' ? <circle cx="12" cy="5" r="3" fill={`var(${color})`} /> : null}
      {kind === 'dashed' ? <rect x="9" y="2" width="6" height="6" fill={`var(${color})`} /> : null}
    </svg>
  );
}

/**
 * Daily km (bars, left axis) with morning knee pain and pain during the run (lines, right axis
 * 0–10) over the given days. uPlot is loaded in the browser only; the box keeps its height
 * before and after, so nothing below it moves. The canvas is described by `describedBy` (a text
 * summary) and the same numbers are in tables next to it.
 */
export function ProgressChart({
  days,
  label,
  describedBy,
}: {
  days: SeriesDay[];
  label: string;
  describedBy?: string;
}) {
  const boxRef = React.useRef<HTMLDivElement>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    const box = boxRef.current;
    if (!box || days.length === 0) return;
    let plot: uPlot | null = null;
    let cancelled = false;
    let resize: ResizeObserver | null = null;
    let theme: MutationObserver | null = null;

    const xs = days.map((_, i) => i);
    const data: uPlot.AlignedData = [
      xs,
      days.map((d) => (d.checkedIn ? d.km : null)),
      days.map((d) => d.morningPain),
      days.map((d) => d.painDuring),
    ];

    function options(UPlot: typeof uPlot, width: number): uPlot.Options {
      const text = cssColor('--muted-foreground', '#526077');
      const grid = cssColor('--border', '#e2e8f0');
      const primary = cssColor('--primary', '#2456d6');
      const amber = cssColor('--level-amber', '#9a4a06');
      const red = cssColor('--level-red', '#b42323');
      const axis = {
        stroke: text,
        font: FONT,
        labelFont: FONT,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
      };
      const bars = UPlot.paths.bars?.({ size: [0.7, 12], align: 0 });
      return {
        width,
        height: HEIGHT,
        legend: { show: false },
        cursor: { y: false, points: { size: 7 } },
        scales: {
          x: { time: false, range: [-0.5, days.length - 0.5] },
          km: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil((max ?? 0) * 1.1))] },
          pain: { range: [0, 10] },
        },
        axes: [
          {
            ...axis,
            // About one date label per 80 px, so labels never run into each other on a phone.
            splits: (u) =>
              tickIndexes(
                days.length,
                Math.max(7, Math.ceil(days.length / Math.max(2, Math.floor((u.width - 80) / 80)))),
              ),
            values: (_u, splits) => splits.map((i) => (days[i] ? shortDate(days[i]!.date) : '')),
            grid: { show: false },
          },
          { ...axis, scale: 'km', label: 'km', labelSize: 18, size: 40 },
          {
            ...axis,
            scale: 'pain',
            side: 1,
            label: 'Pain (0–10)',
            labelSize: 18,
            size: 36,
            splits: () => [0, 2, 4, 6, 8, 10],
            grid: { show: false },
          },
        ],
        series: [
          { label: 'Day' },
          {
            label: 'km',
            scale: 'km',
            stroke: primary,
            fill: withAlpha(primary, 0.45),
            width: 0,
            paths: bars,
            points: { show: false },
          },
          {
            label: 'Morning pain',
            scale: 'pain',
            stroke: amber,
            width: 2,
            spanGaps: true,
            points: { show: true, size: 5, fill: amber },
          },
          {
            label: 'Pain during run',
            scale: 'pain',
            stroke: red,
            width: 2,
            dash: [6, 4],
            spanGaps: true,
            points: { show: true, size: 6, fill: red, stroke: red },
          },
        ],
      };
    }

    import('uplot')
      .then(({ default: UPlot }) => {
        if (cancelled) return;
        const build = () => {
          plot?.destroy();
          box.replaceChildren();
          plot = new UPlot(options(UPlot, Math.max(200, box.clientWidth)), data, box);
        };
        build();
        resize = new ResizeObserver(() => {
          const width = Math.max(200, box.clientWidth);
          if (plot && Math.abs(plot.width - width) > 1) plot.setSize({ width, height: HEIGHT });
        });
        resize.observe(box);
        // Light ⇄ dark: the theme script toggles a class on <html>; redraw with the new colours.
        theme = new MutationObserver(build);
        theme.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
      })
      .catch(() => setFailed(true));

    return () => {
      cancelled = true;
      resize?.disconnect();
      theme?.disconnect();
      plot?.destroy();
    };
  }, [days]);

  return (
    <figure className="flex flex-col gap-2">
      <div
        ref={boxRef}
        role="img"
        aria-label={label}
        aria-describedby={describedBy}
        data-testid="progress-chart"
        className="w-full overflow-hidden"
        style={{ height: HEIGHT }}
      >
        {failed ? (
          <p className="p-4 text-sm text-muted-foreground">
            The chart could not be drawn; the same numbers are in the tables below.
          </p>
        ) : null}
      </div>
      <figcaption>
        <ul className="flex flex-col gap-1 text-sm text-muted-foreground sm:flex-row sm:flex-wrap sm:gap-x-5">
          {LEGEND.map((l) => (
            <li key={l.key} className="flex items-center gap-2">
              <Swatch kind={l.kind} color={l.color} />
              {l.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
