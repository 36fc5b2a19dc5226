'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Inbox } from 'lucide-react';
import { useTRPC } from '@/components/providers/trpc';
import { EmptyState } from '@/components/shell/empty-state';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime } from './format';

/** People who asked to join with a code, waiting for the viewer's approval. */
export function JoinRequestsPanel({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.invites.joinRequests.queryOptions({ clubId }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.invites.joinRequests.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.invites.joinCodes.queryKey() }),
    ]);
  const approve = useMutation(trpc.invites.approveJoin.mutationOptions({ onSettled: refresh }));
  const decline = useMutation(trpc.invites.declineJoin.mutationOptions({ onSettled: refresh }));

  if (query.isPending) return <Skeleton className="h-24 w-full" />;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        Could not load join requests: {query.error.message}
      </p>
    );
  if (query.data.length === 0)
    return (
      <EmptyState
        headingLevel={3}
        icon={<Inbox />}
        title="No one is waiting"
        description="When someone uses a join code, their request appears here for you to approve."
      />
    );
  const busy = (id: string) =>
    (approve.isPending && approve.variables?.membershipId === id) ||
    (decline.isPending && decline.variables?.membershipId === id);
  const error = approve.error ?? decline.error;
  return (
    <div className="flex flex-col gap-2">
      <ul className="divide-y rounded-lg border bg-card" aria-label="Join requests">
        {query.data.map((r) => (
          <li
            key={r.membershipId}
            data-membership-id={r.membershipId}
            className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-medium">{r.name}</p>
              <p className="text-sm break-all text-muted-foreground">{r.email}</p>
              <p className="text-sm text-muted-foreground">
                Asks to join {r.teamName} · {formatDateTime(r.requestedAt)}
              </p>
            </div>
            <div className="flex shrink-0 gap-2">
              <Button
                size="sm"
                disabled={busy(r.membershipId)}
                onClick={() => approve.mutate({ membershipId: r.membershipId })}
                aria-label={`Approve ${r.name} for ${r.teamName}`}
              >
                Approve
              </Button>
              <Button
                size="sm"
                variant="outline"
                disabled={busy(r.membershipId)}
                onClick={() => decline.mutate({ membershipId: r.membershipId })}
                aria-label={`Decline ${r.name}`}
              >
                Decline
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
