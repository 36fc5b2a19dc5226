import type * as React from 'react';
import { cn } from './utils';

export interface TableProps extends React.ComponentProps<'table'> {
  /** Classes for the horizontally scrolling wrapper. */
  containerClassName?: string;
  /**
   * Name for the scroll container. When set, the wrapper becomes a focusable, labelled region so
   * keyboard users can scroll a table that is wider than a phone screen. Set it for wide tables.
   */
  scrollLabel?: string;
}

/**
 * A plain `<table>` in a horizontally scrollable wrapper. Compose with THead/TBody/Tr/Th/Td;
 * give it a `<caption>` (visible or `sr-only`) or `aria-label`. Numbers are tabular so live
 * updates don't jiggle columns; add `row-flash` to a Tr to highlight a live update.
 */
export function Table({ className, containerClassName, scrollLabel, ...props }: TableProps) {
  return (
    <div
      data-slot="table-container"
      className={cn('relative w-full overflow-x-auto', containerClassName)}
      {...(scrollLabel ? { role: 'region', 'aria-label': scrollLabel, tabIndex: 0 } : {})}
    >
      <table
        data-slot="table"
        className={cn('w-full caption-bottom border-collapse text-sm tabular-nums', className)}
        {...props}
      />
    </div>
  );
}

export function TCaption({ className, ...props }: React.ComponentProps<'caption'>) {
  return (
    <caption
      data-slot="table-caption"
      className={cn('mt-3 text-left text-sm text-muted-foreground', className)}
      {...props}
    />
  );
}

export function THead({ className, ...props }: React.ComponentProps<'thead'>) {
  return <thead data-slot="table-head" className={cn('[&_tr]:border-b', className)} {...props} />;
}

export function TBody({ className, ...props }: React.ComponentProps<'tbody'>) {
  return (
    <tbody
      data-slot="table-body"
      className={cn('[&_tr:last-child]:border-0', className)}
      {...props}
    />
  );
}

export function TFoot({ className, ...props }: React.ComponentProps<'tfoot'>) {
  return (
    <tfoot
      data-slot="table-foot"
      className={cn('border-t bg-muted/50 font-medium [&>tr]:last:border-b-0', className)}
      {...props}
    />
  );
}

export function Tr({ className, ...props }: React.ComponentProps<'tr'>) {
  return (
    <tr
      data-slot="table-row"
      className={cn(
        'border-b transition-colors hover:bg-muted/60 data-[state=selected]:bg-muted',
        className,
      )}
      {...props}
    />
  );
}

export function Th({ className, scope = 'col', ...props }: React.ComponentProps<'th'>) {
  return (
    <th
      data-slot="table-header-cell"
      scope={scope}
      className={cn(
        'h-10 px-3 text-left align-middle text-xs font-medium tracking-wide whitespace-nowrap text-muted-foreground uppercase',
        'first:pl-4 last:pr-4',
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: React.ComponentProps<'td'>) {
  return (
    <td
      data-slot="table-cell"
      className={cn('h-11 px-3 py-2 align-middle first:pl-4 last:pr-4', className)}
      {...props}
    />
  );
}
