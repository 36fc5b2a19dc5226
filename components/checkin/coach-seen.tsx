'use client';
import { SeenLines, useAlertsSeen } from '@/components/progress/alerts-seen';

/**
 * Under a check-in that alerted the coaches: whether a coach has seen the open alert yet, and
 * who and when. It updates by itself (every 15 s and on focus), politely announced.
 */
export function CoachSeen() {
  const seen = useAlertsSeen();
  const open = seen.data?.alerts.filter((a) => a.state !== 'resolved') ?? [];
  return (
    <div aria-live="polite" className="min-h-6">
      {seen.data && open.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {open.map((a) => (
            <li key={a.alertId} className="flex flex-col gap-1">
              {open.length > 1 ? (
                <span className="text-sm text-muted-foreground">{a.teamName}</span>
              ) : null}
              <SeenLines alert={a} timeZone={seen.data.timeZone} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
