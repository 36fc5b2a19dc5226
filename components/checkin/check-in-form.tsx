'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { Copy, Loader2 } from 'lucide-react';
import Link from 'next/link';
import * as React from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { Switch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { NOTE_MAX_LENGTH, submitCheckInSchema } from '@/lib/checkin/submit-schema';
import { FLAG_LABELS } from '@/lib/risk/rules';
import {
  FLAGS,
  type Flag,
  PAIN_LOCATIONS,
  PAIN_TRENDS,
  type PainLocation,
  RUN_TYPES,
} from '@/lib/risk/types';
import { CheckInResult, type CheckInResultData } from './check-in-result';
import {
  type CheckInRow,
  copyFromYesterday,
  defaultShoeId,
  EMPTY_FORM,
  type FormState,
  formToRequest,
  friendlyError,
  rowToForm,
} from './form-state';
import { ScaleGroup } from './scale-group';
import { ShoePicker } from './shoe-picker';

const FLAG_HINTS: Record<Flag, string> = {
  swelling: 'The knee looks or feels puffy or bigger than the other one.',
  locking: 'The knee gets stuck or catches and you have to wiggle it free.',
  givingWay: 'The knee suddenly buckles or feels like it will not hold you.',
  nightOrRestPain: 'It hurts while you rest or wakes you up at night.',
  limping: 'You cannot walk normally because of the knee.',
  bonyTenderness: 'Pressing on one spot of the bone really hurts.',
  popWithSwelling: 'You felt or heard a pop and it swelled up within hours.',
  hotOrFever: 'The knee is hot, red and swollen, or you have a fever.',
};

const LOCATION_LABELS: Record<PainLocation, string> = {
  front: 'Front (around the kneecap)',
  below: 'Below the kneecap',
  outer: 'Outer side',
  inner: 'Inner side',
  back: 'Back of the knee',
  diffuse: 'All over',
};

const RUN_TYPE_LABELS: Record<(typeof RUN_TYPES)[number], string> = {
  easy: 'Easy',
  long: 'Long',
  tempo: 'Tempo',
  intervals: 'Intervals',
  hills: 'Hills',
  race: 'Race',
  other: 'Other',
};

const TREND_LABELS: Record<(typeof PAIN_TRENDS)[number], string> = {
  none: 'No pain',
  faded: 'Faded as I warmed up',
  stayed: 'Stayed the same',
  worsened: 'Got worse',
};

const RPE_ANCHORS = {
  0: 'rest',
  1: 'very easy',
  3: 'moderate',
  5: 'hard',
  7: 'very hard',
  10: 'maximal',
};
const PAIN_ANCHORS = { 0: 'none', 5: 'moderate', 10: 'worst' };

const WELLNESS = [
  { key: 'sleepQuality', label: 'Sleep quality', low: 'very poor', high: 'very good' },
  { key: 'stress', label: 'Stress', low: 'very stressed', high: 'very relaxed' },
  { key: 'fatigue', label: 'Fatigue', low: 'always tired', high: 'very fresh' },
  { key: 'soreness', label: 'Muscle soreness', low: 'very sore', high: 'no soreness' },
  { key: 'mood', label: 'Mood', low: 'very low', high: 'very positive' },
] as const;

/** Field names in the order they appear, to focus the first invalid one. */
const FIELD_ORDER = [
  'ran',
  'distanceKm',
  'durationMin',
  'rpe',
  'runType',
  'shoeId',
  'painDuring',
  'painTrend',
  'morningPain',
  'painLocations',
  'redFlags',
  'sleepHours',
  'sleepQuality',
  'stress',
  'fatigue',
  'soreness',
  'mood',
  'note',
] as const;

const fieldId = (name: string) => `checkin-${name}`;
const DRAFT_KEY = 'loadline:check-in-draft';

type Errors = Record<string, string>;
type FormError = { kind: 'auth' | 'consent' | 'network' | 'other'; message: string } | null;

function newKey(): string {
  return crypto.randomUUID();
}

function issuesToErrors(issues: { path: PropertyKey[]; message: string }[]): Errors {
  const out: Errors = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    const field = path[0] === 'checkIn' ? path[1] : path[0];
    if (field && !(field in out)) out[field] = friendlyError(field, issue.message);
  }
  return out;
}

function focusField(name: string) {
  const el = document.getElementById(fieldId(name));
  if (!el) return;
  if (el.matches('input, select, textarea, button')) {
    el.focus();
    return;
  }
  const target =
    el.querySelector<HTMLElement>('[role=radio][data-state=checked]') ??
    el.querySelector<HTMLElement>('[role=radio], [role=checkbox], input, button');
  target?.focus();
}

export function CheckInForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const days = useQuery(trpc.checkIn.today.queryOptions());
  const shoesQuery = useQuery(trpc.shoes.list.queryOptions());
  const [which, setWhich] = React.useState<'today' | 'yesterday'>('today');
  const [form, setForm] = React.useState<FormState>(EMPTY_FORM);
  const [loadedFor, setLoadedFor] = React.useState<string | null>(null);
  const [errors, setErrors] = React.useState<Errors>({});
  const [formError, setFormError] = React.useState<FormError>(null);
  const [result, setResult] = React.useState<CheckInResultData | null>(null);
  const [copied, setCopied] = React.useState(false);
  // The idempotency key and the body it was first sent with: a retry of the same body reuses
  // the key; a changed body (or a successful submit) gets a new one.
  const keyRef = React.useRef<{ key: string; body: string | null } | null>(null);
  const resultHeading = React.useRef<HTMLElement>(null);
  const errorRef = React.useRef<HTMLDivElement>(null);

  const data = days.data;
  const date = data ? (which === 'today' ? data.today : data.yesterday) : null;
  const existing = (data ? data.checkIns[which] : null) as CheckInRow | null;
  const yesterdayRow = (data ? data.checkIns.yesterday : null) as CheckInRow | null;
  // Without the shoe list the form still works (no picker), so a failed load is no blocker.
  const shoeList = shoesQuery.data ?? [];
  const shoesReady = !shoesQuery.isPending;
  const activeShoeIds = new Set(shoeList.filter((s) => s.retiredAt === null).map((s) => s.id));

  // Load the chosen day: a saved draft (after an expired session) wins, else the stored row, else
  // an empty form with the usual shoe (yesterday's) preselected.
  React.useEffect(() => {
    if (!date || loadedFor === date || !shoesReady) return;
    let next: FormState = existing
      ? rowToForm(existing)
      : {
          ...EMPTY_FORM,
          shoeId: defaultShoeId(which === 'today' ? yesterdayRow : null, shoeList),
        };
    try {
      const raw = sessionStorage.getItem(DRAFT_KEY);
      if (raw) {
        const draft = JSON.parse(raw) as { date: string; form: FormState };
        if (draft.date === date) next = { ...EMPTY_FORM, ...draft.form };
      }
    } catch {
      // A broken draft is ignored.
    }
    setForm(next);
    setErrors({});
    setLoadedFor(date);
    keyRef.current = { key: newKey(), body: null };
  }, [date, existing, loadedFor, shoesReady, shoeList, which, yesterdayRow]);

  // Keep what was typed when the session expired, so signing in again loses nothing.
  function saveDraft() {
    if (!date) return;
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ date, form }));
    } catch {
      // Storage may be unavailable (private mode); the form still holds the values.
    }
  }

  const submit = useMutation(
    trpc.checkIn.submit.mutationOptions({
      onSuccess: (response) => {
        try {
          sessionStorage.removeItem(DRAFT_KEY);
        } catch {}
        keyRef.current = { key: newKey(), body: null };
        setResult(response as CheckInResultData);
        setFormError(null);
        setErrors({});
        void queryClient.invalidateQueries({ queryKey: trpc.checkIn.today.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.me.checkIns.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.me.progress.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.me.alertsSeen.queryKey() });
        // The shoe's distance grew by this run.
        void queryClient.invalidateQueries({ queryKey: trpc.shoes.list.queryKey() });
        requestAnimationFrame(() => resultHeading.current?.focus());
      },
      onError: (error) => {
        if (!(error instanceof TRPCClientError)) {
          setFormError({ kind: 'network', message: 'Could not reach the server. Try again.' });
          return;
        }
        const data = error.data as
          | { code?: string; httpStatus?: number; fieldErrors?: Record<string, string> }
          | undefined;
        if (!data) {
          setFormError({
            kind: 'network',
            message: 'Could not reach the server. Check your connection and try again.',
          });
        } else if (data.code === 'UNAUTHORIZED' || data.httpStatus === 401) {
          saveDraft();
          setFormError({ kind: 'auth', message: 'Your session has expired.' });
        } else if (data.code === 'FORBIDDEN') {
          setFormError({
            kind: 'consent',
            message:
              'Your check-in was not saved because your club does not have your current consent to store health data. Open your profile to give consent, or ask your coach.',
          });
        } else if (data.code === 'UNPROCESSABLE_CONTENT') {
          keyRef.current = { key: newKey(), body: null };
          setFormError({
            kind: 'other',
            message: 'This check-in changed while it was being sent. Please submit again.',
          });
        } else if (data.fieldErrors && Object.keys(data.fieldErrors).length > 0) {
          const mapped = issuesToErrors(
            Object.entries(data.fieldErrors).map(([path, message]) => ({
              path: path.split('.'),
              message,
            })),
          );
          showErrors(mapped);
          return;
        } else {
          setFormError({ kind: 'other', message: error.message });
        }
        requestAnimationFrame(() => errorRef.current?.focus());
      },
    }),
  );

  function showErrors(next: Errors) {
    setErrors(next);
    const first = FIELD_ORDER.find((name) => name in next);
    if (first) requestAnimationFrame(() => focusField(first));
  }

  function update<K extends keyof FormState>(key: K, value: FormState[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    setCopied(false);
    if (errors[key as string]) {
      setErrors((e) => {
        const { [key as string]: _, ...rest } = e;
        return rest;
      });
    }
  }

  function toggleIn<T extends string>(list: T[], value: T, on: boolean): T[] {
    return on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!date || submit.isPending) return;
    setFormError(null);
    const body = formToRequest(form, date);
    const bodyJson = JSON.stringify(body);
    if (!keyRef.current || (keyRef.current.body !== null && keyRef.current.body !== bodyJson)) {
      keyRef.current = { key: newKey(), body: null };
    }
    const request = { idempotencyKey: keyRef.current.key, ...body };
    const parsed = submitCheckInSchema.safeParse(request);
    if (!parsed.success) {
      showErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    keyRef.current.body = bodyJson;
    submit.mutate(request);
  }

  function switchDay(next: 'today' | 'yesterday') {
    if (next === which) return;
    setWhich(next);
    setResult(null);
    setFormError(null);
    setLoadedFor(null);
  }

  // Back to the form with what was just sent (the stored row may still be refetching).
  function editAgain() {
    setResult(null);
  }

  if (days.isPending || !shoesReady) return <Skeleton className="h-96 w-full" />;
  if (days.isError) {
    return (
      <Alert variant="destructive">
        <AlertTitle>Could not load your check-in</AlertTitle>
        <AlertDescription>{days.error.message}</AlertDescription>
      </Alert>
    );
  }

  const isToday = which === 'today';
  const dayPicker = (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-muted-foreground">
        {isToday ? 'Checking in for today' : 'Editing yesterday'} ({date})
        {existing && !result ? ' — saved, you can change it' : ''}
      </span>
      <Button
        variant="link"
        className="min-h-11"
        onClick={() => switchDay(isToday ? 'yesterday' : 'today')}
      >
        {isToday ? 'Edit yesterday instead' : 'Back to today'}
      </Button>
    </div>
  );

  if (result) {
    return (
      <div className="flex flex-col gap-4">
        {dayPicker}
        <CheckInResult
          result={result}
          isToday={isToday}
          onEdit={editAgain}
          headingRef={resultHeading}
        />
      </div>
    );
  }

  // Yesterday had a run and this morning's pain is missing: ask for it first.
  const morningAfter =
    isToday && Boolean(yesterdayRow?.ran) && (existing?.morningPain ?? null) === null;

  const morningPain = (
    <ScaleGroup
      id={fieldId('morningPain')}
      label="Knee pain this morning"
      hint="0 = no pain, 10 = worst imaginable. Leave unset if you are not sure."
      min={0}
      max={10}
      anchors={PAIN_ANCHORS}
      value={form.morningPain}
      onChange={(v) => update('morningPain', v)}
      error={errors.morningPain}
    />
  );

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-6"
      aria-label="Daily check-in"
    >
      {dayPicker}
      <p className="-mt-4 text-sm text-muted-foreground">
        Only the run details are required. Leave anything you are unsure about empty.
      </p>

      {formError ? (
        <div ref={errorRef} tabIndex={-1} className="outline-none">
          <Alert variant="destructive" role="alert">
            <AlertTitle>
              {formError.kind === 'auth'
                ? 'Sign in again to send your check-in'
                : formError.kind === 'consent'
                  ? 'Consent needed'
                  : 'Your check-in was not sent'}
            </AlertTitle>
            <AlertDescription>
              <p>{formError.message}</p>
              {formError.kind === 'auth' ? (
                <p>
                  Everything you entered is kept on this device.{' '}
                  <Link href="/login?next=/check-in" className="font-medium underline">
                    Sign in again
                  </Link>
                </p>
              ) : null}
              {formError.kind === 'network' ? <p>Nothing you typed is lost.</p> : null}
            </AlertDescription>
          </Alert>
        </div>
      ) : null}

      {morningAfter ? (
        <section
          aria-labelledby="morning-after-heading"
          className="flex flex-col gap-3 rounded-lg border-2 border-primary/40 bg-primary-soft p-4"
        >
          <h2 id="morning-after-heading" className="text-base font-semibold">
            You ran yesterday — how does your knee feel this morning?
          </h2>
          {morningPain}
        </section>
      ) : null}

      <section aria-labelledby="run-heading" className="flex flex-col gap-4">
        <h2 id="run-heading" className="sr-only">
          Run
        </h2>
        <div className="flex items-center justify-between gap-3 rounded-lg border border-border bg-card px-4 py-3">
          <label htmlFor={fieldId('ran')} className="text-base font-medium">
            I ran today
          </label>
          <Switch
            id={fieldId('ran')}
            checked={form.ran}
            onCheckedChange={(on) => update('ran', on)}
          />
        </div>
        {form.ran ? (
          <div className="flex flex-col gap-4">
            <div className="grid grid-cols-2 gap-3">
              <Field label="Distance (km)" error={errors.distanceKm} id={fieldId('distanceKm')}>
                <Input
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  max={150}
                  required
                  value={form.distanceKm}
                  onChange={(e) => update('distanceKm', e.target.value)}
                />
              </Field>
              <Field label="Duration (min)" error={errors.durationMin} id={fieldId('durationMin')}>
                <Input
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={1}
                  max={900}
                  required
                  value={form.durationMin}
                  onChange={(e) => update('durationMin', e.target.value)}
                />
              </Field>
            </div>
            <ScaleGroup
              id={fieldId('rpe')}
              label="Effort (RPE 0–10)"
              hint="How hard was the whole session?"
              min={0}
              max={10}
              anchors={RPE_ANCHORS}
              value={form.rpe}
              onChange={(v) => update('rpe', v)}
              error={errors.rpe}
              required
            />
            <Field label="Run type" error={errors.runType} id={fieldId('runType')}>
              <Select
                value={form.runType}
                onChange={(e) => update('runType', e.target.value as FormState['runType'])}
              >
                <option value="">Choose…</option>
                {RUN_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {RUN_TYPE_LABELS[t]}
                  </option>
                ))}
              </Select>
            </Field>
            {shoeList.length > 0 || form.shoeId ? (
              <ShoePicker
                id={fieldId('shoeId')}
                shoes={shoeList}
                value={form.shoeId}
                storedShoeId={existing?.shoeId ?? null}
                onChange={(v) => update('shoeId', v)}
                error={errors.shoeId}
              />
            ) : (
              <p className="text-sm text-muted-foreground">
                Track the distance on your shoes:{' '}
                <Link href="/me#shoes-heading" className="font-medium text-primary underline">
                  add a shoe on your page
                </Link>
                .
              </p>
            )}
            <ScaleGroup
              id={fieldId('painDuring')}
              label="Knee pain during the run"
              hint="The worst knee pain during the run."
              min={0}
              max={10}
              anchors={PAIN_ANCHORS}
              value={form.painDuring}
              onChange={(v) => update('painDuring', v)}
              error={errors.painDuring}
            />
            <Field
              label="How did the pain behave?"
              error={errors.painTrend}
              id={fieldId('painTrend')}
            >
              <Select
                value={form.painTrend}
                onChange={(e) => update('painTrend', e.target.value as FormState['painTrend'])}
              >
                <option value="">Choose…</option>
                {PAIN_TRENDS.map((t) => (
                  <option key={t} value={t}>
                    {TREND_LABELS[t]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="knee-heading" className="flex flex-col gap-4">
        <h2 id="knee-heading" className="text-lg font-semibold">
          Your knee
        </h2>
        {morningAfter ? null : morningPain}
        <fieldset id={fieldId('painLocations')} className="grid gap-1">
          <legend className="mb-1 text-sm font-medium">Where does it hurt?</legend>
          <div className="grid grid-cols-1 gap-x-4 min-[360px]:grid-cols-2">
            {PAIN_LOCATIONS.map((loc) => (
              <div key={loc} className="flex min-h-11 items-center gap-3">
                <Checkbox
                  id={`${fieldId('loc')}-${loc}`}
                  checked={form.painLocations.includes(loc)}
                  onCheckedChange={(on) =>
                    update('painLocations', toggleIn(form.painLocations, loc, on === true))
                  }
                />
                <label htmlFor={`${fieldId('loc')}-${loc}`} className="text-sm">
                  {LOCATION_LABELS[loc]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset
          id={fieldId('redFlags')}
          aria-describedby="red-flags-hint"
          className="grid gap-2 rounded-lg border border-border bg-card p-4"
        >
          <legend className="px-1 text-base font-semibold">Warning signs</legend>
          <p id="red-flags-hint" className="text-sm text-muted-foreground">
            Tick any you have noticed since your last check-in. Your coach is told straight away.
          </p>
          {FLAGS.map((flag) => {
            const id = `${fieldId('flag')}-${flag}`;
            return (
              <div key={flag} className="flex items-start gap-3 py-1.5">
                <div className="flex min-h-6 items-center">
                  <Checkbox
                    id={id}
                    aria-describedby={`${id}-desc`}
                    checked={form.redFlags.includes(flag)}
                    onCheckedChange={(on) =>
                      update('redFlags', toggleIn(form.redFlags, flag, on === true))
                    }
                  />
                </div>
                <div className="grid gap-0.5">
                  <label htmlFor={id} className="text-sm font-medium">
                    {FLAG_LABELS[flag]}
                  </label>
                  <p id={`${id}-desc`} className="text-sm text-muted-foreground">
                    {FLAG_HINTS[flag]}
                  </p>
                </div>
              </div>
            );
          })}
        </fieldset>
      </section>

      <section aria-labelledby="wellness-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="wellness-heading" className="text-lg font-semibold">
            Sleep and wellness
          </h2>
          {isToday && yesterdayRow ? (
            <Button
              variant="outline"
              onClick={() => {
                setForm((f) => copyFromYesterday(f, yesterdayRow, activeShoeIds));
                setCopied(true);
              }}
            >
              <Copy aria-hidden="true" />
              Same as yesterday
            </Button>
          ) : null}
        </div>
        <p role="status" className="text-sm text-muted-foreground empty:hidden">
          {copied
            ? 'Copied sleep, wellness and shoe from yesterday. Pain and warning signs are not copied.'
            : ''}
        </p>
        <Field
          label="Hours of sleep"
          error={errors.sleepHours}
          id={fieldId('sleepHours')}
          className="max-w-40"
        >
          <Input
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            max={16}
            value={form.sleepHours}
            onChange={(e) => update('sleepHours', e.target.value)}
          />
        </Field>
        {WELLNESS.map((w) => (
          <ScaleGroup
            key={w.key}
            id={fieldId(w.key)}
            label={w.label}
            min={1}
            max={5}
            anchors={{ 1: w.low, 5: w.high }}
            value={form[w.key]}
            onChange={(v) => update(w.key, v)}
            error={errors[w.key]}
          />
        ))}
      </section>

      <Field
        label="Note"
        hint={`Optional, up to ${NOTE_MAX_LENGTH} characters. Your coaches can read it; it never appears in notifications.`}
        error={errors.note}
        id={fieldId('note')}
      >
        <Textarea
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          value={form.note}
          onChange={(e) => update('note', e.target.value)}
        />
      </Field>

      {Object.keys(errors).length > 0 ? (
        <p className="text-sm font-medium text-destructive" role="alert">
          Please check the highlighted fields.
        </p>
      ) : null}

      <div>
        <Button
          type="submit"
          size="lg"
          className="w-full sm:w-auto"
          disabled={submit.isPending}
          aria-disabled={submit.isPending || undefined}
        >
          {submit.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          Submit check-in
        </Button>
      </div>
    </form>
  );
}
