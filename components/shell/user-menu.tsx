'use client';

import { ChevronDown, LogOut } from 'lucide-react';
import * as React from 'react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { toast } from '@/components/ui/toaster';
import { jsonMutationHeaders } from '@/lib/http';
import type { ShellUser } from './types';

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function signOutFailed(description: string) {
  toast({ title: 'Couldn’t sign out', description, variant: 'destructive' });
  return false;
}

/**
 * POST /api/auth/logout with the mutation header, then a full navigation to /login (so no
 * client cache of health data survives). Shows a toast instead if the server refused.
 */
export async function signOut(): Promise<boolean> {
  let res: Response;
  try {
    res = await fetch('/api/auth/logout', {
      method: 'POST',
      headers: { ...jsonMutationHeaders },
      body: '{}',
      credentials: 'same-origin',
    });
  } catch {
    return signOutFailed('Check your connection and try again.');
  }
  // 401: the session was already gone — that is signed out too.
  if (!res.ok && res.status !== 401) {
    return signOutFailed(`The server answered ${res.status}. Try again.`);
  }
  window.location.assign('/login');
  return true;
}

export function UserMenu({ user }: { user: ShellUser }) {
  const [pending, setPending] = React.useState(false);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          aria-label={`Account menu: ${user.name}`}
          className="h-11 gap-2 px-1.5 sm:h-10 sm:px-2"
        >
          <span
            aria-hidden="true"
            className="flex size-8 items-center justify-center rounded-full bg-secondary text-xs font-semibold text-secondary-foreground"
          >
            {initials(user.name)}
          </span>
          <span className="sr-only max-w-40 truncate lg:not-sr-only">{user.name}</span>
          <ChevronDown aria-hidden="true" className="hidden text-muted-foreground lg:block" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" portal={false} className="w-64">
        <DropdownMenuLabel className="grid gap-0.5 py-2 font-normal">
          <span className="truncate text-sm font-medium text-foreground">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={pending}
          onSelect={(event) => {
            event.preventDefault();
            setPending(true);
            void signOut().then((ok) => {
              if (!ok) setPending(false);
            });
          }}
        >
          <LogOut aria-hidden="true" />
          {pending ? 'Signing out…' : 'Sign out'}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
