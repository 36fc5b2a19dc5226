/**
 * Which rows a live event just touched, per team: the board highlights them briefly and, while the
 * coach's pointer or focus holds the order, counts them for the "rows changed — re-sort" chip.
 */
type Listener = () => void;

const EMPTY: ReadonlyMap<string, number> = new Map();

class FlashStore {
  private byTeam = new Map<string, ReadonlyMap<string, number>>();
  private counter = 0;
  private readonly listeners = new Set<Listener>();

  /** Marks a row as just updated; each call gets a new token (re-triggers the highlight). */
  flash(teamId: string, athleteId: string): void {
    const next = new Map(this.byTeam.get(teamId) ?? EMPTY);
    this.counter += 1;
    next.set(athleteId, this.counter);
    this.byTeam.set(teamId, next);
    for (const l of this.listeners) l();
  }

  /** athleteId → token of that row's latest update (stable until the team's rows change). */
  snapshot(teamId: string): ReadonlyMap<string, number> {
    return this.byTeam.get(teamId) ?? EMPTY;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

export const flashStore = new FlashStore();

/** Rows updated after `since` (a snapshot taken earlier). */
export function changedSince(
  since: ReadonlyMap<string, number>,
  now: ReadonlyMap<string, number>,
): string[] {
  const out: string[] = [];
  for (const [id, token] of now) if (since.get(id) !== token) out.push(id);
  return out;
}
