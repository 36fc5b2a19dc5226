/**
 * Pre-paint theme setup. Render <ThemeScript nonce={nonce} /> inside <head> of the root layout
 * (and put `suppressHydrationWarning` on <html>, whose class/data attribute it changes before
 * React hydrates). Server component; no client JS besides the inline script itself.
 */

export const THEME_STORAGE_KEY = 'loadline-theme';
export const THEME_CHANGE_EVENT = 'loadline-theme-change';

export type ThemePreference = 'light' | 'dark' | 'system';

/**
 * Reads localStorage `loadline-theme` ('light' | 'dark'; absent = follow the system), then sets
 * `class="dark"` and `data-theme="<preference>"` on <html>. It keeps following the OS setting
 * and other tabs' choices while the page is open. Exported so a CSP hash can be computed from it
 * if nonces are ever dropped.
 */
export const themeScriptSource = `(function(){try{var k=${JSON.stringify(THEME_STORAGE_KEY)},d=document.documentElement,m=window.matchMedia('(prefers-color-scheme: dark)');function a(){var p=null;try{p=localStorage.getItem(k)}catch(e){}if(p!=='light'&&p!=='dark')p='system';d.classList.toggle('dark',p==='dark'||(p==='system'&&m.matches));d.setAttribute('data-theme',p)}a();if(m.addEventListener)m.addEventListener('change',a);window.addEventListener('storage',function(e){if(e.key===k)a()});window.addEventListener(${JSON.stringify(THEME_CHANGE_EVENT)},a)}catch(e){}})();`;

export interface ThemeScriptProps {
  /** The request's CSP nonce (the `script-src 'nonce-…'` value). */
  nonce?: string;
}

export function ThemeScript({ nonce }: ThemeScriptProps) {
  return (
    <script
      id="loadline-theme-script"
      nonce={nonce}
      // Browsers blank the nonce attribute after load; don't let hydration complain about it.
      suppressHydrationWarning
      // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant, trusted inline script.
      dangerouslySetInnerHTML={{ __html: themeScriptSource }}
    />
  );
}
