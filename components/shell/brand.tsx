import Link from 'next/link';
import { cn } from '@/components/ui/utils';

/** The Loadline mark: a rising training-load line in a rounded tile. Decorative. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      className={cn('size-7 shrink-0', className)}
    >
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path
        d="M6 22.5h4.5l3-7 4 9 3.5-13 2.5 7H26"
        fill="none"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="stroke-primary-foreground"
      />
    </svg>
  );
}

/**
 * Mark + wordmark linking home. `compact` (used by the app header) hides the wordmark visually
 * below 400 px to leave room for the header controls; it stays the link's accessible name.
 */
export function Brand({ className, compact = false }: { className?: string; compact?: boolean }) {
  return (
    <Link
      href="/"
      className={cn(
        'flex h-11 shrink-0 items-center gap-2 rounded-md text-foreground sm:h-10',
        className,
      )}
    >
      <BrandMark />
      <span
        className={cn(
          'text-[1.0625rem] font-semibold tracking-tight',
          compact && 'max-[399px]:sr-only',
        )}
      >
        Loadline
      </span>
    </Link>
  );
}
