import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '@/server/api/context';
import { checkTrustedRequest, forbidden } from '@/server/api/request-guard';
import { appRouter } from '@/server/api/root';

export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  const isMutation = req.method !== 'GET';
  const failure = checkTrustedRequest(req, { requireBody: isMutation });
  // Mutations are refused outright; queries run untrusted so that procedures without health
  // data work, and health-data procedures refuse themselves.
  if (failure && isMutation) return forbidden(failure);
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    allowMethodOverride: false,
    createContext: () => createContext({ headers: req.headers, trustedRequest: failure === null }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        // Never the input: it may hold health values.
        console.error(
          `[trpc] ${path ?? '?'}: ${error.cause?.name ?? error.name} ${error.cause?.message ?? error.message}`,
        );
      }
    },
  });
  response.headers.set('cache-control', 'no-store');
  return response;
}

export { handler as GET, handler as POST };
