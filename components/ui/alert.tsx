import { cva, type VariantProps } from 'class-variance-authority';
import { CircleCheck, Info, OctagonAlert, TriangleAlert } from 'lucide-react';
import type * as React from 'react';
import { cn } from './utils';

export const alertVariants = cva(
  [
    'relative grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 rounded-lg border px-4 py-3 text-sm',
    '[&>svg:first-child]:mt-0.5 [&>svg:first-child]:size-4 [&>svg:first-child]:shrink-0',
  ],
  {
    variants: {
      variant: {
        info: 'border-primary/30 bg-primary-soft text-foreground [&>svg:first-child]:text-primary',
        success:
          'border-level-green/30 bg-level-green-soft text-foreground [&>svg:first-child]:text-level-green',
        warning:
          'border-level-amber/30 bg-level-amber-soft text-foreground [&>svg:first-child]:text-level-amber',
        destructive:
          'border-level-red/30 bg-level-red-soft text-foreground [&>svg:first-child]:text-level-red',
      },
    },
    defaultVariants: { variant: 'info' },
  },
);

const icons = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  destructive: OctagonAlert,
} as const;

export interface AlertProps
  extends React.ComponentProps<'div'>,
    VariantProps<typeof alertVariants> {
  /** Replace the variant's icon, or `false` for none. The icon is decorative. */
  icon?: React.ReactNode | false;
}

/**
 * An inline message box. Static content needs no role; for a message that appears in response
 * to an action pass `role="alert"` (urgent) or `role="status"` (polite) so it is announced.
 */
export function Alert({ className, variant, icon, children, ...props }: AlertProps) {
  const Icon = icons[variant ?? 'info'];
  const iconNode =
    icon === false ? null : (icon ?? <Icon aria-hidden="true" className="mt-0.5 size-4" />);
  return (
    <div
      data-slot="alert"
      data-variant={variant ?? 'info'}
      className={cn(alertVariants({ variant }), !iconNode && 'grid-cols-1', className)}
      {...props}
    >
      {iconNode}
      <div className={cn('grid min-w-0 gap-1', iconNode ? 'col-start-2' : 'col-start-1')}>
        {children}
      </div>
    </div>
  );
}

export function AlertTitle({ className, ...props }: React.ComponentProps<'p'>) {
  return (
    <p data-slot="alert-title" className={cn('leading-snug font-semibold', className)} {...props} />
  );
}

export function AlertDescription({ className, ...props }: React.ComponentProps<'div'>) {
  return (
    <div
      data-slot="alert-description"
      className={cn('leading-relaxed text-foreground/90 [&_p]:leading-relaxed', className)}
      {...props}
    />
  );
}
