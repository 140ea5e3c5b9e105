import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp folder, started on
 * 127.0.0.1 at a free port with trust auth, stopped and removed afterwards. Needs the
 * Debian package `postgresql` (server binaries in /usr/lib/postgresql/<version>/bin);
 * without it this throws — the PostgreSQL half of the suite fails loudly, never skips.
 * As root (CI), initdb and pg_ctl run as the `postgres` user, since initdb refuses root.
 */
export interface PgCluster {
  port: number;
  /** A fresh database (empty, or a copy of `template`); returns its connection URL. */
  createDatabase(template?: string): Promise<string>;
  stop(): Promise<void>;
}

export const PG_PACKAGE_HINT = 'apt-get install -y postgresql';

export function findPgBin(root = '/usr/lib/postgresql', fromEnv = process.env.QZ_PG_BIN): string {
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      `PostgreSQL server binaries not found (looked for ${root}/*/bin/initdb${fromEnv ? ` and ${fromEnv}/initdb` : ''}). ` +
        `The platform suite runs on PostgreSQL too; install the Debian package: ${PG_PACKAGE_HINT}`,
    );
  }
  return path.join(root, versions[0]!, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = findPgBin();
  const version = Number(/postgresql\/(\d+)\//.exec(bin + '/')?.[1] ?? 0);
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-pg-'));
  const data = path.join(dir, 'data');
  const asPostgres = (tool: string, args: string[]) => (isRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200'].join(' ');
  await asPostgres('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', path.join(dir, 'server.log'), '-o', options]);

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      execFileSync(isRoot ? 'runuser' : path.join(bin, 'pg_ctl'), [...(isRoot ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl')] : []), 'stop', '-D', data, '-m', 'immediate', '-w'], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A crashed test run must not leave a server behind.
  process.once('exit', stopSync);

  let counter = 0;
  return {
    port,
    async createDatabase(template?: string) {
      counter += 1;
      const name = `qz_${process.pid}_${counter}`;
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await client.connect();
      try {
        // FILE_COPY (PostgreSQL 15+) copies the template's files instead of WAL-logging every page: much faster here.
        const strategy = version >= 15 ? ' STRATEGY FILE_COPY' : '';
        await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}${strategy}` : ''}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      process.removeListener('exit', stopSync);
      stopSync();
    },
  };
}
