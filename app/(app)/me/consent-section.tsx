'use client';

import { useQuery } from '@tanstack/react-query';
import { CircleCheck, CircleDashed, CircleSlash } from 'lucide-react';
import * as React from 'react';
import { ConsentStep } from '@/components/consent/consent-step';
import { type ClubConsent, type ConsentState, formatDay } from '@/components/consent/types';
import { WithdrawConsent } from '@/components/consent/withdraw-consent';
import { useTRPC } from '@/components/providers/trpc';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

const STATUS = {
  given: { label: 'Consent given', Icon: CircleCheck },
  withdrawn: { label: 'Consent withdrawn', Icon: CircleSlash },
  none: { label: 'No consent yet', Icon: CircleDashed },
} as const;

/** /me: the athlete's consent per club — what they agreed to, withdrawal, giving it again. */
export function ConsentSection({ initial }: { initial?: ConsentState }) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.account.consentState.queryOptions(undefined, { initialData: initial }),
  );
  return (
    <section
      id="consent"
      aria-labelledby="consent-heading"
      className="flex scroll-mt-20 flex-col gap-3"
    >
      <h2 id="consent-heading" className="text-lg font-semibold">
        Consent
      </h2>
      {query.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : query.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Could not load your consent</AlertTitle>
          <AlertDescription>Reload the page to try again.</AlertDescription>
        </Alert>
      ) : query.data.clubs.length === 0 ? (
        <p className="text-sm text-muted-foreground">You are not an athlete of any club.</p>
      ) : (
        query.data.clubs.map((club) => (
          <ClubConsentCard key={club.clubId} club={club} state={query.data} />
        ))
      )}
    </section>
  );
}

function ClubConsentCard({ club, state }: { club: ClubConsent; state: ConsentState }) {
  const [reconsent, setReconsent] = React.useState(false);
  const { label, Icon } = STATUS[club.status];
  return (
    <Card data-club-consent={club.status}>
      <CardHeader>
        <CardTitle as="h3" className="flex flex-wrap items-center gap-2">
          {club.clubName}
          <Badge variant={club.status === 'given' ? 'secondary' : 'outline'}>
            <Icon aria-hidden="true" />
            {label}
          </Badge>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {club.status === 'none' ? (
          <ConsentStep club={club} state={state} headingLevel={4} />
        ) : (
          <>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
              {club.current ? (
                <>
                  <dt className="text-muted-foreground">Given on</dt>
                  <dd>{formatDay(club.current.givenAt)}</dd>
                  <dt className="text-muted-foreground">Text version</dt>
                  <dd>
                    {club.current.version}
                    {club.current.isCurrentVersion ? '' : ' (an earlier text; still valid)'}
                  </dd>
                  {club.current.guardianName ? (
                    <>
                      <dt className="text-muted-foreground">Parent or guardian</dt>
                      <dd>{club.current.guardianName}</dd>
                    </>
                  ) : null}
                </>
              ) : null}
              {club.status === 'withdrawn' && club.lastWithdrawal ? (
                <>
                  <dt className="text-muted-foreground">Withdrawn on</dt>
                  <dd>{formatDay(club.lastWithdrawal.withdrawnAt)}</dd>
                </>
              ) : null}
              <dt className="text-muted-foreground">Coaches see your history</dt>
              <dd>{club.visibleToStaff ? 'Yes' : 'No, it is hidden'}</dd>
            </dl>
            {club.status === 'withdrawn' && club.guardianRequired && !reconsent ? (
              <p className="text-sm text-muted-foreground">
                You are under {club.ageOfConsent}: a parent or guardian must agree with you.
              </p>
            ) : null}
            <div className="flex flex-wrap gap-2">
              {club.status === 'withdrawn' && !reconsent ? (
                <Button onClick={() => setReconsent(true)}>Give consent again</Button>
              ) : null}
              <WithdrawConsent club={club} />
            </div>
            {club.status === 'withdrawn' && reconsent ? (
              <ConsentStep
                club={club}
                state={state}
                headingLevel={4}
                onGiven={() => setReconsent(false)}
              />
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
