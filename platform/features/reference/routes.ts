import { Hono } from 'hono';
import type { PlatformDeps, PlatformEnv } from '../../context';
import { authenticate, requireRole } from '../../http/auth';
import { parseWith, readBody } from '../../http/body';
import { ReferenceKindSchema, ReferenceListSchema, readReference, saveReference } from './reference';

export function referenceRoutes(deps: PlatformDeps): Hono<PlatformEnv> {
  const app = new Hono<PlatformEnv>();

  app.get('/reference/:kind', async (c) => {
    await authenticate(c, deps);
    const kind = parseWith(ReferenceKindSchema, c.req.param('kind'));
    return c.json(await readReference(deps.store, kind));
  });

  app.put('/reference/:kind', async (c) => {
    const principal = await authenticate(c, deps);
    requireRole(principal, 'admin');
    const kind = parseWith(ReferenceKindSchema, c.req.param('kind'));
    const list = await readBody(c.req.raw, ReferenceListSchema, deps.limits.maxBodyBytes);
    const saved = await saveReference(deps.store, kind, list, deps.now());
    deps.logger.info('reference saved', { kind, version: saved.version, changed: saved.changed, by: principal.userId });
    return c.json({ kind, ...saved });
  });

  return app;
}
