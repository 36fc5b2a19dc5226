'use client';

import { CircleAlert } from 'lucide-react';
import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import type * as React from 'react';
import { cn } from '@/components/ui/utils';

export interface ScaleGroupProps {
  /** Id of the group element (used to focus the first invalid field). */
  id: string;
  /** The visible group label; it names the radiogroup. */
  label: string;
  hint?: React.ReactNode;
  min: number;
  max: number;
  /** Word anchors shown under some numbers and linked as each radio's description. */
  anchors?: Partial<Record<number, string>>;
  value: number | undefined;
  onChange: (value: number) => void;
  error?: string;
  required?: boolean;
}

/**
 * A row of numbered radios (0–10 or 1–5): large tap targets (≥ 44 px) that wrap on a phone.
 * Each radio's accessible name is just its number; the word anchor is its description.
 */
export function ScaleGroup({
  id,
  label,
  hint,
  min,
  max,
  anchors = {},
  value,
  onChange,
  error,
  required,
}: ScaleGroupProps) {
  const labelId = `${id}-label`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const wide = values.length > 6;
  return (
    <div data-slot="field" className="grid gap-1.5">
      {/* The group's name is exactly the label: no "(optional)" inside it. */}
      <span id={labelId} className="text-sm leading-snug font-medium text-foreground">
        {label}
      </span>
      {hint ? (
        <p id={hintId} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <RadioGroupPrimitive.Root
        id={id}
        aria-labelledby={labelId}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        value={value === undefined ? '' : String(value)}
        onValueChange={(v) => onChange(Number(v))}
        orientation="horizontal"
        className={cn('grid gap-1.5', wide ? 'grid-cols-6' : 'grid-cols-5')}
      >
        {values.map((n) => {
          const anchor = anchors[n];
          const numId = `${id}-${n}`;
          const descId = anchor ? `${id}-${n}-desc` : undefined;
          return (
            <RadioGroupPrimitive.Item
              key={n}
              value={String(n)}
              aria-labelledby={numId}
              aria-describedby={descId}
              className={cn(
                'flex min-h-13 min-w-11 flex-col items-center justify-center rounded-md border border-input bg-card px-0.5 py-1 text-foreground shadow-xs',
                'transition-colors hover:bg-accent',
                'data-[state=checked]:border-primary data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground',
                error && 'border-destructive',
              )}
            >
              <span id={numId} className="text-base leading-none font-semibold tabular-nums">
                {n}
              </span>
              {anchor ? (
                <span id={descId} className="mt-1 text-center text-[11px] leading-tight opacity-90">
                  {anchor}
                </span>
              ) : null}
            </RadioGroupPrimitive.Item>
          );
        })}
      </RadioGroupPrimitive.Root>
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-destructive">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
