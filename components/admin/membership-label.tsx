import { Badge } from '@/components/ui/badge';

const ROLE = { admin: 'Club admin', coach: 'Coach', athlete: 'Athlete' } as const;
const STATUS = { pending: 'Pending', deactivated: 'Deactivated', removed: 'Removed' } as const;

export function MembershipLabel({
  membership,
}: {
  membership: {
    role: 'admin' | 'coach' | 'athlete';
    teamName: string | null;
    teamArchived: boolean;
  };
}) {
  return (
    <span>
      {ROLE[membership.role]}
      {membership.teamName ? ` · ${membership.teamName}` : ''}
      {membership.teamArchived ? ' (archived team)' : ''}
    </span>
  );
}

/** Nothing for active memberships; a word (not a colour) for the others. */
export function StatusBadge({
  status,
}: {
  status: 'pending' | 'active' | 'deactivated' | 'removed';
}) {
  if (status === 'active') return null;
  return (
    <Badge variant={status === 'removed' ? 'outline' : 'secondary'} className="font-normal">
      {STATUS[status]}
    </Badge>
  );
}
