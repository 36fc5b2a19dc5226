import type * as React from 'react';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { Toaster } from '@/components/ui/toaster';
import { Brand } from './brand';
import { ContextSwitcher } from './context-switcher';
import { NavLinks } from './nav-links';
import type { NavItem, ShellContext, ShellUser } from './types';
import { UserMenu } from './user-menu';

export type { NavIcon, NavItem, Role, ShellContext, ShellUser } from './types';

export interface AppShellProps {
  user: ShellUser;
  nav: NavItem[];
  contexts: ShellContext[];
  currentContextKey: string | null;
  children: React.ReactNode;
}

/**
 * The chrome of every signed-in page (server component; all props are plain data).
 * Skip link → header (brand, primary nav, context switcher, theme toggle, user menu) →
 * `<main id="main">`. On phones the primary nav becomes a bottom tab bar and <main> reserves
 * room for it. The page renders its own <h1> (use <PageHeader>).
 */
export function AppShell({ user, nav, contexts, currentContextKey, children }: AppShellProps) {
  const hasNav = nav.length > 0;
  return (
    <div data-slot="app-shell" className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="fixed top-2 left-2 z-[70] -translate-y-24 rounded-md bg-primary px-4 py-2.5 text-sm font-medium text-primary-foreground shadow-lg focus:translate-y-0"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b bg-card">
        <div className="mx-auto flex h-14 w-full max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
          <Brand compact />
          {hasNav ? <NavLinks items={nav} /> : null}
          <div className="ml-auto flex min-w-0 items-center justify-end gap-1">
            <ContextSwitcher contexts={contexts} currentContextKey={currentContextKey} />
            <ThemeToggle />
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className={
          hasNav
            ? 'mx-auto w-full max-w-7xl flex-1 px-4 pt-5 pb-tabbar outline-none sm:px-6 sm:pt-8 sm:pb-12'
            : 'mx-auto w-full max-w-7xl flex-1 px-4 pt-5 pb-10 outline-none sm:px-6 sm:pt-8 sm:pb-12'
        }
      >
        {children}
      </main>
      <Toaster />
    </div>
  );
}
