'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import * as React from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { birthDateProblem } from '@/lib/account/profile';
import { GUARDIAN_NAME_MAX } from '@/lib/consent/schemas';
import { ageOn } from '@/lib/dates';
import { ConsentText } from './consent-text';
import { type ClubConsent, type ConsentState, problemsOf } from './types';

type Errors = Record<string, string>;
const ORDER = ['birthDate', 'guardianName', 'guardianConfirmed', 'agree', 'version'] as const;

/**
 * The explicit consent of security.md check 23: the athlete reads the current text, ticks the box
 * and presses the button; the version they saw is recorded. Under the club's age of consent the
 * guardian's name and confirmation are asked for too, and the birth date when it is unknown.
 */
export function ConsentStep({
  club,
  state,
  headingLevel = 2,
  onGiven,
}: {
  club: ClubConsent;
  state: Pick<ConsentState, 'currentVersion' | 'text' | 'today' | 'birthDate'>;
  headingLevel?: 2 | 3 | 4;
  onGiven?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const uid = React.useId();
  const id = (name: string) => `consent-${uid}-${name}`;
  const [birthDate, setBirthDate] = React.useState('');
  const [guardianName, setGuardianName] = React.useState('');
  const [guardianConfirmed, setGuardianConfirmed] = React.useState(false);
  const [agree, setAgree] = React.useState(false);
  const [errors, setErrors] = React.useState<Errors>({});
  const [formError, setFormError] = React.useState<string | null>(null);

  const knownBirthDate = state.birthDate;
  const effectiveBirthDate =
    knownBirthDate ?? (birthDateProblem(birthDate, state.today) === null ? birthDate : null);
  const needsGuardian =
    effectiveBirthDate !== null && ageOn(effectiveBirthDate, state.today) < club.ageOfConsent;

  const mutation = useMutation(
    trpc.account.consent.mutationOptions({
      onSuccess: async () => {
        toast({ title: `Consent given to ${club.clubName}`, variant: 'success' });
        await queryClient.invalidateQueries(trpc.account.consentState.queryFilter());
        onGiven?.();
      },
      onError: (error) => {
        const { fields, message } = problemsOf(error);
        if (Object.keys(fields).length > 0) show(fields);
        else setFormError(message);
      },
    }),
  );

  function show(next: Errors) {
    setErrors(next);
    const first = ORDER.find((k) => next[k]);
    if (first) document.getElementById(id(first))?.focus();
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    const next: Errors = {};
    if (!knownBirthDate) {
      const problem = birthDate
        ? birthDateProblem(birthDate, state.today)
        : 'Enter your date of birth.';
      if (problem) next.birthDate = problem;
    }
    if (needsGuardian) {
      if (guardianName.trim().length < 2) {
        next.guardianName = `You are under ${club.ageOfConsent}: enter the full name of the parent or guardian who agrees.`;
      }
      if (!guardianConfirmed) {
        next.guardianConfirmed = 'Your parent or guardian must confirm that they agree.';
      }
    }
    if (!agree) next.agree = 'Tick the box to say you agree.';
    if (Object.keys(next).length > 0) {
      show(next);
      return;
    }
    setErrors({});
    mutation.mutate({
      action: 'give',
      clubId: club.clubId,
      version: state.currentVersion,
      agree: true,
      ...(knownBirthDate ? {} : { birthDate }),
      ...(needsGuardian ? { guardianName: guardianName.trim(), guardianConfirmed } : {}),
    });
  }

  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const headingId = id('heading');
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby={headingId}
      className="grid gap-4"
      data-testid="consent-step"
    >
      <div className="grid gap-1">
        <Heading id={headingId} className="text-lg font-semibold">
          Your consent for {club.clubName}
        </Heading>
        <p className="text-sm text-muted-foreground">
          {club.status === 'withdrawn'
            ? 'You withdrew your consent, so check-ins are paused. Read the text and agree again to carry on.'
            : 'Before your first check-in, please read what your club will see and agree to it.'}
        </p>
      </div>

      <ConsentText
        markdown={state.text}
        id={id('text')}
        headingLevel={(headingLevel + 1) as 3 | 4 | 5}
      />

      {formError ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>Your consent was not saved</AlertTitle>
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      {errors.version ? (
        <Alert variant="warning" role="alert">
          <AlertTitle>The text has changed</AlertTitle>
          <AlertDescription>{errors.version}</AlertDescription>
        </Alert>
      ) : null}

      {knownBirthDate ? null : (
        <Field
          id={id('birthDate')}
          label="Your date of birth"
          hint="We need it once, to know whether a parent or guardian must agree too."
          error={errors.birthDate}
        >
          <Input
            type="date"
            required
            max={state.today}
            value={birthDate}
            onChange={(e) => setBirthDate(e.target.value)}
            autoComplete="bday"
          />
        </Field>
      )}

      {needsGuardian ? (
        <fieldset className="grid gap-4 rounded-md border p-4">
          <legend className="px-1 text-sm font-semibold">
            Under {club.ageOfConsent}: your parent or guardian agrees too
          </legend>
          <Field
            id={id('guardianName')}
            label="Parent or guardian’s full name"
            error={errors.guardianName}
          >
            <Input
              required
              maxLength={GUARDIAN_NAME_MAX}
              value={guardianName}
              onChange={(e) => setGuardianName(e.target.value)}
              autoComplete="off"
            />
          </Field>
          <Field
            id={id('guardianConfirmed')}
            layout="inline"
            label="My parent or guardian has read this and agrees"
            error={errors.guardianConfirmed}
          >
            <Checkbox
              checked={guardianConfirmed}
              onCheckedChange={(v) => setGuardianConfirmed(v === true)}
            />
          </Field>
        </fieldset>
      ) : null}

      <Field
        id={id('agree')}
        layout="inline"
        label={`I have read this and agree that ${club.clubName} stores my check-ins and shows them as described`}
        error={errors.agree}
      >
        <Checkbox checked={agree} onCheckedChange={(v) => setAgree(v === true)} />
      </Field>

      <div>
        <Button type="submit" disabled={mutation.isPending} className="w-full sm:w-auto">
          {mutation.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          Give consent
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">Consent text version {state.currentVersion}</p>
    </form>
  );
}
