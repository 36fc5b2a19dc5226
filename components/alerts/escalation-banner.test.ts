/**
 * Server-renders the banner with query data in the cache (the shape the routers answer), to check
 * what each audience is shown: names, teams and times; rule titles only when the answer has them.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { TRPCProvider } from '@/components/providers/trpc';
import type { AppRouter } from '@/server/api/root';
import { EscalationBanner } from './escalation-banner';

const CLUB = '00000000-0000-4000-8000-000000000001';
const base = {
  alertId: '00000000-0000-4000-8000-0000000000a1',
  athleteId: '00000000-0000-4000-8000-0000000000b1',
  athleteName: 'Mia Runner',
  teamId: '00000000-0000-4000-8000-0000000000c1',
  teamName: 'Road Squad',
  clubId: CLUB,
  clubName: 'Demo Club',
  openedAt: new Date('2026-11-20T08:00:00Z'),
  escalatedAt: new Date('2026-11-20T12:00:00Z'),
};

function render(props: { clubId?: string }, seed: (proxy: Proxy, qc: QueryClient) => void) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  // Never called: the data is in the cache and SSR does not refetch.
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: 'http://127.0.0.1:9/api/trpc', transformer: superjson })],
  });
  const proxy = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  seed(proxy, queryClient);
  return renderToString(
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(
        TRPCProvider,
        // Its props type requires `children`, which createElement passes as the third argument.
        { trpcClient, queryClient } as Parameters<typeof TRPCProvider>[0],
        createElement(EscalationBanner, props),
      ),
    ),
  );
}
type Proxy = ReturnType<typeof createTRPCOptionsProxy<AppRouter>>;

describe('EscalationBanner', () => {
  it('shows admins who, which team and when, and the flags only when the answer has them', () => {
    const html = render({ clubId: CLUB }, (p, qc) =>
      qc.setQueryData(p.alerts.escalated.queryKey({ clubId: CLUB }), {
        adminsSeeHealth: true,
        items: [{ ...base, level: 'red' as const, ruleIds: ['RF_SWELLING', 'STALE'] }],
      }),
    );
    expect(html).toContain('Escalated: 1 red alert is not acknowledged');
    expect(html).toContain('Mia Runner');
    expect(html).toContain('Road Squad');
    expect(html).toContain('dateTime="2026-11-20T08:00:00.000Z"');
    expect(html).toContain('Knee swelling');
    expect(html).not.toContain('No recent check-in');

    const hidden = render({ clubId: CLUB }, (p, qc) =>
      qc.setQueryData(p.alerts.escalated.queryKey({ clubId: CLUB }), {
        adminsSeeHealth: false,
        items: [{ ...base, level: 'red' as const, ruleIds: null }],
      }),
    );
    expect(hidden).toContain('Mia Runner');
    expect(hidden).not.toContain('Knee swelling');
    expect(hidden).not.toContain('Reasons');
  });

  it('shows other teams’ coaches names and teams, and nothing when there are none', () => {
    const { athleteId: _id, ...item } = base;
    const html = render({}, (p, qc) =>
      qc.setQueryData(p.alerts.clubEscalations.queryKey(), {
        items: [item, { ...item, alertId: `${item.alertId.slice(0, -1)}2`, athleteName: 'Ola' }],
      }),
    );
    expect(html).toContain('Escalated: 2 red alerts are not acknowledged');
    expect(html).toContain('Another team&#x27;s coaches');
    expect(html).toContain('Ola');

    const empty = render({}, (p, qc) =>
      qc.setQueryData(p.alerts.clubEscalations.queryKey(), { items: [] }),
    );
    expect(empty).toContain('data-testid="escalation-banner"');
    expect(empty).not.toContain('Escalated');
  });
});
