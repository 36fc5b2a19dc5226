'use client';
import { useMemo } from 'react';
import { type ChartSeriesSpec, TimeSeriesChart } from '@/components/charts/time-series-chart';
import { type DailyRow, PAIN_LIMIT, summarise } from './daily-series';

/**
 * The four drill-down charts, one shared cursor: daily km against the longest run of the last 30
 * days and its 10% ceiling; daily load with the acute and chronic averages; morning pain and pain
 * during runs against the 5/10 limit; wellness with sleep.
 */
export function AthleteCharts({ rows, syncKey }: { rows: DailyRow[]; syncKey: string }) {
  const { x, dates, charts } = useMemo(() => {
    const col = <K extends keyof DailyRow>(key: K) => rows.map((r) => r[key]);
    const summaries = summarise(rows);
    const limit = rows.map(() => PAIN_LIMIT);
    const distance: ChartSeriesSpec[] = [
      {
        label: 'Distance',
        values: col('km') as (number | null)[],
        kind: 'bars',
        color: '--primary',
        unit: 'km',
        digits: 1,
      },
      {
        label: 'Longest run, last 30 days',
        values: col('longest30') as (number | null)[],
        kind: 'step',
        color: '--muted-foreground',
        unit: 'km',
        digits: 1,
      },
      {
        label: '10% ceiling',
        values: col('ceiling') as (number | null)[],
        kind: 'step',
        color: '--level-amber',
        dash: [6, 4],
        unit: 'km',
        digits: 1,
      },
    ];
    const load: ChartSeriesSpec[] = [
      {
        label: 'Load (effort × min)',
        values: col('load') as (number | null)[],
        kind: 'bars',
        color: '--primary',
      },
      {
        label: 'Acute (7-day)',
        values: col('acute') as (number | null)[],
        kind: 'line',
        color: '--level-amber',
      },
      {
        label: 'Chronic (28-day)',
        values: col('chronic') as (number | null)[],
        kind: 'line',
        color: '--level-green',
        dash: [6, 4],
      },
    ];
    const pain: ChartSeriesSpec[] = [
      {
        label: 'Morning pain',
        values: col('morningPain') as (number | null)[],
        kind: 'line-points',
        color: '--primary',
        unit: '/10',
      },
      {
        label: 'Pain during run',
        values: col('painDuring') as (number | null)[],
        kind: 'points',
        color: '--level-red',
        unit: '/10',
      },
      {
        label: `Limit ${PAIN_LIMIT}/10`,
        values: limit,
        kind: 'line',
        color: '--level-red',
        dash: [4, 4],
        unit: '/10',
      },
    ];
    const wellness: ChartSeriesSpec[] = [
      {
        label: 'Wellness (1–5)',
        values: col('wellness') as (number | null)[],
        kind: 'line-points',
        color: '--level-green',
        digits: 1,
      },
      {
        label: 'Sleep (hours, right axis)',
        values: col('sleepHours') as (number | null)[],
        kind: 'line',
        color: '--primary',
        dash: [6, 4],
        unit: 'h',
        digits: 1,
        axis: 'right',
      },
    ];
    return {
      x: rows.map((r) => r.x),
      dates: rows.map((r) => r.date),
      charts: { distance, load, pain, wellness, summaries },
    };
  }, [rows]);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <TimeSeriesChart
        title="Daily distance"
        yLabel="Kilometres per day"
        summary={charts.summaries.distance}
        syncKey={syncKey}
        x={x}
        dates={dates}
        series={charts.distance}
      />
      <TimeSeriesChart
        title="Daily load"
        yLabel="Session load, effort (RPE) × minutes"
        summary={charts.summaries.load}
        syncKey={syncKey}
        x={x}
        dates={dates}
        series={charts.load}
      />
      <TimeSeriesChart
        title="Knee pain"
        yLabel="Pain from 0 to 10"
        summary={charts.summaries.pain}
        syncKey={syncKey}
        x={x}
        dates={dates}
        series={charts.pain}
        yRange={PAIN_RANGE}
      />
      <TimeSeriesChart
        title="Wellness and sleep"
        yLabel="Wellness from 1 to 5 (5 best) on the left axis; sleep in hours on the right axis"
        summary={charts.summaries.wellness}
        syncKey={syncKey}
        x={x}
        dates={dates}
        series={charts.wellness}
        yRange={WELLNESS_RANGE}
        rightRange={SLEEP_RANGE}
      />
    </div>
  );
}

const PAIN_RANGE: [number, number] = [0, 10];
const WELLNESS_RANGE: [number, number] = [0, 5];
const SLEEP_RANGE: [number, number] = [0, 12];
