'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import * as React from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/utils';
import { THEME_CHANGE_EVENT, THEME_STORAGE_KEY, type ThemePreference } from './theme-script';

function readPreference(): ThemePreference {
  try {
    const v = window.localStorage.getItem(THEME_STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function applyPreference(pref: ThemePreference) {
  const root = document.documentElement;
  const dark =
    pref === 'dark' ||
    (pref === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  root.classList.toggle('dark', dark);
  root.setAttribute('data-theme', pref);
}

/** Persist and apply a theme preference ('system' clears the stored choice). */
export function setThemePreference(pref: ThemePreference): void {
  try {
    if (pref === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, pref);
  } catch {
    // Private mode / storage disabled: still apply for this page view.
  }
  applyPreference(pref);
  window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
}

function subscribe(onChange: () => void) {
  const onStorage = (e: StorageEvent) => {
    if (e.key === THEME_STORAGE_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(THEME_CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(THEME_CHANGE_EVENT, onChange);
  };
}

/** The stored preference ('system' on the server and until hydrated). */
export function useThemePreference(): ThemePreference {
  return React.useSyncExternalStore(subscribe, readPreference, () => 'system');
}

const order: ThemePreference[] = ['light', 'dark', 'system'];
const names: Record<ThemePreference, string> = {
  light: 'Light',
  dark: 'Dark',
  system: 'System',
};

/**
 * Icon button cycling Light → Dark → System. The icon is chosen by CSS from
 * `<html data-theme>` (set before paint by ThemeScript), so it is right on first paint.
 */
export function ThemeToggle({ className }: { className?: string }) {
  const pref = useThemePreference();
  const next = order[(order.indexOf(pref) + 1) % order.length] ?? 'system';
  const label = `Theme: ${names[pref]}. Switch to ${names[next]}`;

  return (
    <Button
      variant="ghost"
      size="icon"
      className={cn('text-muted-foreground hover:text-foreground', className)}
      aria-label={label}
      title={label}
      onClick={() => setThemePreference(next)}
    >
      <Sun aria-hidden="true" className="hidden size-5 in-data-[theme=light]:block" />
      <Moon aria-hidden="true" className="hidden size-5 in-data-[theme=dark]:block" />
      <Monitor
        aria-hidden="true"
        className="size-5 in-data-[theme=dark]:hidden in-data-[theme=light]:hidden"
      />
    </Button>
  );
}
