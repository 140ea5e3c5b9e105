import { Hono } from 'hono';
import type { PlatformDeps, PlatformEnv } from '../../context';
import { describeError } from '../../http/log';

/** Liveness and readiness in one: 200 when the database answers, 503 when it does not. No token needed. */
export function healthRoutes(deps: PlatformDeps): Hono<PlatformEnv> {
  const app = new Hono<PlatformEnv>();
  app.get('/health', async (c) => {
    const serverTime = deps.now().toISOString();
    try {
      await deps.store.ping();
      return c.json({ status: 'ok', store: deps.store.kind, serverTime });
    } catch (error) {
      deps.logger.error('health check failed', describeError(error));
      return c.json({ status: 'unavailable', store: deps.store.kind, serverTime }, 503);
    }
  });
  return app;
}
