'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toaster';

/** Mirrors the notes router's limit, so the form stops where the server would. */
const NOTE_MAX = 2000;

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The coaches' notes about an athlete: a list (newest first) and, for the athlete's coaches, a
 * form to add one. The text stays in the database and this page: it is never sent in events.
 */
export function CoachNotes({ athleteId, canAdd }: { athleteId: string; canAdd: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notes = useQuery(
    trpc.notes.list.queryOptions({ athleteId }, { refetchOnWindowFocus: true }),
  );
  const [body, setBody] = useState('');
  const fieldId = useId();
  const add = useMutation(
    trpc.notes.add.mutationOptions({
      onSuccess: async () => {
        setBody('');
        toast({ title: 'Note added', variant: 'success' });
        await queryClient.invalidateQueries({ queryKey: trpc.notes.list.queryKey({ athleteId }) });
      },
    }),
  );
  const fieldErrors = (add.error?.data as { fieldErrors?: Record<string, string> } | undefined)
    ?.fieldErrors;
  const error = fieldErrors?.body ?? add.error?.message;

  return (
    <div className="flex flex-col gap-4">
      {canAdd ? (
        <form
          className="grid gap-3 rounded-lg border bg-card p-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!body.trim()) return;
            add.mutate({ athleteId, body });
          }}
        >
          <Field
            label="New note"
            hint="Visible to this athlete's coaches (and club admins allowed to see health data), not to the athlete."
            error={error}
          >
            <Textarea
              id={fieldId}
              value={body}
              maxLength={NOTE_MAX}
              rows={3}
              onChange={(e) => setBody(e.target.value)}
            />
          </Field>
          <div>
            <Button type="submit" disabled={add.isPending || body.trim() === ''}>
              {add.isPending ? 'Saving…' : 'Add note'}
            </Button>
          </div>
        </form>
      ) : null}
      {notes.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : notes.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Could not load the notes: {notes.error.message}
        </p>
      ) : notes.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">No notes yet.</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Coach notes, newest first">
          {notes.data.map((n) => (
            <li key={n.id} className="rounded-lg border bg-card p-4">
              <p className="text-sm whitespace-pre-line">{n.body}</p>
              <p className="mt-2 text-xs text-muted-foreground">
                {n.authorName ?? 'A former coach'}
                {n.teamName ? ` · ${n.teamName}` : ''} ·{' '}
                <time dateTime={n.createdAt.toISOString()}>{when.format(n.createdAt)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
