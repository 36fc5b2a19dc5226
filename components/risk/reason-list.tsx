import { Badge } from '@/components/ui/badge';
import type { CitationKey } from '@/lib/risk/references';
import { REFERENCES } from '@/lib/risk/references';
import type { Reason } from '@/lib/risk/types';

const EVIDENCE_LABEL: Record<Reason['evidence'], string> = {
  A: 'Evidence A (strong)',
  B: 'Evidence B (moderate)',
  C: 'Evidence C (clinical consensus)',
  D: 'Evidence D (weak)',
  against: 'Evidence against scoring it',
  info: 'Information',
};

/** Every reason explains itself: the measured value against its threshold, grade, citations. */
export function ReasonList({ reasons }: { reasons: Reason[] }) {
  if (reasons.length === 0) return <p className="text-sm text-muted-foreground">No rules fired.</p>;
  return (
    <ol className="flex flex-col gap-3">
      {reasons.map((r) => (
        <li key={r.ruleId} className="rounded-lg border border-border bg-card p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">{r.title}</h3>
            <span className="text-sm tabular-nums text-muted-foreground">
              {r.points > 0 ? `+${r.points} points` : 'no points'}
            </span>
          </div>
          <p className="mt-1 text-sm">{r.detail}</p>
          <p className="mt-2 text-sm">
            <span className="font-medium">What to do: </span>
            {r.action}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <Badge variant="outline">{EVIDENCE_LABEL[r.evidence]}</Badge>
            <code className="font-mono">{r.ruleId}</code>
          </div>
          {r.citations.length > 0 ? (
            <details className="mt-2 text-xs text-muted-foreground">
              <summary className="cursor-pointer select-none">
                Sources ({r.citations.length})
              </summary>
              <ul className="mt-1 list-disc pl-5">
                {r.citations.map((key) => (
                  <li key={key}>{REFERENCES[key as CitationKey]?.text ?? key}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
