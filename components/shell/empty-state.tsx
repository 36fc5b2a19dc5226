import type * as React from 'react';
import { cn } from '@/components/ui/utils';

export interface EmptyStateProps {
  /** A decorative icon element, e.g. `<Inbox />` (it gets aria-hidden and sizing). */
  icon?: React.ReactElement;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** A primary next step: a Button or link. */
  action?: React.ReactNode;
  /** Heading level for the title; default 2 (the page owns the h1). */
  headingLevel?: 2 | 3;
  className?: string;
}

/** "Nothing here yet" — says why and what to do next, instead of a blank table. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  headingLevel = 2,
  className,
}: EmptyStateProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div
      data-slot="empty-state"
      className={cn(
        'flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-input/60 bg-card px-6 py-10 text-center',
        className,
      )}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6"
        >
          {icon}
        </div>
      ) : null}
      <div className="grid max-w-sm gap-1">
        <Heading className="text-base font-semibold">{title}</Heading>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action ? <div className="mt-1 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
