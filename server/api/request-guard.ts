import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '@/lib/http';

export type GuardFailure = { status: 403 | 415; message: string };

function allowedOrigins(): string[] {
  const app = (process.env.APP_URL ?? process.env.AUTH_URL ?? '').replace(/\/$/, '');
  const extra = (process.env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return [app, ...extra].filter(Boolean);
}

export function isAllowedOrigin(origin: string | null | undefined): boolean {
  return !!origin && allowedOrigins().includes(origin.replace(/\/$/, ''));
}

/**
 * A request is trusted for state changes when it is JSON, carries the custom header and comes
 * from an allowed Origin (browsers always send Origin on cross-site POSTs; a missing Origin on a
 * POST is refused). Returns null when trusted.
 */
export function checkTrustedRequest(
  req: Request,
  opts: { requireBody: boolean },
): GuardFailure | null {
  if (req.headers.get(REQUEST_HEADER) !== REQUEST_HEADER_VALUE) {
    return { status: 403, message: `Missing ${REQUEST_HEADER} header.` };
  }
  const origin = req.headers.get('origin');
  if (origin !== null || opts.requireBody) {
    if (!isAllowedOrigin(origin)) return { status: 403, message: 'Origin not allowed.' };
  }
  if (opts.requireBody) {
    const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json')
      return { status: 403, message: 'Content-Type must be application/json.' };
  }
  return null;
}

export function forbidden(failure: GuardFailure): Response {
  return Response.json(
    { error: failure.message },
    { status: failure.status, headers: { 'cache-control': 'no-store' } },
  );
}
