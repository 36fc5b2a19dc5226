import { AlertTriangle, CheckCircle2, CircleDashed, OctagonAlert } from 'lucide-react';
import type * as React from 'react';
import { cn } from './utils';

export type Level = 'green' | 'amber' | 'red' | 'none';

export const levelMeta = {
  green: {
    word: 'Green',
    Icon: CheckCircle2,
    classes: 'border-level-green/35 bg-level-green-soft text-level-green',
  },
  amber: {
    word: 'Amber',
    Icon: AlertTriangle,
    classes: 'border-level-amber/40 bg-level-amber-soft text-level-amber',
  },
  red: {
    word: 'Red',
    Icon: OctagonAlert,
    classes: 'border-level-red/40 bg-level-red-soft text-level-red',
  },
  none: {
    word: 'No data',
    Icon: CircleDashed,
    classes: 'border-border bg-muted text-muted-foreground',
  },
} as const satisfies Record<Level, { word: string; Icon: unknown; classes: string }>;

export interface LevelBadgeProps extends Omit<React.ComponentProps<'span'>, 'children'> {
  level: Level;
  /** `md` (default) for tables and cards, `lg` for an athlete's own status. */
  size?: 'md' | 'lg';
  /** Override the word, e.g. "High" — keep it short; the badge has a fixed width. */
  label?: string;
}

/**
 * A risk level shown three ways at once — colour, icon and word — never colour alone. It has a
 * fixed width so a row does not shift when the level changes live. The word is real text, so
 * it is read out by screen readers; add context ("Knee risk:") around it where needed.
 */
export function LevelBadge({ level, size = 'md', label, className, ...props }: LevelBadgeProps) {
  const meta = levelMeta[level] ?? levelMeta.none;
  const { Icon } = meta;
  return (
    <span
      data-slot="level-badge"
      data-level={level}
      className={cn(
        'inline-flex shrink-0 items-center gap-1.5 rounded-full border font-medium whitespace-nowrap',
        size === 'lg' ? 'h-9 w-32 px-3 text-base' : 'h-6 w-24 px-2 text-xs',
        meta.classes,
        className,
      )}
      {...props}
    >
      <Icon aria-hidden="true" className={cn('shrink-0', size === 'lg' ? 'size-5' : 'size-3.5')} />
      <span className="truncate">{label ?? meta.word}</span>
    </span>
  );
}
