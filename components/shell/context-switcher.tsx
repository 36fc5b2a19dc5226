'use client';

import { ChevronsUpDown, ShieldCheck, User, Users } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { cn } from '@/components/ui/utils';
import type { Role, ShellContext } from './types';

const roleIcons = { admin: ShieldCheck, coach: Users, athlete: User } satisfies Record<
  Role,
  unknown
>;

/**
 * Lets a user with several roles/teams pick the one they act in. Renders nothing for a single
 * context except (from `sm` up) a quiet label of it. A menu of radio items rather than an
 * auto-navigating <select>, so arrowing through options never triggers a page load.
 */
export function ContextSwitcher({
  contexts,
  currentContextKey,
  className,
}: {
  contexts: ShellContext[];
  currentContextKey: string | null;
  className?: string;
}) {
  const current = contexts.find((c) => c.key === currentContextKey) ?? null;

  if (contexts.length <= 1) {
    const only = contexts[0];
    if (!only) return null;
    return (
      <span
        className={cn(
          'hidden max-w-56 truncate px-2 text-sm text-muted-foreground sm:inline',
          className,
        )}
      >
        {only.label}
      </span>
    );
  }

  const CurrentIcon = current ? roleIcons[current.role] : ChevronsUpDown;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          className={cn('h-10 min-w-0 max-w-60 justify-start gap-1.5 px-2.5 sm:h-9', className)}
        >
          <CurrentIcon aria-hidden="true" className="text-muted-foreground" />
          <span className="sr-only">Switch context, current: </span>
          <span className="min-w-0 truncate">{current?.label ?? 'Choose context'}</span>
          <ChevronsUpDown aria-hidden="true" className="ml-auto text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" portal={false} className="w-72">
        <DropdownMenuLabel>Act as</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={currentContextKey ?? ''}
          onValueChange={(key) => {
            const target = contexts.find((c) => c.key === key);
            if (target && key !== currentContextKey) window.location.assign(target.href);
          }}
        >
          {contexts.map((c) => {
            const Icon = roleIcons[c.role];
            return (
              <DropdownMenuRadioItem key={c.key} value={c.key}>
                <Icon aria-hidden="true" className="text-muted-foreground" />
                <span className="min-w-0 truncate">{c.label}</span>
              </DropdownMenuRadioItem>
            );
          })}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
