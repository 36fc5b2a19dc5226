import type { Role, Viewer } from '@/server/auth/viewer';

export interface RoleContext {
  key: string;
  role: Role;
  clubId: string;
  teamId: string | null;
  label: string;
  /** Where this context lands. */
  home: string;
}

const ROLE_ORDER: Record<Role, number> = { athlete: 0, coach: 1, admin: 2 };

/** One context per admin club, per coached team and per athlete club. */
export function contextsOf(viewer: Viewer): RoleContext[] {
  const seen = new Set<string>();
  const out: RoleContext[] = [];
  for (const m of viewer.memberships) {
    const key =
      m.role === 'coach'
        ? `coach:${m.teamId}`
        : m.role === 'admin'
          ? `admin:${m.clubId}`
          : `athlete:${m.clubId}`;
    if (seen.has(key) || (m.role === 'coach' && !m.teamId)) continue;
    seen.add(key);
    out.push({
      key,
      role: m.role,
      clubId: m.clubId,
      teamId: m.teamId,
      label:
        m.role === 'coach'
          ? `Coach · ${m.teamName}`
          : m.role === 'admin'
            ? `Admin · ${m.clubName}`
            : `Athlete · ${m.clubName}`,
      home: m.role === 'coach' ? `/squad/${m.teamId}` : m.role === 'admin' ? '/admin' : '/check-in',
    });
  }
  return out.sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.label.localeCompare(b.label),
  );
}

/** The context a user lands in: the last one used if still valid, else athlete, coach, admin. */
export function currentContext(viewer: Viewer): RoleContext | null {
  const all = contextsOf(viewer);
  const last = viewer.lastContext;
  if (last) {
    const match = all.find(
      (c) =>
        c.role === last.role &&
        c.clubId === last.clubId &&
        (c.role !== 'coach' || c.teamId === last.teamId),
    );
    if (match) return match;
  }
  return all[0] ?? null;
}
