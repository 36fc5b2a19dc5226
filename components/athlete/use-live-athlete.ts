'use client';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { type ConnectionState, getRealtimeClient } from '@/lib/realtime/client';

/** Events of one check-in (status, then alert) arrive together: one refetch for the burst. */
const COALESCE_MS = 300;

/**
 * Keeps the drill-down current over the page's socket: a `squad:update`, `alert:update` or
 * `roster:update` about this athlete, a `sync:reset` of a team, or a reconnect (events may have
 * been missed while away) calls `refresh`. Events carry ids and levels only; the details come
 * back through the audited query. Returns the connection state for the live indicator.
 */
export function useLiveAthlete(athleteId: string, refresh: () => void): ConnectionState {
  const client = getRealtimeClient();
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  useEffect(() => {
    const release = client.acquire();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => refreshRef.current(), COALESCE_MS);
    };
    const offEvent = client.onEvent((event) => {
      if (event.athleteId === athleteId) schedule();
    });
    const offReset = client.onReset(() => schedule());
    // The first `sync:ready` follows the first fetch; later ones follow a reconnect.
    let firstReady = client.getState() !== 'live';
    const offReady = client.onReady(() => {
      if (firstReady) {
        firstReady = false;
        return;
      }
      schedule();
    });
    return () => {
      clearTimeout(timer);
      offEvent();
      offReset();
      offReady();
      release();
    };
  }, [client, athleteId]);

  return useSyncExternalStore(client.subscribeState, client.getState, () => 'idle');
}
