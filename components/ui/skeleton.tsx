import type * as React from 'react';
import { cn } from './utils';

/**
 * A loading placeholder. Size it exactly like the content it stands in for so nothing shifts
 * when data arrives. Hidden from assistive tech: announce loading on the container instead
 * (e.g. `aria-busy="true"` or a visually hidden "Loading…").
 */
export function Skeleton({ className, ...props }: React.ComponentProps<'div'>) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-secondary', className)}
      {...props}
    />
  );
}
