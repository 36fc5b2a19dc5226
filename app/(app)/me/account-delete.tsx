'use client';

import { useMutation } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import * as React from 'react';
import { problemsOf } from '@/components/consent/types';
import { useTRPC } from '@/components/providers/trpc';
import { signOut } from '@/components/shell/user-menu';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/** Deletes the account for good after the password is entered again (GDPR Art. 17). */
export function AccountDelete() {
  const trpc = useTRPC();
  const uid = React.useId();
  const passwordId = `delete-${uid}-password`;
  const [open, setOpen] = React.useState(false);
  const [password, setPassword] = React.useState('');
  const [fieldError, setFieldError] = React.useState<string | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);

  const mutation = useMutation(
    trpc.account.deleteAccount.mutationOptions({
      onSuccess: async (result) => {
        if (result.deleted) {
          // The session is gone on the server; clear the cookie and leave.
          if (!(await signOut())) window.location.assign('/login');
          return;
        }
        setPassword('');
        if (result.problem === 'wrong-password') {
          setFieldError('That is not your password.');
          document.getElementById(passwordId)?.focus();
        } else if (result.problem === 'rate-limited') {
          setProblem(
            `Too many wrong passwords. Try again in ${Math.ceil(result.retryAfterSec / 60)} minutes.`,
          );
        } else {
          setProblem(
            `You are the only admin of ${result.clubs.join(', ')}. Make someone else an admin first, so the club is not left without one.`,
          );
        }
      },
      onError: (error) => {
        const { fields, message } = problemsOf(error);
        if (fields.password) setFieldError(fields.password);
        else setProblem(message);
      },
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!password) {
      setFieldError('Enter your password.');
      document.getElementById(passwordId)?.focus();
      return;
    }
    setFieldError(null);
    mutation.mutate({ password });
  }

  return (
    <section
      id="delete-account"
      aria-labelledby="delete-heading"
      className="flex scroll-mt-20 flex-col gap-3"
    >
      <h2 id="delete-heading" className="text-lg font-semibold">
        Delete account
      </h2>
      <p className="max-w-prose text-sm text-muted-foreground">
        Removes your account, your check-ins and everything worked out from them, for good. Your
        coaches will no longer see you. Download your data first if you want a copy.
      </p>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          setPassword('');
          setFieldError(null);
          setProblem(null);
        }}
      >
        <DialogTrigger asChild>
          <Button variant="destructive" className="w-full sm:w-fit">
            Delete my account
          </Button>
        </DialogTrigger>
        <DialogContent>
          <form noValidate onSubmit={submit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Delete your account?</DialogTitle>
              <DialogDescription>
                This cannot be undone. Enter your password to confirm.
              </DialogDescription>
            </DialogHeader>
            {problem ? (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{problem}</AlertDescription>
              </Alert>
            ) : null}
            <Field id={passwordId} label="Password" error={fieldError ?? undefined}>
              <Input
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button type="submit" variant="destructive" disabled={mutation.isPending}>
                {mutation.isPending ? (
                  <Loader2 aria-hidden="true" className="animate-spin" />
                ) : null}
                Delete for good
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </section>
  );
}
