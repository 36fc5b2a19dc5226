/**
 * The browser's bookkeeping of team event streams (design.md §2 item 5): the last seq applied per
 * team (sent as `auth.cursors` on every connect and reconnect), de-duplication of replayed events,
 * gap detection, and a short log of recent events so a board fetched a moment ago can be brought
 * up to date. Pure: no socket, no React.
 */
import type { TeamEvent } from './events';

/** What to do with an arriving event. */
export type Verdict =
  /** The next event of the stream, or the first one seen: apply it. */
  | 'apply'
  /** Already applied (a replay after reconnect, or a board that already includes it): drop it. */
  | 'seen'
  /** Apply it, but events before it were missed: refetch that team. */
  | 'gap';

/** Events kept per team for rebasing a board read at an older seq. */
export const LOG_LIMIT = 500;

export class TeamCursors {
  private readonly cursors = new Map<string, number>();

  get(teamId: string): number | undefined {
    return this.cursors.get(teamId);
  }

  /** The handshake's `cursors`: the last seq applied per team. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.cursors);
  }

  /** Judges an event by its seq and, unless it was seen, advances the cursor past it. */
  offer(teamId: string, seq: number): Verdict {
    if (!Number.isInteger(seq) || seq < 1) return 'seen';
    const cursor = this.cursors.get(teamId);
    if (cursor !== undefined && seq <= cursor) return 'seen';
    this.cursors.set(teamId, seq);
    return cursor !== undefined && seq > cursor + 1 ? 'gap' : 'apply';
  }

  /** A board read at `seq` includes every event up to it: never move a cursor backwards. */
  advanceTo(teamId: string, seq: number): void {
    const cursor = this.cursors.get(teamId);
    if (cursor === undefined || seq > cursor) this.cursors.set(teamId, seq);
  }

  /** After access to a team ends, its cursor must not be sent again. */
  forget(teamId: string): void {
    this.cursors.delete(teamId);
  }
}

/** The most recent events of each team, oldest first, for rebasing older reads. */
export class EventLog {
  private readonly byTeam = new Map<string, TeamEvent[]>();

  constructor(private readonly limit = LOG_LIMIT) {}

  push(event: TeamEvent): void {
    const list = this.byTeam.get(event.teamId) ?? [];
    // Events arrive in seq order per team; keep the list sorted even if one does not.
    if (list.length > 0 && list[list.length - 1]!.seq > event.seq) {
      const at = list.findIndex((e) => e.seq > event.seq);
      list.splice(at, 0, event);
    } else {
      list.push(event);
    }
    if (list.length > this.limit) list.splice(0, list.length - this.limit);
    this.byTeam.set(event.teamId, list);
  }

  /** Events of a team with seq > `afterSeq`, oldest first. */
  after(teamId: string, afterSeq: number): TeamEvent[] {
    return (this.byTeam.get(teamId) ?? []).filter((e) => e.seq > afterSeq);
  }

  /**
   * True when the log holds every event of the team in (afterSeq, upTo], so a read at `afterSeq`
   * can be rebased without a refetch.
   */
  covers(teamId: string, afterSeq: number, upTo: number): boolean {
    if (upTo <= afterSeq) return true;
    const list = this.byTeam.get(teamId) ?? [];
    const first = list[0];
    return first !== undefined && first.seq <= afterSeq + 1;
  }

  clear(teamId: string): void {
    this.byTeam.delete(teamId);
  }
}
