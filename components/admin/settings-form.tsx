'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { Switch } from '@/components/ui/switch';
import { toast } from '@/components/ui/toaster';
import { adminErrorOf } from './admin-errors';
import { useAdminRefresh } from './use-admin-refresh';

interface Settings {
  adminsSeeHealth: boolean;
  ageOfConsent: number;
  escalateAfterHours: number;
}

export function SettingsAdmin({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.admin.settings.queryOptions({ clubId }));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Settings"
        eyebrow={query.data?.clubName ?? 'Club admin'}
        description="Who may see health data, consent age and alert escalation for the whole club."
      />
      {query.isPending ? (
        <Skeleton className="h-80 w-full" />
      ) : query.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Could not load the settings</AlertTitle>
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      ) : (
        <SettingsForm clubId={clubId} initial={query.data.settings} />
      )}
    </div>
  );
}

function SettingsForm({ clubId, initial }: { clubId: string; initial: Settings }) {
  const trpc = useTRPC();
  const refresh = useAdminRefresh();
  const [adminsSeeHealth, setAdminsSeeHealth] = useState(initial.adminsSeeHealth);
  // Kept as typed text so a half-typed or invalid number stays in the field with its error.
  const [age, setAge] = useState(String(initial.ageOfConsent));
  const [hours, setHours] = useState(String(initial.escalateAfterHours));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const save = useMutation(
    trpc.admin.updateSettings.mutationOptions({
      onSuccess(result) {
        setFieldErrors({});
        setMessage(undefined);
        toast({
          title: result.changed.length ? 'Settings saved' : 'Nothing to save',
          description: result.changed.length ? undefined : 'The settings were already like this.',
          variant: result.changed.length ? 'success' : 'info',
        });
        void refresh();
      },
      onError(error) {
        const info = adminErrorOf(error);
        setFieldErrors(info.fieldErrors);
        setMessage(Object.keys(info.fieldErrors).length ? undefined : info.message);
      },
    }),
  );
  const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

  return (
    <Card>
      <CardContent>
        <form
          noValidate
          aria-label="Club settings"
          className="flex flex-col gap-6"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              clubId,
              adminsSeeHealth,
              ageOfConsent: toNumber(age),
              escalateAfterHours: toNumber(hours),
            });
          }}
        >
          {message ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{message}</AlertDescription>
            </Alert>
          ) : null}
          <Field
            layout="inline"
            label="Admins can see athletes’ health data"
            hint="Risk levels and check-in details of every athlete in the club. Off by default; every view is recorded in the audit log."
            error={fieldErrors.adminsSeeHealth}
          >
            <Switch checked={adminsSeeHealth} onCheckedChange={setAdminsSeeHealth} />
          </Field>
          <Field
            label="Age of consent"
            hint="Athletes younger than this need a parent or guardian to consent. Between 13 and 18."
            error={fieldErrors.ageOfConsent}
          >
            <Input
              name="ageOfConsent"
              type="number"
              inputMode="numeric"
              min={13}
              max={18}
              step={1}
              required
              value={age}
              onChange={(e) => setAge(e.target.value)}
              className="max-w-32"
            />
          </Field>
          <Field
            label="Escalate unacknowledged red alerts after (hours)"
            hint="Then the club admins and the team’s other coaches are told. Between 1 and 168."
            error={fieldErrors.escalateAfterHours}
          >
            <Input
              name="escalateAfterHours"
              type="number"
              inputMode="numeric"
              min={1}
              max={168}
              step={1}
              required
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              className="max-w-32"
            />
          </Field>
          <div>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save settings'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
