'use client';
/**
 * Connects a squad board to the realtime client (design.md §2 items 4–5): events patch the
 * react-query cache of the team's board (level, score and rules at once; the row's other columns
 * through one small audited `squad.row` query), a board fetched a moment ago is rebased on the
 * events that arrived meanwhile, `sync:reset` and roster changes refetch, and a new red raises a
 * toast, a count in the tab title and, when the coach allowed it, a browser notification.
 */
import { hashKey, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { type ConnectionState, getRealtimeClient } from '@/lib/realtime/client';
import type { TeamEvent } from '@/lib/realtime/events';
import {
  applyEvent,
  type BoardData,
  type BoardRow,
  isNewRed,
  mergeRow,
  reasonFromRuleIds,
  rebase,
} from './board-model';
import { flashStore } from './live-store';
import { noteNewRed } from './red-alerts';

/** Row fetches wait this long to coalesce a burst (e.g. the daily re-assessment). */
const ROW_FETCH_DELAY_MS = 250;
/** More rows than this at once: one board refetch is cheaper than many row fetches. */
const ROW_FETCH_LIMIT = 20;

export function useConnectionState(): ConnectionState {
  const client = getRealtimeClient();
  return useSyncExternalStore(client.subscribeState, client.getState, () => 'idle');
}

type Trpc = ReturnType<typeof useTRPC>;

function boardTeamOf(trpc: Trpc, queryKey: readonly unknown[], queryHash: string): string | null {
  const meta = queryKey[1] as { input?: { teamId?: unknown } } | undefined;
  const teamId = meta?.input?.teamId;
  if (typeof teamId !== 'string') return null;
  return hashKey(trpc.squad.board.queryKey({ teamId })) === queryHash ? teamId : null;
}

/**
 * Wires the socket to the query cache for every team's board, once per page. `teamNames` names
 * teams in toasts; `ready` is true once the shown board has data (its seq is the first cursor).
 */
export function useLiveBoard(input: {
  teamId: string;
  board: BoardData | undefined;
  teamNames: Record<string, string>;
}) {
  const { teamId, board } = input;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const client = getRealtimeClient();
  const teamNames = useRef(input.teamNames);
  teamNames.current = input.teamNames;
  const ready = board !== undefined;
  const boardSeq = board?.seq;

  // The shown board's seq is where its stream stands: the handshake replays after it.
  useEffect(() => {
    if (boardSeq !== undefined) client.cursors.advanceTo(teamId, boardSeq);
  }, [client, teamId, boardSeq]);

  // Connect once the first board is in the cache (so the first handshake carries its cursor).
  useEffect(() => {
    if (!ready) return;
    return client.acquire();
  }, [client, ready]);

  useEffect(() => {
    const pending = new Map<string, Set<string>>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const boardKey = (t: string) => trpc.squad.board.queryKey({ teamId: t });

    const refetchBoard = (t: string) => {
      void queryClient.invalidateQueries({ queryKey: boardKey(t), exact: true });
    };

    const flushRows = () => {
      timer = undefined;
      for (const [t, ids] of pending) {
        pending.delete(t);
        if (ids.size > ROW_FETCH_LIMIT) {
          refetchBoard(t);
          continue;
        }
        for (const athleteId of ids) void fetchRow(queryClient, trpc, t, athleteId);
      }
    };

    const scheduleRow = (t: string, athleteId: string) => {
      const ids = pending.get(t) ?? new Set<string>();
      ids.add(athleteId);
      pending.set(t, ids);
      timer ??= setTimeout(flushRows, ROW_FETCH_DELAY_MS);
    };

    const offEvent = client.onEvent((event: TeamEvent, verdict) => {
      const key = boardKey(event.teamId);
      const current = queryClient.getQueryData<BoardData>(key);
      if (current) {
        const result = applyEvent(current, event);
        if (result.board !== current) queryClient.setQueryData(key, result.board);
        if (result.fetchRow) {
          scheduleRow(event.teamId, result.fetchRow);
          flashStore.flash(event.teamId, result.fetchRow);
        }
        if (result.refetch) refetchBoard(event.teamId);
      }
      if (verdict === 'gap') refetchBoard(event.teamId);
      if (isNewRed(event)) {
        const row = current?.rows.find((r) => r.athleteId === event.athleteId);
        noteNewRed({
          athleteId: event.athleteId,
          name: row?.name ?? null,
          reason: reasonFromRuleIds(event.ruleIds)?.title ?? null,
          teamName: teamNames.current[event.teamId] ?? null,
          elsewhere: event.teamId !== teamId,
          href: `/athletes/${event.athleteId}`,
        });
      }
    });

    const offReset = client.onReset((t) => refetchBoard(t));

    // A board fetched at an older seq than the events already applied is brought up to date.
    const unsubscribe = queryClient.getQueryCache().subscribe((e) => {
      if (e.type !== 'updated' || e.action.type !== 'success') return;
      const t = boardTeamOf(trpc, e.query.queryKey, e.query.queryHash);
      if (!t) return;
      const data = e.query.state.data as BoardData | undefined;
      if (!data) return;
      client.cursors.advanceTo(t, data.seq);
      const cursor = client.cursors.get(t) ?? data.seq;
      if (cursor <= data.seq) return;
      if (!client.log.covers(t, data.seq, cursor)) {
        // Too far behind to rebase from the log: read again (rare; the log keeps 500 events).
        refetchBoard(t);
        return;
      }
      const result = rebase(data, client.log.after(t, data.seq));
      queryClient.setQueryData(boardKey(t), result.board);
      if (result.refetch) refetchBoard(t);
    });

    return () => {
      offEvent();
      offReset();
      unsubscribe();
      clearTimeout(timer);
    };
  }, [client, queryClient, trpc, teamId]);
}

/** Fetches one athlete's row and merges it, replaying the logged events its read missed. */
async function fetchRow(queryClient: QueryClient, trpc: Trpc, teamId: string, athleteId: string) {
  const client = getRealtimeClient();
  try {
    const fetched = await queryClient.fetchQuery({
      ...trpc.squad.row.queryOptions({ teamId, athleteId }),
      staleTime: 0,
      gcTime: 0,
    });
    const key = trpc.squad.board.queryKey({ teamId });
    queryClient.setQueryData<BoardData>(key, (current) =>
      current
        ? mergeRow(current, fetched as { seq: number; row: BoardRow }, client.log.after(teamId, 0))
        : current,
    );
  } catch {
    // NOT_FOUND: the athlete left the team between the event and the read; the roster event
    // that follows refetches the board. Other errors: the next event or refetch repairs it.
  }
}
