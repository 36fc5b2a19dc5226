'use client';

import { Switch as SwitchPrimitive } from 'radix-ui';
import type * as React from 'react';
import { cn } from './utils';

/**
 * An on/off switch (`<button role="switch" aria-checked>`). Give it an accessible name: a
 * `<Label htmlFor={id}>`, `<Field>`, or `aria-label`. Inside a `<form>` it submits `name=on`
 * like a checkbox.
 */
export function Switch({ className, ...props }: React.ComponentProps<typeof SwitchPrimitive.Root>) {
  return (
    <SwitchPrimitive.Root
      data-slot="switch"
      className={cn(
        // 44 px tall hit area on phones via the ::before overlay; the visual track stays 24 px.
        'peer relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent',
        'before:absolute before:-inset-x-1 before:-inset-y-2.5 before:content-[""]',
        'transition-colors disabled:cursor-not-allowed disabled:opacity-50',
        'data-[state=checked]:bg-primary data-[state=unchecked]:bg-input',
        className,
      )}
      {...props}
    >
      <SwitchPrimitive.Thumb
        data-slot="switch-thumb"
        className={cn(
          'pointer-events-none block size-5 rounded-full bg-white shadow-sm ring-0 transition-transform',
          'dark:bg-foreground data-[state=checked]:bg-primary-foreground',
          'data-[state=checked]:translate-x-5 data-[state=unchecked]:translate-x-0',
        )}
      />
    </SwitchPrimitive.Root>
  );
}
