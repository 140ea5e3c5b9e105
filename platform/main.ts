import { serve } from '@hono/node-server';
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS } from './context';
import { bootstrapAdmin } from './features/accounts/accounts';
import { jsonLogger } from './http/log';
import { openPlatform } from './platform';
import { openStore, storeConfigFrom } from './store/store';

/**
 * The provincial platform service.
 *
 *   npm run platform -- --port 8787 --data ./platform-data          serve (SQLite file in the folder)
 *   DATABASE_URL=postgres://… npm run platform -- --port 8787        serve on PostgreSQL
 *   npm run platform -- bootstrap-admin --data ./platform-data --username admin
 *
 * Listens on 127.0.0.1 unless --host says otherwise. See docs/platform.md.
 */
const USAGE = `用法 / usage:
  npm run platform -- [--port 8787] [--host 127.0.0.1] --data <folder> [--trust-proxy]
  npm run platform -- bootstrap-admin --data <folder> --username <name>
  (DATABASE_URL=postgres://… 时使用 PostgreSQL，可省略 --data)`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      username: { type: 'string' },
      'trust-proxy': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = storeConfigFrom(process.env, values.data);
  const command = positionals[0] ?? 'serve';

  if (command === 'bootstrap-admin') {
    if (!values.username) throw new Error('bootstrap-admin needs --username <name>');
    const store = await openStore(config);
    try {
      const result = await bootstrapAdmin(store, values.username, new Date(), DEFAULT_LIMITS.sessionTtlMs);
      // The password and token are shown once, on stdout, as JSON for scripts; the words go to stderr.
      console.error(result.created ? `已创建管理员 ${result.username}。请妥善保存下面的密码，它只显示这一次。` : `已为管理员 ${result.username} 设置新密码。`);
      console.log(JSON.stringify(result));
    } finally {
      await store.close();
    }
    return;
  }
  if (command !== 'serve') throw new Error(`unknown command ${command}\n${USAGE}`);

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${values.port}`);
  const logger = jsonLogger();
  const platform = await openPlatform({ store: config, logger, trustProxy: values['trust-proxy'] });
  const server = serve({ fetch: platform.fetch, port, hostname: values.host }, (info) => {
    logger.info('listening', { host: values.host, port: info.port, store: platform.store.kind, migrated: platform.store.migrated.join(',') || undefined });
  });
  const stop = (signal: string) => {
    logger.info('stopping', { signal });
    server.close(() => void platform.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`启动失败 / failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
