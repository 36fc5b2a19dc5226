import { Ban, CircleCheck, Clock, Hourglass, Users } from 'lucide-react';
import { Badge } from '@/components/ui/badge';

const LOOK = {
  pending: { icon: Hourglass, text: 'Pending', variant: 'secondary' },
  active: { icon: CircleCheck, text: 'Active', variant: 'secondary' },
  used: { icon: CircleCheck, text: 'Accepted', variant: 'outline' },
  full: { icon: Users, text: 'Full', variant: 'outline' },
  expired: { icon: Clock, text: 'Expired', variant: 'outline' },
  revoked: { icon: Ban, text: 'Revoked', variant: 'outline' },
} as const;

/** Icon and word, never colour alone. */
export function InviteStatusBadge({ status }: { status: keyof typeof LOOK }) {
  const look = LOOK[status];
  const Icon = look.icon;
  return (
    <Badge variant={look.variant}>
      <Icon aria-hidden="true" />
      {look.text}
    </Badge>
  );
}
