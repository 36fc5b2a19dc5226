'use client';
import { ProgressChart } from '@/components/progress/progress-chart';
import {
  type SeriesDay,
  shortDate,
  summaryText,
  weeklyRows,
} from '@/components/progress/progress-summary';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';

const dash = '—';
const painText = (v: number | null) => (v === null ? dash : `${v}/10`);

/** Km and knee pain over the last days: a text summary, the chart, and a weekly table. */
export function HistoryProgress({ days }: { days: SeriesDay[] }) {
  const weeks = weeklyRows(days);
  return (
    <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
      <h2 id="progress-heading" className="text-lg font-semibold">
        Last {days.length} days
      </h2>
      <p id="progress-summary" className="text-sm">
        {summaryText(days)}
      </p>
      <div className="rounded-lg border border-border bg-card p-2 sm:p-4">
        <ProgressChart
          days={days}
          label={`Chart of your daily distance and knee pain over the last ${days.length} days`}
          describedBy="progress-summary"
        />
      </div>
      <details>
        <summary className="cursor-pointer py-2.5 font-medium select-none">
          Week by week (table)
        </summary>
        <Table scrollLabel="Week by week" className="mt-2">
          <caption className="sr-only">
            Distance, runs and highest knee pain per week, newest first
          </caption>
          <THead>
            <Tr>
              <Th>Week</Th>
              <Th className="text-right">Km</Th>
              <Th className="text-right">Runs</Th>
              <Th className="text-right">Check-ins</Th>
              <Th className="text-right">Max morning pain</Th>
              <Th className="text-right">Max pain in run</Th>
              <Th className="text-right">Warning-sign days</Th>
            </Tr>
          </THead>
          <TBody>
            {weeks.map((w) => (
              <Tr key={w.from}>
                <Td className="whitespace-nowrap">
                  {shortDate(w.from)} – {shortDate(w.to)}
                </Td>
                <Td className="text-right">{w.km.toFixed(1)}</Td>
                <Td className="text-right">{w.runs}</Td>
                <Td className="text-right">{w.checkIns}</Td>
                <Td className="text-right">{painText(w.maxMorningPain)}</Td>
                <Td className="text-right">{painText(w.maxPainDuring)}</Td>
                <Td className="text-right">{w.redFlagDays}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </details>
    </section>
  );
}
