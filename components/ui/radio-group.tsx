'use client';

import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import * as React from 'react';
import { Label } from './label';
import { cn } from './utils';

/**
 * A radio group (`role="radiogroup"`, arrow keys move between options). Name the group with
 * `aria-labelledby`/`aria-label` (or `<Field group>`), and each radio with a label — simplest
 * via `<RadioGroupOption value label />`.
 */
export function RadioGroup({
  className,
  ...props
}: React.ComponentProps<typeof RadioGroupPrimitive.Root>) {
  return (
    <RadioGroupPrimitive.Root
      data-slot="radio-group"
      className={cn('grid gap-1', className)}
      {...props}
    />
  );
}

/** A bare radio button; pair it with `<Label htmlFor={id}>` (or use `RadioGroupOption`). */
export function RadioGroupItem({
  className,
  ...props
}: React.ComponentProps<typeof RadioGroupPrimitive.Item>) {
  return (
    <RadioGroupPrimitive.Item
      data-slot="radio-group-item"
      className={cn(
        'peer relative flex size-5 shrink-0 items-center justify-center rounded-full border border-input bg-card shadow-xs',
        'transition-colors disabled:cursor-not-allowed disabled:opacity-50',
        'data-[state=checked]:border-primary aria-invalid:border-destructive',
        className,
      )}
      {...props}
    >
      <RadioGroupPrimitive.Indicator
        data-slot="radio-group-indicator"
        className="block size-2.5 rounded-full bg-primary"
      />
    </RadioGroupPrimitive.Item>
  );
}

export interface RadioGroupOptionProps
  extends Omit<React.ComponentProps<typeof RadioGroupPrimitive.Item>, 'children'> {
  label: React.ReactNode;
  description?: React.ReactNode;
}

/** A radio with its label (and optional description) in one ≥ 44 px tall, fully clickable row. */
export function RadioGroupOption({
  id,
  label,
  description,
  className,
  ...props
}: RadioGroupOptionProps) {
  const autoId = React.useId();
  const itemId = id ?? `radio-${autoId}`;
  const descId = description ? `${itemId}-desc` : undefined;
  return (
    <div
      data-slot="radio-group-option"
      className={cn(
        'relative flex min-h-11 items-start gap-3 rounded-md px-2 py-2.5 hover:bg-accent/60',
        className,
      )}
    >
      <RadioGroupItem id={itemId} aria-describedby={descId} className="mt-px" {...props} />
      <div className="grid gap-0.5">
        {/* The ::after overlay makes the whole row (description included) toggle the radio. */}
        <Label htmlFor={itemId} className="cursor-pointer after:absolute after:inset-0">
          {label}
        </Label>
        {description ? (
          <p id={descId} className="text-sm text-muted-foreground">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
