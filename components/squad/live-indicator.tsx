'use client';
import { Loader2, Radio, RefreshCw, ShieldAlert, WifiOff } from 'lucide-react';
import { cn } from '@/components/ui/utils';
import type { ConnectionState } from '@/lib/realtime/client';

const META: Record<
  ConnectionState,
  { word: string; hint: string; Icon: typeof Radio; classes: string; spin?: boolean }
> = {
  idle: {
    word: 'Connecting',
    hint: 'Opening the live connection.',
    Icon: Loader2,
    classes: 'text-muted-foreground',
    spin: true,
  },
  connecting: {
    word: 'Connecting',
    hint: 'Opening the live connection.',
    Icon: Loader2,
    classes: 'text-muted-foreground',
    spin: true,
  },
  syncing: {
    word: 'Catching up',
    hint: 'Fetching the changes made while the connection was away.',
    Icon: RefreshCw,
    classes: 'text-muted-foreground',
    spin: true,
  },
  live: {
    word: 'Live',
    hint: 'Changes appear as athletes check in.',
    Icon: Radio,
    classes: 'border-level-green/40 text-level-green',
  },
  reconnecting: {
    word: 'Reconnecting',
    hint: 'The live connection dropped; the board may be behind until it is back.',
    Icon: RefreshCw,
    classes: 'border-level-amber/50 text-level-amber',
    spin: true,
  },
  offline: {
    word: 'Offline',
    hint: 'This device is offline; the board shows the last known state.',
    Icon: WifiOff,
    classes: 'border-level-red/50 text-level-red',
  },
  'signed-out': {
    word: 'Not live: sign in again',
    hint: 'Your session ended; reload the page to sign in.',
    Icon: ShieldAlert,
    classes: 'border-level-red/50 text-level-red',
  },
};

/**
 * The board's connection state in words and an icon (never colour alone). A polite status
 * region, so a screen reader hears "Reconnecting" and "Live" as they happen.
 */
export function LiveIndicator({
  state,
  className,
}: {
  state: ConnectionState;
  className?: string;
}) {
  const meta = META[state];
  const { Icon } = meta;
  return (
    <span
      role="status"
      data-connection={state}
      title={meta.hint}
      className={cn(
        'inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full border bg-card px-3 text-sm font-medium',
        meta.classes,
        className,
      )}
    >
      <Icon
        aria-hidden="true"
        className={cn(
          'size-4',
          meta.spin && 'motion-safe:animate-spin',
          state === 'live' && 'motion-safe:animate-pulse',
        )}
      />
      <span>{meta.word}</span>
      <span className="sr-only">. {meta.hint}</span>
    </span>
  );
}
