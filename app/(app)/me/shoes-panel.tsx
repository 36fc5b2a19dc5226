'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Footprints, TriangleAlert } from 'lucide-react';
import * as React from 'react';
import { shortDate } from '@/components/progress/progress-summary';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { SHOE_START_KM_MAX } from '@/lib/shoes/schema';
import { fieldErrorsOf } from '@/lib/trpc/field-errors';

/** The engine's equipment rule (risk-model.md §4.4) looks at shoes past this distance. */
const WORN_KM = 800;

const km = (value: number) => `${Math.round(value).toLocaleString('en-GB')} km`;

/** Add a shoe, see how far each one has gone, retire one (or bring it back). */
export function ShoesPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.shoes.list.queryOptions());
  const [name, setName] = React.useState('');
  const [startKm, setStartKm] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = React.useState('');
  const nameRef = React.useRef<HTMLInputElement>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.shoes.list.queryKey() });

  const add = useMutation(
    trpc.shoes.add.mutationOptions({
      onSuccess: (shoe) => {
        setName('');
        setStartKm('');
        setErrors({});
        setAnnouncement(`Added ${shoe.name}.`);
        void refresh();
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error) ?? {};
        if (Object.keys(fields).length > 0) {
          setErrors({
            name: fields.name ? 'Give the shoe a name of up to 60 characters.' : '',
            startKm: fields.startKm
              ? `Enter the km already on it, from 0 to ${SHOE_START_KM_MAX}.`
              : '',
          });
          if (fields.name) nameRef.current?.focus();
        } else {
          setErrors({ form: error.message });
        }
      },
    }),
  );

  const retire = useMutation(
    trpc.shoes.retire.mutationOptions({
      onSuccess: (shoe) => {
        setAnnouncement(
          shoe.retiredAt ? `${shoe.name} is retired.` : `${shoe.name} is back in use.`,
        );
        void refresh();
      },
      onError: (error) => setAnnouncement(`Could not change the shoe: ${error.message}`),
    }),
  );

  function onAdd(event: React.FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    const start = startKm.trim() === '' ? 0 : Number(startKm.replace(',', '.'));
    const next: Record<string, string> = {};
    if (trimmed === '' || trimmed.length > 60)
      next.name = 'Give the shoe a name of up to 60 characters.';
    if (!Number.isFinite(start) || start < 0 || start > SHOE_START_KM_MAX) {
      next.startKm = `Enter the km already on it, from 0 to ${SHOE_START_KM_MAX}.`;
    }
    setErrors(next);
    if (next.name) {
      nameRef.current?.focus();
      return;
    }
    if (next.startKm) {
      document.getElementById('shoe-start-km')?.focus();
      return;
    }
    add.mutate({ name: trimmed, startKm: start });
  }

  const shoes = list.data ?? [];
  return (
    <section aria-labelledby="shoes-heading" className="flex scroll-mt-20 flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 id="shoes-heading" className="text-lg font-semibold">
          Shoes
        </h2>
        <p className="text-sm text-muted-foreground">
          Pick the shoe on each run&apos;s check-in; its distance adds up here. Shoes past {WORN_KM}{' '}
          km are flagged in your status.
        </p>
      </div>
      <p role="status" className="text-sm font-medium empty:hidden">
        {announcement}
      </p>
      {list.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : list.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Could not load your shoes</AlertTitle>
          <AlertDescription>{list.error.message}</AlertDescription>
        </Alert>
      ) : shoes.length === 0 ? (
        <p className="flex items-center gap-2 rounded-lg border border-dashed border-input/60 bg-card p-4 text-sm text-muted-foreground">
          <Footprints aria-hidden="true" className="size-4 shrink-0" />
          No shoes yet. Add the ones you run in below.
        </p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Your shoes">
          {shoes.map((shoe) => {
            const retired = shoe.retiredAt !== null;
            const worn = !retired && shoe.totalKm > WORN_KM;
            return (
              <li
                key={shoe.id}
                data-shoe-id={shoe.id}
                className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border bg-card p-3"
              >
                <div className="flex min-w-0 flex-col gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-words">{shoe.name}</span>
                    {retired ? <Badge variant="outline">Retired</Badge> : null}
                  </div>
                  <span className="text-sm text-muted-foreground tabular-nums">
                    <span className="font-medium text-foreground">{km(shoe.totalKm)}</span> ·{' '}
                    {shoe.runs} {shoe.runs === 1 ? 'run' : 'runs'}
                    {shoe.lastUsedOn ? ` · last ${shortDate(shoe.lastUsedOn)}` : ''}
                    {shoe.startKm > 0 ? ` · started at ${km(shoe.startKm)}` : ''}
                  </span>
                  {worn ? (
                    <span className="flex items-center gap-1.5 text-sm font-medium text-level-amber">
                      <TriangleAlert aria-hidden="true" className="size-4 shrink-0" />
                      Over {WORN_KM} km: think about replacing it.
                    </span>
                  ) : null}
                </div>
                <Button
                  variant="outline"
                  size="sm"
                  disabled={retire.isPending}
                  onClick={() => retire.mutate({ shoeId: shoe.id, retired: !retired })}
                >
                  {retired ? 'Use again' : 'Retire'}
                  <span className="sr-only"> {shoe.name}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}

      <form
        noValidate
        onSubmit={onAdd}
        aria-labelledby="add-shoe-heading"
        className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4"
      >
        <h3 id="add-shoe-heading" className="font-semibold">
          Add a shoe
        </h3>
        <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
          <Field label="Shoe name" error={errors.name || undefined} id="shoe-name">
            <Input
              ref={nameRef}
              autoComplete="off"
              maxLength={60}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field
            label="Km already on it"
            hint="0 for a new shoe."
            error={errors.startKm || undefined}
            id="shoe-start-km"
          >
            <Input
              type="number"
              inputMode="decimal"
              min={0}
              max={SHOE_START_KM_MAX}
              step="any"
              value={startKm}
              onChange={(e) => setStartKm(e.target.value)}
            />
          </Field>
        </div>
        {errors.form ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {errors.form}
          </p>
        ) : null}
        <div>
          <Button type="submit" disabled={add.isPending}>
            Add shoe
          </Button>
        </div>
      </form>
    </section>
  );
}
