import { Hono, type Context } from 'hono';
import { AppError, type ErrorBody } from '../../shared/errors';
import { TOKEN_HEADER } from '../../shared/rpc-client';
import { HlcClock } from '../../shared/sync/hlc';
import { startBackupSchedule } from '../backup/schedule';
import { openAppDatabase, readMeta } from '../database';
import type { IntegrityResult } from '../integrity';
import { provisionAtStartup } from '../provisioning/startup';
import type { HandlerContext } from '../rpc/types';
import type { Backend, BackendOptions } from './backend-types';
import { dispatch, MAX_RPC_BODY_BYTES } from './rpc';
import { allowedOrigins, SECURITY_HEADERS, tokensMatch } from './security';
import { createFilesApp } from './files';
import { createStaticServer } from './static';

export type { Backend, BackendOptions } from './backend-types';

/**
 * The backend both hosts share: opens the database (migrating it), then answers
 * `/rpc/<method>` and serves the renderer. Every response carries the security headers.
 */
export function createBackend(options: BackendOptions): Backend {
  const appDb = openAppDatabase(options.dataDir, { keyStore: options.keyStore });
  try {
    const provisioned = provisionAtStartup(appDb, options.provisioning ?? []);
    if (provisioned.kind === 'refused') console.warn(`[provision] ${provisioned.error.message}`);
  } catch (error) {
    appDb.close();
    throw error;
  }
  if (appDb.restore) (appDb.restore.ok ? console.log : console.error)(`[restore] ${appDb.restore.message}`);
  const backups = options.scheduleBackups === false ? null : startBackupSchedule(appDb.db);
  let integrity: IntegrityResult | null = null;
  void appDb.integrity.then((result) => {
    integrity = result;
    if (result === 'corrupt') console.error(`[db] quick_check failed for ${appDb.file}`);
  });

  const now = (): Date => new Date();
  const ctx: HandlerContext = {
    db: appDb.db,
    deviceId: appDb.deviceId,
    actor: {
      deviceId: appDb.deviceId,
      userId: appDb.userId,
      teamId: readMeta(appDb.db, 'team_id'),
      clock: new HlcClock(appDb.deviceId, () => now().getTime(), readMeta(appDb.db, 'hlc_last')),
      now,
    },
    schemaVersion: appDb.migration.to,
    now,
    integrity: () => integrity,
  };
  const { origins, hosts } = allowedOrigins(options.origin);
  const serveStatic = options.rendererDir ? createStaticServer(options.rendererDir, options.token) : null;

  const app = new Hono();

  app.use('*', async (c, next) => {
    // A Host we do not serve is a DNS-rebinding attempt; refuse before anything else.
    if (!hosts.has(new URL(c.req.url).host)) {
      return errorResponse(c, new AppError('E_FORBIDDEN_ORIGIN'));
    }
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.all('/rpc/:method', async (c) => {
    if (c.req.method !== 'POST') return errorResponse(c, new AppError('E_BAD_REQUEST', '接口只接受 POST 请求'), 405);
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.has(origin)) return errorResponse(c, new AppError('E_FORBIDDEN_ORIGIN'));
    if (!tokensMatch(c.req.header(TOKEN_HEADER), options.token)) return errorResponse(c, new AppError('E_UNAUTHORIZED'));
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
      return errorResponse(c, new AppError('E_BAD_REQUEST', '请求内容类型必须是 application/json'), 415);
    }
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > MAX_RPC_BODY_BYTES) return errorResponse(c, new AppError('E_PAYLOAD_TOO_LARGE'));
    const raw = await c.req.text();
    if (Buffer.byteLength(raw) > MAX_RPC_BODY_BYTES) return errorResponse(c, new AppError('E_PAYLOAD_TOO_LARGE'));
    const data = await dispatch(c.req.param('method'), raw, ctx);
    return c.json({ data });
  });

  // Binary files (weekly logs, reports) beside /rpc, with the same guards and a larger limit.
  app.route('/api/files', createFilesApp({ ctx, token: options.token, origin: options.origin }));

  app.get('*', (c) => (serveStatic ? serveStatic(new URL(c.req.url).pathname) : c.text('未找到 / Not found', 404)));

  app.onError((error, c) => {
    if (error instanceof AppError) return errorResponse(c, error);
    // Log the cause for us; the response carries only a code and a Chinese message.
    console.error(`[rpc] ${c.req.method} ${new URL(c.req.url).pathname} failed:`, error);
    return errorResponse(c, new AppError('E_INTERNAL'));
  });

  return {
    fetch: async (request) => app.fetch(request),
    close: () => {
      backups?.stop();
      appDb.close();
    },
  };
}

function errorResponse(c: Context, error: AppError, status?: number): Response {
  const body: { error: ErrorBody } = { error: error.toBody() };
  return c.json(body, (status ?? error.status) as 400);
}
