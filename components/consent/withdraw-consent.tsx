'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import * as React from 'react';
import { useTRPC } from '@/components/providers/trpc';
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
import { RadioGroup, RadioGroupOption } from '@/components/ui/radio-group';
import { toast } from '@/components/ui/toaster';
import { type ClubConsent, problemsOf } from './types';

/**
 * Withdraw consent for a club (check-ins stop at once), choosing whether its coaches keep seeing
 * what was shared before. After withdrawing, the same dialog changes only that choice.
 */
export function WithdrawConsent({ club }: { club: ClubConsent }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const withdrawn = club.status === 'withdrawn';
  const [open, setOpen] = React.useState(false);
  const [choice, setChoice] = React.useState<'keep' | 'hide'>(
    withdrawn && club.lastWithdrawal && !club.lastWithdrawal.historyVisible ? 'hide' : 'keep',
  );
  const [error, setError] = React.useState<string | null>(null);
  const groupLabel = React.useId();

  const mutation = useMutation(
    trpc.account.consent.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        toast({
          title: withdrawn ? 'Your choice is saved' : `Consent withdrawn from ${club.clubName}`,
          description:
            choice === 'hide'
              ? 'Coaches no longer see your check-ins.'
              : 'Coaches still see what you shared before; nothing new is stored.',
          variant: 'success',
        });
        await queryClient.invalidateQueries(trpc.account.consentState.queryFilter());
      },
      onError: (e) => setError(problemsOf(e).message),
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant={withdrawn ? 'outline' : 'destructive'}>
          {withdrawn ? 'Change who sees my history' : 'Withdraw consent'}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            {withdrawn ? 'Who sees your history?' : `Withdraw consent from ${club.clubName}?`}
          </DialogTitle>
          <DialogDescription>
            {withdrawn
              ? 'Your consent is withdrawn: no new check-ins are stored.'
              : 'From now on Loadline refuses new check-ins. You can give consent again later.'}
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <p id={groupLabel} className="text-sm font-medium">
            What you shared before
          </p>
          <RadioGroup
            aria-labelledby={groupLabel}
            value={choice}
            onValueChange={(v) => setChoice(v as 'keep' | 'hide')}
          >
            <RadioGroupOption
              value="keep"
              label="Coaches keep seeing it"
              description="Your coaches still see your earlier check-ins and status."
            />
            <RadioGroupOption
              value="hide"
              label="Hide it from coaches"
              description="Your coaches see your name on the team list, nothing else."
            />
          </RadioGroup>
        </div>
        {error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button
            variant={withdrawn ? 'default' : 'destructive'}
            disabled={mutation.isPending}
            onClick={() =>
              mutation.mutate({
                action: 'withdraw',
                clubId: club.clubId,
                historyVisible: choice === 'keep',
              })
            }
          >
            {mutation.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
            {withdrawn ? 'Save choice' : 'Withdraw'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
