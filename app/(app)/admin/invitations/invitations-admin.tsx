'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { InvitationsTable } from '@/components/invites/invitations-table';
import { JoinCodesPanel } from '@/components/invites/join-codes-panel';
import { JoinRequestsPanel } from '@/components/invites/join-requests-panel';
import { PersonalInviteForm } from '@/components/invites/personal-invite-form';
import { useTRPC } from '@/components/providers/trpc';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

export function InvitationsAdmin({ clubId, clubName }: { clubId: string; clubName: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.invites.list.queryOptions({ clubId }));
  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title="Invitations"
        eyebrow={clubName}
        description="Invite people one by one, or hand out a join code for a whole group. For many people at once, use the import."
      />

      <Card>
        <CardHeader>
          <CardTitle>Invite a person</CardTitle>
          <CardDescription>
            {list.data?.emailConfigured
              ? 'They get an email with a link that works once. You also see the link here.'
              : 'You get a link that works once. Email is not set up on this server, so send it yourself.'}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {list.data ? (
            <PersonalInviteForm clubId={clubId} teams={list.data.teams} />
          ) : (
            <Skeleton className="h-40 w-full" />
          )}
        </CardContent>
      </Card>

      <section aria-labelledby="requests-heading" className="flex flex-col gap-3">
        <h2 id="requests-heading" className="text-lg font-semibold">
          Join requests
        </h2>
        <JoinRequestsPanel clubId={clubId} />
      </section>

      <section aria-labelledby="codes-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="codes-heading" className="text-lg font-semibold">
            Team join codes
          </h2>
          <p className="text-sm text-muted-foreground">
            One link and QR code for a group, e.g. at the track. Each person who uses it asks to
            join as an athlete; you or the team’s coach approve them.
          </p>
        </div>
        <JoinCodesPanel clubId={clubId} />
      </section>

      <section aria-labelledby="invites-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="invites-heading" className="text-lg font-semibold">
            Personal invitations
          </h2>
          <p className="text-sm text-muted-foreground">
            Links are shown only when created. To resend, revoke and invite again, or{' '}
            <Link href="/admin/import" className="text-primary underline underline-offset-4">
              import a roster
            </Link>
            .
          </p>
        </div>
        {list.isPending ? (
          <Skeleton className="h-48 w-full" />
        ) : list.isError ? (
          <Alert variant="destructive">
            <AlertTitle>Could not load the invitations</AlertTitle>
            <AlertDescription>{list.error.message}</AlertDescription>
          </Alert>
        ) : (
          <InvitationsTable rows={list.data.invites} />
        )}
      </section>
    </div>
  );
}
