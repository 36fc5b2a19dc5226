'use client';

import { useMutation } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';
import { problemsOf } from '@/components/consent/types';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { timeZoneProblem } from '@/lib/account/profile';

function knownTimeZones(): string[] {
  try {
    return ['UTC', ...Intl.supportedValuesOf('timeZone')];
  } catch {
    return ['UTC'];
  }
}

/** Birth date and time zone; the time zone decides which day a check-in belongs to. */
export function ProfileForm({
  initial,
}: {
  initial: { birthDate: string | null; timeZone: string };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const uid = React.useId();
  const ids = { birthDate: `profile-${uid}-birthDate`, timeZone: `profile-${uid}-timeZone` };
  const [birthDate, setBirthDate] = React.useState(initial.birthDate ?? '');
  const [timeZone, setTimeZone] = React.useState(initial.timeZone);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [needsGuardian, setNeedsGuardian] = React.useState<string[]>([]);
  const [deviceZone, setDeviceZone] = React.useState<string | null>(null);
  const [zones, setZones] = React.useState<string[]>([]);
  React.useEffect(() => {
    setDeviceZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? null);
    setZones(knownTimeZones());
  }, []);

  const mutation = useMutation(
    trpc.account.updateProfile.mutationOptions({
      onSuccess: (saved) => {
        setTimeZone(saved.timeZone);
        setNeedsGuardian(saved.consentNeedsGuardian);
        toast({ title: 'Profile saved', variant: 'success' });
        router.refresh();
      },
      onError: (error) => {
        const { fields, message } = problemsOf(error);
        if (Object.keys(fields).length > 0) show(fields);
        else setFormError(message);
      },
    }),
  );

  function show(next: Record<string, string>) {
    setErrors(next);
    const first = (['birthDate', 'timeZone'] as const).find((k) => next[k]);
    if (first) document.getElementById(ids[first])?.focus();
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    const problem = timeZoneProblem(timeZone);
    if (problem) {
      show({ timeZone: problem });
      return;
    }
    setErrors({});
    mutation.mutate({ birthDate: birthDate || null, timeZone: timeZone.trim() });
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Profile" className="grid gap-4">
      {formError ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>Your profile was not saved</AlertTitle>
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      {needsGuardian.length > 0 ? (
        <Alert variant="warning" role="status">
          <AlertTitle>A parent or guardian must agree</AlertTitle>
          <AlertDescription>
            With this date of birth you are under the age of consent of {needsGuardian.join(', ')}.
            Give your consent again below, with your parent or guardian; check-ins are paused until
            then.
          </AlertDescription>
        </Alert>
      ) : null}
      <Field id={ids.birthDate} label="Date of birth" optional error={errors.birthDate}>
        <Input
          type="date"
          value={birthDate}
          onChange={(e) => setBirthDate(e.target.value)}
          autoComplete="bday"
        />
      </Field>
      <Field
        id={ids.timeZone}
        label="Time zone"
        hint="Decides which day your check-in counts for. For example Europe/London."
        error={errors.timeZone}
      >
        <Input
          required
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          list={`${ids.timeZone}-list`}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <datalist id={`${ids.timeZone}-list`}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          Save profile
        </Button>
        {deviceZone && deviceZone !== timeZone ? (
          <Button variant="outline" onClick={() => setTimeZone(deviceZone)}>
            Use this device’s time zone ({deviceZone})
          </Button>
        ) : null}
      </div>
    </form>
  );
}
