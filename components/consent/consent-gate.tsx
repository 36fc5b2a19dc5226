'use client';

import { useQuery } from '@tanstack/react-query';
import type * as React from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { ConsentStep } from './consent-step';
import type { ConsentState } from './types';

/**
 * Shows the consent step instead of `children` (the check-in form) until the athlete has a current
 * consent in every club they belong to; the server refuses check-ins without it anyway.
 */
export function ConsentGate({
  initial,
  children,
}: {
  initial?: ConsentState;
  children: React.ReactNode;
}) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.account.consentState.queryOptions(undefined, { initialData: initial }),
  );
  if (query.isPending) return <Skeleton className="h-96 w-full" />;
  if (query.isError) {
    return (
      <Alert variant="destructive" role="alert">
        <AlertTitle>Could not check your consent</AlertTitle>
        <AlertDescription>Reload the page to try again.</AlertDescription>
      </Alert>
    );
  }
  const state = query.data;
  const missing = state.clubs.find((c) => c.status !== 'given');
  if (!missing) {
    if (state.clubs.length === 0) {
      return (
        <Alert variant="info">
          <AlertTitle>You are not on a team yet</AlertTitle>
          <AlertDescription>Ask your coach for an invitation link.</AlertDescription>
        </Alert>
      );
    }
    return children;
  }
  return <ConsentStep key={missing.clubId} club={missing} state={state} headingLevel={2} />;
}
