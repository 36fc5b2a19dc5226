'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { LevelBadge } from '@/components/ui/level-badge';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toaster';
import { FLAG_LABELS, FLAG_RULES, RULES, type RuleId } from '@/lib/risk/rules';
import type { Flag } from '@/lib/risk/types';
import type { DrillDownAlert, DrillDownClearance } from './types';

/** Alert notes are short by contract (the alerts router refuses longer ones). */
const NOTE_MAX = 500;

const STATE_LABEL: Record<DrillDownAlert['state'], string> = {
  new: 'Open, not acknowledged yet',
  acknowledged: 'Acknowledged, still open',
  resolved: 'Resolved',
};

const ACTION_LABEL: Record<string, string> = {
  opened: 'Opened',
  escalated: 'Escalated',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  cleared: 'Cleared by a clinician',
  moved: 'Moved with the athlete to a new team',
};

function actionLabel(action: string): string {
  return (
    ACTION_LABEL[action] ?? action.charAt(0).toUpperCase() + action.slice(1).replace(/[_.]/g, ' ')
  );
}

/** Rules that only inform (never scored) are not why an alert opened. */
const INFO_ONLY = new Set(['LOAD_ACWR_INFO', 'PAIN_FADED', 'CALIBRATING', 'LOW_DATA', 'STALE']);

function ruleTitle(id: string): string {
  return RULES[id as RuleId]?.title ?? id;
}

const FLAG_BY_RULE = new Map(
  (Object.entries(FLAG_RULES) as [Flag, string][]).map(([flag, rule]) => [rule, flag]),
);

function flagTitle(flagOrRule: string): string {
  const flag = FLAG_BY_RULE.get(flagOrRule) ?? flagOrRule;
  return FLAG_LABELS[flag as Flag] ?? ruleTitle(flagOrRule);
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Time({ at }: { at: Date }) {
  return (
    <time dateTime={at.toISOString()} className="tabular-nums">
      {when.format(at)}
    </time>
  );
}

/**
 * The athlete's alerts, newest first, each with its history (opened, escalated, acknowledged,
 * resolved, cleared: who and when, and the coach's note), and the acknowledge / resolve actions
 * for coaches of the alert's team. Clinician clearances are listed under them.
 */
export function AlertTimeline({
  athleteId,
  alerts,
  clearances,
  redFlagRuleIds,
}: {
  athleteId: string;
  alerts: DrillDownAlert[];
  clearances: DrillDownClearance[];
  /** Red-flag rules firing now, offered for a clearance besides the alert's own. */
  redFlagRuleIds: string[];
}) {
  if (alerts.length === 0 && clearances.length === 0) {
    return <p className="text-sm text-muted-foreground">No alerts for this athlete.</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      {alerts.length > 0 ? (
        <ol className="flex flex-col gap-3">
          {alerts.map((alert) => (
            <AlertItem
              key={alert.id}
              athleteId={athleteId}
              alert={alert}
              redFlagRuleIds={redFlagRuleIds}
            />
          ))}
        </ol>
      ) : null}
      {clearances.length > 0 ? (
        <div className="rounded-lg border bg-card p-4">
          <h3 className="font-semibold">Clinician clearances</h3>
          <ul className="mt-2 flex flex-col gap-2 text-sm">
            {clearances.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{c.clinician}</span> cleared{' '}
                {c.flags.map(flagTitle).join(', ')} on {c.date}
                <span className="text-muted-foreground">
                  {' '}
                  (recorded by {c.byName ?? 'a former user'}, <Time at={c.at} />)
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function AlertItem({
  athleteId,
  alert,
  redFlagRuleIds,
}: {
  athleteId: string;
  alert: DrillDownAlert;
  redFlagRuleIds: string[];
}) {
  const open = alert.state !== 'resolved';
  return (
    <li data-alert-id={alert.id} data-state={alert.state} className="rounded-lg border bg-card p-4">
      <div className="flex flex-wrap items-center gap-2">
        <LevelBadge level={alert.level} />
        <h3 className="font-semibold">{STATE_LABEL[alert.state]}</h3>
        <span className="text-sm text-muted-foreground">
          {alert.teamName} · opened <Time at={alert.openedAt} />
        </span>
      </div>
      {alert.ruleIds.some((id) => !INFO_ONLY.has(id)) ? (
        <p className="mt-2 text-sm">
          <span className="font-medium">Why: </span>
          {alert.ruleIds
            .filter((id) => !INFO_ONLY.has(id))
            .map(ruleTitle)
            .join('; ')}
        </p>
      ) : null}
      <ol className="mt-3 flex flex-col gap-2 border-l-2 pl-4 text-sm">
        {alert.events.map((e) => (
          <li key={e.id} data-action={e.action}>
            <span className="font-medium">{actionLabel(e.action)}</span>
            {e.level ? ` (${e.level})` : ''} by{' '}
            {e.byName ?? (e.byUserId ? 'a former user' : 'Loadline')}, <Time at={e.at} />
            {e.note ? (
              <p className="mt-0.5 whitespace-pre-line text-muted-foreground">“{e.note}”</p>
            ) : null}
          </li>
        ))}
      </ol>
      {open && alert.canAct ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {alert.state === 'new' ? <AcknowledgeButton athleteId={athleteId} alert={alert} /> : null}
          <ResolveButton athleteId={athleteId} alert={alert} redFlagRuleIds={redFlagRuleIds} />
        </div>
      ) : null}
    </li>
  );
}

function useRefresh(athleteId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      queryKey: trpc.athletes.drillDown.queryKey({ athleteId }),
      exact: false,
    });
}

function AcknowledgeButton({ athleteId, alert }: { athleteId: string; alert: DrillDownAlert }) {
  const trpc = useTRPC();
  const refresh = useRefresh(athleteId);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const noteId = useId();
  const mutation = useMutation(
    trpc.alerts.acknowledge.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        setNote('');
        toast({ title: 'Alert acknowledged', variant: 'success' });
        await refresh();
      },
    }),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button onClick={() => setOpen(true)}>Acknowledge</Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Acknowledge this alert</DialogTitle>
          <DialogDescription>
            The athlete and the other coaches see that you have seen it. It stays open until it is
            resolved.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            mutation.mutate({
              teamId: alert.teamId,
              alertId: alert.id,
              note: note.trim() || undefined,
            });
          }}
        >
          <Field
            label="Note"
            optional
            hint="For the coaches; the athlete does not see it."
            error={mutation.error?.message}
          >
            <Textarea
              id={noteId}
              value={note}
              maxLength={NOTE_MAX}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : 'Acknowledge alert'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function ResolveButton({
  athleteId,
  alert,
  redFlagRuleIds,
}: {
  athleteId: string;
  alert: DrillDownAlert;
  redFlagRuleIds: string[];
}) {
  const trpc = useTRPC();
  const refresh = useRefresh(athleteId);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [cleared, setCleared] = useState(false);
  const [clinician, setClinician] = useState('');
  const offered = [
    ...new Set([...alert.ruleIds, ...redFlagRuleIds].filter((id) => id.startsWith('RF_'))),
  ];
  const [flags, setFlags] = useState<string[]>([]);
  const [localError, setLocalError] = useState<{ clinician?: string; flags?: string }>({});
  const baseId = useId();
  const mutation = useMutation(
    trpc.alerts.resolve.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        setNote('');
        setCleared(false);
        setClinician('');
        setFlags([]);
        toast({ title: 'Alert resolved', variant: 'success' });
        await refresh();
      },
    }),
  );
  const fieldErrors = (mutation.error?.data as { fieldErrors?: Record<string, string> } | undefined)
    ?.fieldErrors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setFlags(offered);
      }}
    >
      <Button
        variant="outline"
        onClick={() => {
          setFlags(offered);
          setOpen(true);
        }}
      >
        Resolve
      </Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Resolve this alert</DialogTitle>
          <DialogDescription>
            Resolve it when the athlete has been followed up. A red flag keeps firing until a
            clinician has cleared it.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const errors: typeof localError = {};
            if (cleared && !clinician.trim()) errors.clinician = 'Name the clinician.';
            if (cleared && flags.length === 0) errors.flags = 'Choose at least one red flag.';
            setLocalError(errors);
            if (errors.clinician || errors.flags) return;
            mutation.mutate({
              teamId: alert.teamId,
              alertId: alert.id,
              note: note.trim() || undefined,
              clearance: cleared ? { clinician: clinician.trim(), flags } : undefined,
            });
          }}
        >
          <Field
            label="Note"
            optional
            hint="For the coaches; the athlete does not see it."
            error={fieldErrors?.note}
          >
            <Textarea
              id={`${baseId}-note`}
              value={note}
              maxLength={NOTE_MAX}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          {offered.length > 0 ? (
            <div className="grid gap-3 rounded-md border p-3">
              <div className="flex items-center gap-3">
                <Checkbox
                  id={`${baseId}-cleared`}
                  checked={cleared}
                  onCheckedChange={(v) => setCleared(v === true)}
                />
                <Label htmlFor={`${baseId}-cleared`}>Cleared by a clinician</Label>
              </div>
              {cleared ? (
                <>
                  <Field
                    label="Clinician"
                    error={localError.clinician ?? fieldErrors?.['clearance.clinician']}
                  >
                    <Input
                      id={`${baseId}-clinician`}
                      value={clinician}
                      maxLength={120}
                      autoComplete="off"
                      onChange={(e) => setClinician(e.target.value)}
                    />
                  </Field>
                  <fieldset className="grid gap-2">
                    <legend className="mb-1 text-sm font-medium">
                      Red flags the clinician cleared
                    </legend>
                    {offered.map((rule) => (
                      <div key={rule} className="flex items-center gap-3">
                        <Checkbox
                          id={`${baseId}-${rule}`}
                          checked={flags.includes(rule)}
                          onCheckedChange={(v) =>
                            setFlags((prev) =>
                              v === true
                                ? [...new Set([...prev, rule])]
                                : prev.filter((f) => f !== rule),
                            )
                          }
                        />
                        <Label htmlFor={`${baseId}-${rule}`}>{flagTitle(rule)}</Label>
                      </div>
                    ))}
                    {localError.flags || fieldErrors?.['clearance.flags'] ? (
                      <p className="text-sm font-medium text-destructive">
                        {localError.flags ?? fieldErrors?.['clearance.flags']}
                      </p>
                    ) : null}
                  </fieldset>
                </>
              ) : null}
            </div>
          ) : null}
          {mutation.error && !fieldErrors ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {mutation.error.message}
            </p>
          ) : null}
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : 'Resolve alert'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
