import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell, type NavItem } from '@/components/shell/app-shell';
import { contextsOf, currentContext } from '@/server/api/contexts';
import { serverCaller } from '@/server/api/server-caller';

export const dynamic = 'force-dynamic';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { viewer } = await serverCaller();
  if (!viewer) redirect('/login');
  const contexts = contextsOf(viewer);
  const roles = new Set(contexts.map((c) => c.role));
  const nav: NavItem[] = [];
  if (roles.has('athlete')) {
    nav.push(
      { href: '/check-in', label: 'Check-in', icon: 'check-in' },
      { href: '/me', label: 'Me', icon: 'me' },
    );
  }
  if (roles.has('coach')) nav.push({ href: '/squad', label: 'Squad', icon: 'squad' });
  if (roles.has('admin')) nav.push({ href: '/admin', label: 'Admin', icon: 'admin' });
  return (
    <AppShell
      user={{ name: viewer.name, email: viewer.email }}
      nav={nav}
      contexts={contexts.map((c) => ({
        key: c.key,
        role: c.role,
        label: c.label,
        href: `/switch?to=${encodeURIComponent(c.key)}`,
      }))}
      currentContextKey={currentContext(viewer)?.key ?? null}
    >
      {children}
    </AppShell>
  );
}
