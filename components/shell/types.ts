/** Plain, serialisable shell data: build it on the server and pass it to <AppShell>. */

export type Role = 'admin' | 'coach' | 'athlete';

/** One "hat" the user can act in, e.g. { key: 'coach:<teamId>', label: 'Coach · Road Squad' }. */
export interface ShellContext {
  key: string;
  role: Role;
  label: string;
  /** Where choosing it navigates (full page load), e.g. '/switch?to=coach:<teamId>'. */
  href: string;
}

export type NavIcon = 'check-in' | 'me' | 'squad' | 'admin' | 'athletes';

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
}

export interface ShellUser {
  name: string;
  email: string;
}
