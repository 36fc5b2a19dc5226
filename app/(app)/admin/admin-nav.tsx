'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/utils';

const SECTIONS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/members', label: 'Members' },
  { href: '/admin/teams', label: 'Teams' },
  { href: '/admin/invitations', label: 'Invitations' },
  { href: '/admin/import', label: 'Import' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/settings', label: 'Settings' },
] as const;

/** Section tabs of the admin area; scrolls sideways on phones rather than wrapping. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Club admin" className="-mx-4 mb-5 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b">
        {SECTIONS.map((s) => {
          const active = s.href === '/admin' ? pathname === '/admin' : pathname?.startsWith(s.href);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  '-mb-px inline-flex min-h-11 items-center border-b-2 border-transparent px-3 text-sm font-medium text-muted-foreground hover:text-foreground',
                  'aria-[current=page]:border-primary aria-[current=page]:text-foreground',
                )}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
