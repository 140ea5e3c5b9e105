import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { AppError } from '../shared/errors';
import { defaultDataDir } from './paths';
import { createBackend } from './server/backend';

export const DEFAULT_PORT = 5178;
const LOOPBACK = '127.0.0.1';

export interface WebOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  /** `--provision <file>`: a provisioning file to apply on start (a bad one stops the start). */
  provisionFile: string | null;
}

export function parseWebArgs(argv: string[]): WebOptions {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, data: { type: 'string' }, renderer: { type: 'string' }, provision: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('E_BAD_REQUEST', `端口号无效：${values.port}`);
  return {
    port,
    dataDir: path.resolve(values.data ?? defaultDataDir()),
    rendererDir: path.resolve(values.renderer ?? defaultRendererDir()),
    provisionFile: values.provision === undefined ? null : path.resolve(values.provision),
  };
}

/** The bundle lives in dist/backend/, the renderer in dist/renderer/; from source, dist/renderer. */
function defaultRendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(here) === 'backend' ? path.join(here, '..', 'renderer') : path.join(here, '..', 'dist', 'renderer');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Web mode: the same backend as the desktop app, over HTTP on loopback only. */
export async function main(argv: string[]): Promise<void> {
  const options = parseWebArgs(argv);
  const port = options.port === 0 ? await freePort() : options.port;
  const origin = `http://${LOOPBACK}:${port}`;
  const backend = createBackend({
    dataDir: options.dataDir,
    rendererDir: options.rendererDir,
    token: randomBytes(32).toString('base64url'),
    origin,
    provisioning: options.provisionFile ? [{ file: options.provisionFile, explicit: true }] : [],
  });

  const server = serve({ fetch: backend.fetch, port, hostname: LOOPBACK }, () => {
    console.log(`黔招通网页模式已启动 / web mode ready: ${origin}/`);
    console.log(`数据目录 / data: ${options.dataDir}`);
  });
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 --port 指定其他端口` : `无法启动网页模式：${error.message}`);
    backend.close();
    process.exitCode = 1;
  });

  const stop = (): void => {
    server.close();
    backend.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Runs `main` as a process entry: a clear line and exit code 1 for refused input or a refused database. */
export function runAsEntry(argv: string[]): void {
  main(argv).catch((error: unknown) => {
    console.error(error instanceof AppError ? `${error.message} [${error.code}]` : `无法启动：${String(error)}`);
    process.exit(error instanceof AppError ? 1 : 2);
  });
}
