import type * as React from 'react';
import { cn } from './utils';

export interface VisuallyHiddenProps extends React.ComponentProps<'span'> {
  /** Become visible while focused (for skip links and similar). */
  focusable?: boolean;
}

/** Content for screen readers only; it stays in the accessibility tree but takes no space. */
export function VisuallyHidden({ className, focusable = false, ...props }: VisuallyHiddenProps) {
  return (
    <span
      data-slot="visually-hidden"
      className={cn('sr-only', focusable && 'focus:not-sr-only', className)}
      {...props}
    />
  );
}
