import { ChevronDown } from 'lucide-react';
import type * as React from 'react';
import { controlClasses } from './input';
import { cn } from './utils';

export interface SelectProps extends React.ComponentProps<'select'> {
  /** Classes for the wrapping element (width, margins); `className` goes to the `<select>`. */
  containerClassName?: string;
}

/**
 * A styled native `<select>`: the platform picker is the most usable one on phones and is
 * fully accessible. Pass `<option>`s as children. Label it with `<Label htmlFor>` or `<Field>`.
 */
export function Select({ className, containerClassName, children, ...props }: SelectProps) {
  return (
    <div data-slot="select" className={cn('relative w-full', containerClassName)}>
      <select
        className={cn(
          controlClasses,
          'h-11 appearance-none py-2 pr-9 pl-3 sm:h-10',
          // Native option lists take their colours from here in Chromium/Firefox dark mode.
          '[&>option]:bg-popover [&>option]:text-popover-foreground',
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
