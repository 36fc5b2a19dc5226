'use client';

import { CircleCheck, Info, OctagonAlert, TriangleAlert, X } from 'lucide-react';
import * as React from 'react';
import { cn } from './utils';

export type ToastVariant = 'info' | 'success' | 'warning' | 'destructive';

export interface ToastOptions {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before it closes itself; `Infinity` to stay until dismissed. */
  duration?: number;
}

interface ToastItem extends Required<Omit<ToastOptions, 'description'>> {
  id: number;
  description?: string;
}

// ---------------------------------------------------------------------------------------------
// A tiny module-level store: `toast()` works from any client code (event handlers, mutation
// callbacks) without a provider. Toasts raised before <Toaster/> mounts are queued.

type Listener = () => void;
let toasts: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const MAX_VISIBLE = 4;

function emit() {
  for (const l of listeners) l();
}

/** Show a toast. Returns its id (for `dismissToast`). */
export function toast(options: ToastOptions): number {
  const variant = options.variant ?? 'info';
  const item: ToastItem = {
    id: nextId++,
    title: options.title,
    description: options.description,
    variant,
    duration: options.duration ?? (variant === 'destructive' ? 8000 : 5000),
  };
  toasts = [...toasts, item].slice(-MAX_VISIBLE);
  emit();
  return item.id;
}

export function dismissToast(id?: number): void {
  toasts = id === undefined ? [] : toasts.filter((t) => t.id !== id);
  emit();
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
const getSnapshot = () => toasts;
const emptyToasts: ToastItem[] = [];
const getServerSnapshot = () => emptyToasts;

// Only one <Toaster/> renders, even if both the root layout and the app shell mount one.
let owner: symbol | null = null;
const ownerListeners = new Set<Listener>();

function useIsActiveToaster() {
  const [me] = React.useState(() => Symbol('toaster'));
  const [active, setActive] = React.useState(false);
  React.useEffect(() => {
    const claim = () => {
      if (owner === null) owner = me;
      setActive(owner === me);
    };
    ownerListeners.add(claim);
    claim();
    return () => {
      ownerListeners.delete(claim);
      if (owner === me) {
        owner = null;
        for (const l of ownerListeners) l();
      }
    };
  }, [me]);
  return active;
}

// ---------------------------------------------------------------------------------------------

const variantStyles: Record<ToastVariant, { Icon: typeof Info; classes: string; icon: string }> = {
  info: { Icon: Info, classes: 'border-border', icon: 'text-primary' },
  success: { Icon: CircleCheck, classes: 'border-level-green/40', icon: 'text-level-green' },
  warning: { Icon: TriangleAlert, classes: 'border-level-amber/50', icon: 'text-level-amber' },
  destructive: { Icon: OctagonAlert, classes: 'border-level-red/50', icon: 'text-level-red' },
};

function ToastCard({ item, paused }: { item: ToastItem; paused: boolean }) {
  const { Icon, classes, icon } = variantStyles[item.variant];

  React.useEffect(() => {
    if (paused || !Number.isFinite(item.duration)) return;
    const timer = window.setTimeout(() => dismissToast(item.id), item.duration);
    return () => window.clearTimeout(timer);
  }, [paused, item.id, item.duration]);

  return (
    <div
      data-slot="toast"
      data-variant={item.variant}
      className={cn(
        'pointer-events-auto flex w-full items-start gap-3 rounded-lg border bg-popover p-3 pr-2 text-popover-foreground shadow-lg',
        'animate-toast-in',
        classes,
      )}
    >
      <Icon aria-hidden="true" className={cn('mt-0.5 size-5 shrink-0', icon)} />
      {/* Read out via the live regions; hidden here so it isn't heard twice. */}
      <div aria-hidden="true" className="grid min-w-0 flex-1 gap-0.5">
        <p className="text-sm leading-snug font-semibold">{item.title}</p>
        {item.description ? (
          <p className="text-sm text-muted-foreground">{item.description}</p>
        ) : null}
      </div>
      <button
        type="button"
        onClick={() => dismissToast(item.id)}
        className="-my-1 inline-flex size-9 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground"
      >
        <X aria-hidden="true" className="size-4" />
        <span className="sr-only">Dismiss notification: {item.title}</span>
      </button>
    </div>
  );
}

/**
 * Renders toasts raised with `toast()`. Mount once near the end of <body>; extra instances
 * render nothing. Two visually hidden live regions stay in the DOM from mount so additions
 * are announced: a polite `role="status"` one, and an assertive `role="alert"` one for
 * destructive toasts. The visible cards (with their dismiss buttons) are not live.
 * Toasts sit above the phone tab bar and never shift page layout (fixed position).
 */
export function Toaster({ className }: { className?: string }) {
  const items = React.useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const active = useIsActiveToaster();
  // Timers pause while the pointer is over, or focus is inside, the toast stack (WCAG 2.2.1).
  const [hovered, setHovered] = React.useState(false);
  const [focused, setFocused] = React.useState(false);
  const paused = hovered || focused;
  if (!active) return null;

  const polite = items.filter((t) => t.variant !== 'destructive');
  const urgent = items.filter((t) => t.variant === 'destructive');
  const announce = (t: ToastItem) => (
    <p key={t.id}>{t.description ? `${t.title}. ${t.description}` : t.title}</p>
  );

  return (
    <section
      aria-label="Notifications"
      data-slot="toaster"
      className={cn(
        'pointer-events-none fixed inset-x-0 bottom-tabbar z-[60] flex flex-col gap-2 px-3',
        'sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-96 sm:px-0',
        className,
      )}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      {/* Announcements: text only, so the dismiss buttons are not read out with each toast. */}
      <div role="status" aria-live="polite" className="sr-only">
        {polite.map(announce)}
      </div>
      <div role="alert" aria-live="assertive" className="sr-only">
        {urgent.map(announce)}
      </div>
      {items.map((t) => (
        <ToastCard key={t.id} item={t} paused={paused} />
      ))}
    </section>
  );
}
