import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import type { PlatformDeps, PlatformEnv } from './context';
import { accountRoutes } from './features/accounts/routes';
import { deviceRoutes } from './features/devices/routes';
import { healthRoutes } from './features/health/routes';
import { referenceRoutes } from './features/reference/routes';
import { syncRoutes } from './features/sync/routes';
import { sha256Hex } from './http/auth';
import { ApiError, errorResponse, errors } from './http/errors';
import { describeError } from './http/log';
import { openApiDocument } from './openapi';

export const API_PREFIX = '/api/v1';

const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

/**
 * The platform's HTTP API as one Hono app with a fetch handler: `main.ts` serves it over
 * Node's HTTP server, tests call `app.fetch(new Request(…))` in process. Every response
 * is JSON; every error is `{ error: { code, message } }` with no stack trace.
 */
export function createApp(deps: PlatformDeps): Hono<PlatformEnv> {
  const app = new Hono<PlatformEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('clientAddress', clientAddress(c, deps.trustProxy));
    c.set('principal', undefined);
    try {
      const authorization = c.req.header('authorization');
      const key = authorization ? `token:${sha256Hex(authorization).slice(0, 32)}` : `addr:${c.get('clientAddress')}`;
      const wait = deps.rateLimiter.take(key, deps.limits.perClient);
      if (wait > 0) c.res = errorResponse(errors.rateLimited(wait), { 'retry-after': String(wait) });
      else await next();
    } finally {
      for (const [name, value] of Object.entries(COMMON_HEADERS)) c.res.headers.set(name, value);
      c.res.headers.set('x-request-id', requestId);
      const principal = c.get('principal');
      deps.logger.info('request', {
        requestId,
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        userId: principal?.userId,
        deviceId: principal?.deviceId ?? undefined,
      });
    }
  });

  app.get(`${API_PREFIX}/openapi.json`, (c) => c.json(openApiDocument()));
  for (const routes of [healthRoutes, accountRoutes, deviceRoutes, syncRoutes, referenceRoutes]) app.route(API_PREFIX, routes(deps));

  app.notFound(() => errorResponse(errors.notFound()));
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      const retry = error.extra.retryAfterSeconds;
      return errorResponse(error, typeof retry === 'number' ? { 'retry-after': String(retry) } : {});
    }
    deps.logger.error('unexpected error', { requestId: c.get('requestId'), route: c.req.routePath, ...describeError(error) });
    return errorResponse(errors.internal());
  });
  return app;
}

function clientAddress(c: Context<PlatformEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests) have no socket.
    return 'local';
  }
}
