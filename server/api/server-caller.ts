import { headers } from 'next/headers';
import { createContext } from './context';
import { appRouter, createCaller } from './root';

/**
 * For server components: the same procedures (and so the same authorization and auditing) as the
 * HTTP endpoint. A server render is same-origin by construction, so it counts as trusted.
 */
export async function serverCaller() {
  const h = await headers();
  // A top-level navigation from another site carries the cookie (SameSite=Lax) but says so in
  // Sec-Fetch-Site; such a render must not read health data or write audit rows.
  const site = h.get('sec-fetch-site');
  const trusted = site === null || site === 'same-origin' || site === 'none';
  const ctx = await createContext({ headers: new Headers(h), trustedRequest: trusted });
  return { caller: createCaller(ctx), viewer: ctx.viewer };
}

export { appRouter };
