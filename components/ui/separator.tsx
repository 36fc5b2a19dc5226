'use client';

import { Separator as SeparatorPrimitive } from 'radix-ui';
import type * as React from 'react';
import { cn } from './utils';

/** A 1 px rule. Decorative (hidden from assistive tech) unless `decorative={false}`. */
export function Separator({
  className,
  orientation = 'horizontal',
  decorative = true,
  ...props
}: React.ComponentProps<typeof SeparatorPrimitive.Root>) {
  return (
    <SeparatorPrimitive.Root
      data-slot="separator"
      orientation={orientation}
      decorative={decorative}
      className={cn(
        'shrink-0 bg-border',
        orientation === 'horizontal' ? 'h-px w-full' : 'h-full w-px self-stretch',
        className,
      )}
      {...props}
    />
  );
}
