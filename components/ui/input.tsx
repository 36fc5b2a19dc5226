import type * as React from 'react';
import { cn } from './utils';

/** Shared look of text-like controls (input, textarea, select). */
export const controlClasses = cn(
  'w-full min-w-0 rounded-md border border-input bg-card text-foreground shadow-xs',
  // 16 px text on phones stops iOS zooming on focus; denser from `sm` up.
  'text-base sm:text-sm placeholder:text-muted-foreground',
  'transition-[border-color] disabled:cursor-not-allowed disabled:opacity-50',
  'focus-visible:border-ring',
  'aria-invalid:border-destructive',
);

export function Input({ className, type = 'text', ...props }: React.ComponentProps<'input'>) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        controlClasses,
        'h-11 px-3 py-2 sm:h-10',
        'file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground',
        className,
      )}
      {...props}
    />
  );
}
