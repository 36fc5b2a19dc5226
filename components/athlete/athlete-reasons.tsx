import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/utils';
import { type CitationKey, isCitationKey, REFERENCES } from '@/lib/risk/references';
import type { Reason } from '@/lib/risk/types';

const EVIDENCE: Record<Reason['evidence'], { label: string; explain: string }> = {
  A: { label: 'Evidence A', explain: 'strong: large prospective studies' },
  B: { label: 'Evidence B', explain: 'moderate: trials or cohorts with limits' },
  C: { label: 'Evidence C', explain: 'clinical consensus and pathways' },
  D: { label: 'Evidence D', explain: 'weak: small or indirect studies' },
  against: { label: 'Evidence against scoring', explain: 'shown for context, never scored' },
  info: { label: 'Information', explain: 'no evidence grade' },
};

/**
 * Every reason of the coach's drill-down, fully explained: what was measured against which
 * threshold, the points, the evidence grade in words and every citation in full (not folded
 * away: the coach should be able to check the source on the spot).
 */
export function AthleteReasons({ reasons }: { reasons: Reason[] }) {
  if (reasons.length === 0) {
    return <p className="text-sm text-muted-foreground">No rules fired on this day.</p>;
  }
  return (
    <ol className="flex flex-col gap-3">
      {reasons.map((r) => {
        const evidence = EVIDENCE[r.evidence] ?? EVIDENCE.info;
        const redFlag = r.ruleId.startsWith('RF_');
        return (
          <li
            key={r.ruleId}
            data-rule-id={r.ruleId}
            className={cn(
              'rounded-lg border bg-card p-4',
              redFlag && 'border-level-red/50 border-l-4',
            )}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                {redFlag ? <span className="text-level-red">Red flag: </span> : null}
                {r.title}
              </h3>
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
              <Badge variant="outline" data-evidence={r.evidence}>
                {evidence.label}
              </Badge>
              <span>{evidence.explain}</span>
              <code className="font-mono">{r.ruleId}</code>
            </div>
            {r.citations.length > 0 ? (
              <div className="mt-2 text-xs text-muted-foreground">
                <p className="font-medium">Sources</p>
                <ul className="mt-1 list-disc pl-5">
                  {r.citations.map((key) => (
                    <li key={key} data-citation={key}>
                      {isCitationKey(key) ? REFERENCES[key as CitationKey].text : key}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
