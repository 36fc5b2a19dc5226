import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';

export interface CheckInRow {
  id: string;
  date: string;
  ran: boolean;
  distanceKm: number | null;
  durationMin: number | null;
  rpe: number | null;
  morningPain: number | null;
  painDuring: number | null;
  redFlags: string[] | null;
  sleepHours: number | null;
}

const dash = '—';

/** A plain history table; pain values are shown only to people entitled to them. */
export function CheckInTable({ rows, caption }: { rows: CheckInRow[]; caption: string }) {
  return (
    <Table scrollLabel={caption}>
      <caption className="sr-only">{caption}</caption>
      <THead>
        <Tr>
          <Th>Date</Th>
          <Th>Run</Th>
          <Th className="text-right">Effort</Th>
          <Th className="text-right">Morning pain</Th>
          <Th className="text-right">Pain in run</Th>
          <Th>Red flags</Th>
          <Th className="text-right">Sleep</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.id}>
            <Td className="whitespace-nowrap tabular-nums">{r.date}</Td>
            <Td className="whitespace-nowrap tabular-nums">
              {r.ran
                ? `${r.distanceKm?.toFixed(1)} km · ${Math.round(r.durationMin ?? 0)} min`
                : 'Rest day'}
            </Td>
            <Td className="text-right tabular-nums">{r.rpe ?? dash}</Td>
            <Td className="text-right tabular-nums">
              {r.morningPain === null ? dash : `${r.morningPain}/10`}
            </Td>
            <Td className="text-right tabular-nums">
              {r.painDuring === null ? dash : `${r.painDuring}/10`}
            </Td>
            <Td>{r.redFlags?.length ? r.redFlags.join(', ') : dash}</Td>
            <Td className="text-right tabular-nums">
              {r.sleepHours === null ? dash : `${r.sleepHours} h`}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
