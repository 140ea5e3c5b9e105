import { Hono } from 'hono';
import { PullQuerySchema, PushEnvelopeSchema } from '../../../shared/sync/schema';
import type { PlatformDeps, PlatformEnv } from '../../context';
import { authenticate } from '../../http/auth';
import { parseWith, readJson } from '../../http/body';
import { applyPush, checkEnvelope } from './push';
import { pullPage } from './pull';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** Push and pull (docs/sync-protocol.md). */
export function syncRoutes(deps: PlatformDeps): Hono<PlatformEnv> {
  const app = new Hono<PlatformEnv>();

  app.post('/sync/push', async (c) => {
    const principal = await authenticate(c, deps);
    const envelope = parseWith(PushEnvelopeSchema, await readJson(c.req.raw, deps.limits.maxPushBytes));
    checkEnvelope(envelope, principal);
    const summary = await applyPush(deps, { ...principal, deviceId: principal.deviceId!, teamId: principal.teamId! }, envelope);
    return new Response(summary, { status: 200, headers: JSON_HEADERS });
  });

  app.get('/sync/pull', async (c) => {
    const principal = await authenticate(c, deps);
    const query = parseWith(PullQuerySchema, { cursor: c.req.query('cursor'), limit: c.req.query('limit') });
    return new Response(await pullPage(deps, principal, query.cursor, query.limit), { status: 200, headers: JSON_HEADERS });
  });

  return app;
}
