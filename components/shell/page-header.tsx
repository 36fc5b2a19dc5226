import type * as React from 'react';
import { cn } from '@/components/ui/utils';

export interface PageHeaderProps {
  /** The page's one <h1>. */
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons/links aligned right on wide screens, wrapped under the title on phones. */
  actions?: React.ReactNode;
  /** Small line above the title, e.g. a team name or a back link. */
  eyebrow?: React.ReactNode;
  className?: string;
}

export function PageHeader({ title, description, actions, eyebrow, className }: PageHeaderProps) {
  return (
    <div
      data-slot="page-header"
      className={cn(
        'mb-5 flex flex-col gap-3 sm:mb-6 sm:flex-row sm:items-end sm:justify-between sm:gap-6',
        className,
      )}
    >
      <div className="grid min-w-0 gap-1">
        {eyebrow ? (
          <div className="text-sm font-medium text-muted-foreground">{eyebrow}</div>
        ) : null}
        <h1 className="text-2xl leading-tight font-semibold tracking-tight text-balance sm:text-[1.75rem]">
          {title}
        </h1>
        {description ? (
          <p className="max-w-prose text-sm text-pretty text-muted-foreground sm:text-base">
            {description}
          </p>
        ) : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
