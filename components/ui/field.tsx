'use client';

import { CircleAlert } from 'lucide-react';
import { Slot } from 'radix-ui';
import * as React from 'react';
import { Label } from './label';
import { cn } from './utils';

export interface FieldProps {
  /** Visible label. Required: every control needs a name. */
  label: React.ReactNode;
  /** Help text under the control, linked with `aria-describedby`. */
  hint?: React.ReactNode;
  /** Validation message. When set the control gets `aria-invalid` and the message is linked. */
  error?: React.ReactNode;
  /** Append a quiet "(optional)" to the label. Mark required controls with `required` on them. */
  optional?: boolean;
  /**
   * `stacked` (default): label above the control. `inline`: control first, label beside it —
   * for a Checkbox or Switch.
   */
  layout?: 'stacked' | 'inline';
  /**
   * The control is a group (RadioGroup, a set of checkboxes): the label becomes its
   * `aria-labelledby` instead of a `<label for>`.
   */
  group?: boolean;
  /** Id for the control; defaults to the child's own `id` or a generated one. */
  id?: string;
  className?: string;
  /** Exactly one control element (Input, Select, Textarea, Switch, Checkbox, RadioGroup, …). */
  children: React.ReactElement<{ id?: string }>;
}

/**
 * Label + control + hint + error, wired for assistive tech: `<label for>` (or
 * `aria-labelledby` for groups), `aria-describedby` → hint and error, `aria-invalid` when an
 * error is shown. The error carries an icon and text, not just red.
 */
export function Field({
  label,
  hint,
  error,
  optional = false,
  layout = 'stacked',
  group = false,
  id,
  className,
  children,
}: FieldProps) {
  const autoId = React.useId();
  const controlId = id ?? children.props.id ?? `field-${autoId}`;
  const labelId = `${controlId}-label`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const hasError = Boolean(error);

  const labelContent = (
    <>
      {label}
      {optional ? <span className="ml-1 font-normal text-muted-foreground">(optional)</span> : null}
    </>
  );

  const labelNode = group ? (
    <span id={labelId} className="text-sm leading-snug font-medium text-foreground">
      {labelContent}
    </span>
  ) : (
    <Label id={labelId} htmlFor={controlId}>
      {labelContent}
    </Label>
  );

  const control = (
    <Slot.Root
      id={group ? undefined : controlId}
      aria-labelledby={group ? labelId : undefined}
      aria-describedby={describedBy}
      aria-invalid={hasError || undefined}
    >
      {children}
    </Slot.Root>
  );

  const messages = (
    <>
      {hint ? (
        <p id={hintId} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-destructive">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </>
  );

  if (layout === 'inline') {
    return (
      <div data-slot="field" className={cn('flex items-start gap-3', className)}>
        <div className="flex min-h-6 items-center">{control}</div>
        <div className="grid gap-1 pt-0.5">
          {labelNode}
          {messages}
        </div>
      </div>
    );
  }

  return (
    <div data-slot="field" className={cn('grid gap-1.5', className)}>
      {labelNode}
      {control}
      {messages}
    </div>
  );
}
