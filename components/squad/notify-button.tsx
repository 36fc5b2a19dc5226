'use client';
import { Bell, BellOff, BellRing } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

type Permission = NotificationPermission | 'unsupported' | 'unknown';

/**
 * Browser notifications for new reds while the tab is in the background. Permission is asked
 * only when the coach clicks this button, never on page load.
 */
export function NotifyButton() {
  const [permission, setPermission] = useState<Permission>('unknown');
  useEffect(() => {
    setPermission(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
  }, []);

  if (permission === 'unknown' || permission === 'unsupported') return null;
  if (permission === 'granted') {
    return (
      <span className="inline-flex h-8 items-center gap-1.5 text-sm text-muted-foreground">
        <BellRing aria-hidden="true" className="size-4" />
        Notifications on
      </span>
    );
  }
  if (permission === 'denied') {
    return (
      <span
        className="inline-flex h-8 items-center gap-1.5 text-sm text-muted-foreground"
        title="Allow notifications for this site in the browser's settings to get them."
      >
        <BellOff aria-hidden="true" className="size-4" />
        Notifications blocked
      </span>
    );
  }
  return (
    <Button
      variant="outline"
      size="sm"
      onClick={async () => {
        try {
          setPermission(await Notification.requestPermission());
        } catch {
          setPermission(Notification.permission);
        }
      }}
    >
      <Bell aria-hidden="true" />
      Notify me of new reds
    </Button>
  );
}
