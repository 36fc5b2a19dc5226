'use client';

import {
  ClipboardCheck,
  ContactRound,
  type LucideIcon,
  ShieldCheck,
  User,
  Users,
} from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/utils';
import type { NavIcon, NavItem } from './types';

const icons: Record<NavIcon, LucideIcon> = {
  'check-in': ClipboardCheck,
  me: User,
  squad: Users,
  athletes: ContactRound,
  admin: ShieldCheck,
};

function pathOf(href: string) {
  const cut = href.search(/[?#]/);
  const path = cut === -1 ? href : href.slice(0, cut);
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The nav item whose href is the longest prefix of the current path (only one is active). */
function activeHref(items: NavItem[], pathname: string | null): string | null {
  if (!pathname) return null;
  let best: string | null = null;
  let bestLen = -1;
  for (const item of items) {
    const p = pathOf(item.href);
    const match = pathname === p || (p !== '/' && pathname.startsWith(`${p}/`));
    if (match && p.length > bestLen) {
      best = item.href;
      bestLen = p.length;
    }
  }
  return best;
}

/**
 * The one primary <nav>. From `sm` up it sits inline in the header; on phones the same element
 * is fixed to the bottom of the screen as a tab bar (icons + labels, 56 px tall targets,
 * safe-area padding).
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = activeHref(items, pathname);

  return (
    <nav
      aria-label="Primary"
      className={cn(
        // phone: bottom tab bar
        'fixed inset-x-0 bottom-0 z-40 border-t bg-card pb-safe shadow-[0_-1px_3px_rgb(0_0_0/0.04)]',
        // sm+: inline in the header
        'sm:static sm:z-auto sm:self-stretch sm:border-0 sm:bg-transparent sm:pb-0 sm:shadow-none',
      )}
    >
      <ul className="mx-auto flex max-w-md sm:h-full sm:max-w-none sm:gap-1">
        {items.map((item) => {
          const Icon = icons[item.icon] ?? User;
          const active = item.href === current;
          return (
            <li key={item.href} className="flex min-w-0 flex-1 sm:flex-none">
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'group relative flex min-w-0 flex-1 items-center text-muted-foreground transition-colors hover:text-foreground',
                  'aria-[current=page]:text-primary',
                  // phone tab
                  'min-h-14 flex-col justify-center gap-0.5 px-1 text-xs focus-visible:-outline-offset-2',
                  // sm+ header link with an underline marker for the active page
                  'sm:min-h-0 sm:flex-row sm:gap-2 sm:px-3 sm:text-sm',
                  'sm:aria-[current=page]:text-foreground',
                  'sm:after:absolute sm:after:inset-x-2 sm:after:bottom-0 sm:after:h-0.5 sm:after:rounded-full sm:after:content-[""]',
                  'sm:aria-[current=page]:after:bg-primary',
                )}
              >
                <span
                  className={cn(
                    'flex h-7 w-14 items-center justify-center rounded-full transition-colors',
                    'group-aria-[current=page]:bg-primary-soft',
                    'sm:h-auto sm:w-auto sm:bg-transparent sm:group-aria-[current=page]:bg-transparent',
                  )}
                >
                  <Icon aria-hidden="true" className="size-5 sm:size-4" />
                </span>
                <span className="max-w-full truncate group-aria-[current=page]:font-semibold sm:font-medium sm:group-aria-[current=page]:font-medium">
                  {item.label}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
