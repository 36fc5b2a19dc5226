'use client';
/**
 * Telling the coach about a new red (design.md §2 item 4): a toast always; while the tab is in the
 * background or unfocused, also a count in the tab title (cleared when the coach comes back) and a
 * browser notification if they allowed notifications. A burst (the daily re-assessment, a replay
 * after a reconnect) becomes one summary toast instead of a stack.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { toast } from '@/components/ui/toaster';
import { titleWithCount } from './title-count';

export interface NewRed {
  athleteId: string;
  name: string | null;
  reason: string | null;
  teamName: string | null;
  /** The red is in another team than the one on screen. */
  elsewhere: boolean;
  href: string;
}

const BURST_MS = 400;
const BURST_TOASTS = 3;

let queue: NewRed[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;
let unseen = 0;
let focused = true;
const listeners = new Set<() => void>();

function away(): boolean {
  if (typeof document === 'undefined') return false;
  return document.visibilityState !== 'visible' || !focused;
}

function setUnseen(n: number) {
  if (n === unseen) return;
  unseen = n;
  if (typeof document !== 'undefined') document.title = titleWithCount(document.title, unseen);
  for (const l of listeners) l();
}

function describeRed(red: NewRed): string {
  const parts = [red.reason ?? 'Open the athlete for the reasons'];
  if (red.elsewhere && red.teamName) parts.push(red.teamName);
  return parts.join(' · ');
}

function flush() {
  flushTimer = undefined;
  const batch = queue;
  queue = [];
  if (batch.length <= BURST_TOASTS) {
    for (const red of batch) {
      toast({
        variant: 'destructive',
        title: `${red.name ?? 'An athlete'} is now red`,
        description: describeRed(red),
        duration: 12_000,
      });
    }
  } else {
    const names = batch.map((r) => r.name ?? 'an athlete');
    toast({
      variant: 'destructive',
      title: `${batch.length} athletes are now red`,
      description: `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`,
      duration: 12_000,
    });
  }
  if (away()) {
    setUnseen(unseen + batch.length);
    notify(batch);
  }
}

function notify(batch: NewRed[]) {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const first = batch[0]!;
    const n = new Notification(
      batch.length === 1
        ? `${first.name ?? 'An athlete'} is now red`
        : `${batch.length} athletes are now red`,
      {
        body: batch.length === 1 ? describeRed(first) : batch.map((r) => r.name).join(', '),
        tag: batch.length === 1 ? `red-${first.athleteId}` : 'red-burst',
      },
    );
    n.onclick = () => {
      window.focus();
      if (batch.length === 1) window.location.assign(first.href);
      n.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the toast and title remain.
  }
}

/** Queue a new red for the coach's attention. */
export function noteNewRed(red: NewRed): void {
  queue.push(red);
  if (flushTimer === undefined) flushTimer = setTimeout(flush, BURST_MS);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Tracks whether the coach is looking (focus and visibility) and keeps the title count while the
 * board is mounted; coming back clears it. Returns the count of unseen new reds.
 */
export function useUnseenReds(): number {
  useEffect(() => {
    focused = document.hasFocus() && document.visibilityState === 'visible';
    const back = () => {
      focused = true;
      if (document.visibilityState === 'visible') setUnseen(0);
    };
    const leave = () => {
      focused = false;
    };
    const visibility = () => {
      if (document.visibilityState === 'visible' && document.hasFocus()) back();
    };
    window.addEventListener('focus', back);
    window.addEventListener('blur', leave);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      window.removeEventListener('focus', back);
      window.removeEventListener('blur', leave);
      document.removeEventListener('visibilitychange', visibility);
      setUnseen(0);
    };
  }, []);
  return useSyncExternalStore(
    subscribe,
    () => unseen,
    () => 0,
  );
}
