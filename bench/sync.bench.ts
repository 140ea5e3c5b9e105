/**
 * Sync figures (prints lines, never fails):
 *  1. applying a backlog of company creates through the shared merge engine over the
 *     app's SQLite (SqliteImportStore: clocks, history, search index), beside the raw
 *     better-sqlite3 insert rate of the same rows in the same run;
 *  2. a new device's first sync pulling everything a platform holds (time, app RSS);
 *  3. N simulated devices pushing M changes each at once to a platform over loopback
 *     HTTP (p50/p99 per push, errors).
 * Sizes: --backlog 100000 --first 100000 --devices 250 --per 200.
 */
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { openAppDatabase } from '../db/database';
import { SqliteImportStore } from '../db/features/weeklog/merge-store';
import { SyncClient } from '../db/sync/client';
import { enrollDevice } from '../db/sync/enroll';
import { memoryTokenStore } from '../db/sync/token-store';
import { silentLogger } from '../platform/http/log';
import { openPlatform, type Platform } from '../platform/platform';
import { issueSession } from '../platform/features/accounts/accounts';
import { changeContentHash } from '../shared/sync/hash';
import { HlcClock } from '../shared/sync/hlc';
import { importChanges } from '../shared/sync/import';
import type { ChangeRecord } from '../shared/sync/schema';
import { percentile } from './lib';

const { values } = parseArgs({ options: { backlog: { type: 'string' }, first: { type: 'string' }, devices: { type: 'string' }, per: { type: 'string' } }, strict: false });
const BACKLOG = Number(values.backlog ?? 100_000);
const FIRST = Number(values.first ?? 100_000);
const DEVICES = Number(values.devices ?? 250);
const PER = Number(values.per ?? 200);
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const tmp = (name: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `qz-sync-bench-${name}-`));
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

function companies(count: number, node: string, seqStart = 1): ChangeRecord[] {
  const clock = new HlcClock(node);
  return Array.from({ length: count }, (_, i) => {
    const name = `贵州测试企业${i}号有限公司`;
    return { changeId: randomUUID(), seq: seqStart + i, hlc: clock.tick(), entity: 'company', rowId: randomUUID(), op: 'create', fields: { name, name_norm: name, aliases: [], is_fortune500: false, is_listed: false, tags: [], notes: '对方有意向，下月再访' } };
  });
}

function backlog(): void {
  const changes = companies(BACKLOG, randomUUID());
  const dirA = tmp('apply');
  const dirB = tmp('raw');
  try {
    const app = openAppDatabase(dirA);
    const started = performance.now();
    for (let i = 0; i < changes.length; i += 1000) {
      app.db.transaction(() => importChanges(new SqliteImportStore(app.db, { source: 'sync', userId: null }), changes.slice(i, i + 1000), { hash: (c) => changeContentHash(c, sha256) }))();
    }
    const applyMs = performance.now() - started;
    app.close();
    const raw = openAppDatabase(dirB);
    const insert = raw.db.prepare('INSERT INTO company (id, created_at, updated_at, name, name_norm, aliases, is_fortune500, is_listed, tags, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const rawStarted = performance.now();
    const at = new Date().toISOString();
    for (let i = 0; i < changes.length; i += 1000) {
      raw.db.transaction(() => {
        for (const c of changes.slice(i, i + 1000)) insert.run(c.rowId, at, at, c.fields.name as string, c.fields.name_norm as string, '[]', 0, 0, '[]', c.fields.notes as string);
      })();
    }
    const rawMs = performance.now() - rawStarted;
    raw.close();
    console.log(`sync apply backlog (SQLite, merge engine + clocks + history + search): ${BACKLOG} changes in ${(applyMs / 1000).toFixed(1)} s = ${Math.round(BACKLOG / (applyMs / 1000))} changes/s`);
    console.log(`raw better-sqlite3 insert of the same rows (same run): ${Math.round(BACKLOG / (rawMs / 1000))} rows/s (apply is ${(applyMs / rawMs).toFixed(1)}× the raw time)`);
  } finally {
    fs.rmSync(dirA, { recursive: true, force: true });
    fs.rmSync(dirB, { recursive: true, force: true });
  }
}

async function platformWithTeam(dir: string): Promise<{ platform: Platform; admin: string; team: string }> {
  const platform = await openPlatform({ store: { kind: 'sqlite', file: path.join(dir, 'platform.sqlite') }, logger: silentLogger, limits: { perClient: { capacity: 1e9, refillPerSecond: 1e9 }, sensitive: { capacity: 1e9, refillPerSecond: 1e9 } } });
  const adminId = randomUUID();
  await platform.store.db.insertInto('users').values({ id: adminId, username: 'admin', role: 'admin', team_id: null, password_hash: null, disabled: 0, created_at: new Date().toISOString() }).execute();
  const admin = (await issueSession(platform.store.db, adminId, new Date(), 3_600_000)).token;
  const team = (await (await call(platform.fetch, 'http://p/api/v1/teams', admin, { name: '工作队' })).json()) as { id: string };
  return { platform, admin, team: team.id };
}

function call(doFetch: (request: Request) => Promise<Response>, url: string, token: string | null, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return doFetch(new Request(url, { method: body === undefined ? 'GET' : 'POST', headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
}

async function simDevice(platform: Platform, admin: string, team: string, name: string): Promise<{ deviceId: string; token: string }> {
  const user = (await (await call(platform.fetch, 'http://p/api/v1/users', admin, { username: name, role: 'staff', teamId: team })).json()) as { id: string };
  const code = (await (await call(platform.fetch, `http://p/api/v1/users/${user.id}/enrollment-codes`, admin, {})).json()) as { code: string };
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const enrolled = (await (await call(platform.fetch, 'http://p/api/v1/devices/enroll', null, { code: code.code, publicKey, deviceName: name })).json()) as { deviceId: string; token: string };
  return enrolled;
}

async function firstSync(): Promise<void> {
  const dir = tmp('first');
  const { platform, admin, team } = await platformWithTeam(dir);
  try {
    const source = await simDevice(platform, admin, team, 'source');
    const changes = companies(FIRST, source.deviceId);
    const pushStarted = performance.now();
    for (let i = 0; i < changes.length; i += 2000) {
      const part = changes.slice(i, i + 2000);
      const reply = await call(platform.fetch, 'http://p/api/v1/sync/push', source.token, { deviceId: source.deviceId, batchId: randomUUID(), fromSeq: part[0]!.seq, toSeq: part.at(-1)!.seq, schemaVersion: 5, changes: part });
      if (reply.status !== 200) throw new Error(`push ${reply.status} ${await reply.text()}`);
    }
    const pushMs = performance.now() - pushStarted;
    console.log(`platform push (SQLite, in process, batches of 2000): ${FIRST} changes in ${(pushMs / 1000).toFixed(1)} s = ${Math.round(FIRST / (pushMs / 1000))} changes/s`);
    const userId = randomUUID();
    await platform.store.db.insertInto('users').values({ id: userId, username: 'reader', role: 'staff', team_id: team, password_hash: null, disabled: 0, created_at: new Date().toISOString() }).execute();
    const code = (await (await call(platform.fetch, `http://p/api/v1/users/${userId}/enrollment-codes`, admin, {})).json()) as { code: string };
    const appDir = tmp('first-app');
    const app = openAppDatabase(appDir);
    const tokens = memoryTokenStore();
    const doFetch = ((url: string | URL | Request, init?: RequestInit) => platform.fetch(new Request(String(url), init))) as typeof fetch;
    await enrollDevice({ db: app.db, deviceId: app.deviceId, platformUrl: 'http://p', code: code.code, tokens, fetch: doFetch });
    const client = new SyncClient({ db: app.db, deviceId: app.deviceId, clock: new HlcClock(app.deviceId), schemaVersion: app.migration.to, credentials: () => tokens.load(), fetch: doFetch, pageLimit: 5000 });
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
    const started = performance.now();
    const outcome = await client.sync();
    const ms = performance.now() - started;
    clearInterval(sampler);
    const rows = app.db.prepare('SELECT count(*) FROM company').pluck().get() as number;
    console.log(
      `first sync of a new device: ${FIRST} changes pulled and applied in ${(ms / 1000).toFixed(1)} s = ${Math.round(FIRST / (ms / 1000))} changes/s (${outcome.kind}, ${rows} companies); process RSS ${mb(rssBefore)} → peak ${mb(rssPeak)} (platform in the same process)`,
    );
    app.close();
    fs.rmSync(appDir, { recursive: true, force: true });
  } finally {
    await platform.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function manyDevices(): Promise<void> {
  const dir = tmp('many');
  const { platform, admin, team } = await platformWithTeam(dir);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: platform.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  try {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const devices = [];
    for (let i = 0; i < DEVICES; i += 1) devices.push(await simDevice(platform, admin, team, `d${i}`));
    const times: number[] = [];
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      devices.map(async (device) => {
        const changes = companies(PER, device.deviceId);
        const t0 = performance.now();
        try {
          const reply = await fetch(`http://127.0.0.1:${port}/api/v1/sync/push`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
            body: JSON.stringify({ deviceId: device.deviceId, batchId: randomUUID(), fromSeq: 1, toSeq: PER, schemaVersion: 5, changes }),
          });
          await reply.text();
          if (reply.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        times.push(performance.now() - t0);
      }),
    );
    const wall = performance.now() - started;
    console.log(
      `${DEVICES} devices × ${PER} changes at once over loopback (platform SQLite, one process): push p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, ${errors} errors, all done in ${(wall / 1000).toFixed(1)} s (${Math.round((DEVICES * PER) / (wall / 1000))} changes/s)`,
    );
  } finally {
    server.close();
    await platform.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

for (const [name, run] of [
  ['backlog', async () => backlog()],
  ['first sync', firstSync],
  ['many devices', manyDevices],
] as const) {
  try {
    await run();
  } catch (error) {
    console.log(`sync bench ${name}: not measured (${error instanceof Error ? error.message : String(error)})`);
  }
}
console.log('sync: PostgreSQL figures not measured in this run (platform/test-support/postgres.ts not wired into this bench yet)');
