/**
 * Weekly-log files: a team lead importing 30 members' files of 2,000 changes each —
 * verify (zip bounds, Ed25519 signature, SHA-256, counts) and merge through shared/sync's
 * engine into the lead's encrypted SQLite — then importing all 30 again (every file
 * skipped). Beside it, in the same run, PouchDB (memory adapter) replicating the same
 * 60,000 change documents from 30 source databases into one, and the ratio of the two.
 *
 * `--files <n> --changes <n>` scale it for a quick look. The member files are generated
 * through the app's real write path once and cached in the temp folder.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { changeContentHash } from '../shared/sync/hash';
import { HlcClock } from '../shared/sync/hlc';
import { importChanges } from '../shared/sync/import';
import { MemoryStore } from '../shared/sync/memory-store';
import { WEEKLOG_ENTRIES } from '../shared/weeklog/manifest';
import { openAppDatabase } from '../db/database';
import { approveDevice } from '../db/features/weeklog/devices';
import { importWeeklogFiles, type IncomingFile } from '../db/features/weeklog/import';
import { simulateTeam } from '../db/features/weeklog/team-simulation';
import { verifyWeeklogFile } from '../db/features/weeklog/verify';
import { readWeeklogZip } from '../db/features/weeklog/zip';
import type { HandlerContext } from '../db/rpc/types';
import { printFigure, printMachine, REPO_ROOT, removeDir } from './lib';

const { values } = parseArgs({ args: process.argv.slice(2), options: { files: { type: 'string' }, changes: { type: 'string' } }, strict: false });
const FILES = Number(values.files ?? 30);
const CHANGES = Number(values.changes ?? 2000);
const LEAD_NOW = new Date('2026-11-30T02:00:00Z');

/** Generated files are reused while the code that makes them is unchanged. */
function memberFiles(): IncomingFile[] {
  const inputs = ['db/features/weeklog/team-simulation.ts', 'db/features/weeklog/export.ts', 'db/store/writer.ts', 'db/store/entities.ts', 'shared/weeklog/manifest.ts'];
  const key = createHash('sha256').update(`${FILES}/${CHANGES}`);
  for (const file of inputs) key.update(fs.readFileSync(path.join(REPO_ROOT, file)));
  const cache = path.join(os.tmpdir(), `qz-bench-weeklog-${key.digest('hex').slice(0, 12)}`);
  if (fs.existsSync(path.join(cache, 'done'))) {
    return fs.readdirSync(cache).filter((name) => name.endsWith('.qzlog')).sort().map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(cache, name))) }));
  }
  const started = performance.now();
  const team = simulateTeam({ members: FILES, weeks: ['2026-W48'], changesPerFile: CHANGES, seed: 48, crossEdits: false });
  fs.mkdirSync(cache, { recursive: true });
  for (const file of team.files) fs.writeFileSync(path.join(cache, file.name), file.bytes);
  fs.writeFileSync(path.join(cache, 'done'), '');
  team.dispose();
  console.error(`(generated ${FILES} member files through the write path in ${((performance.now() - started) / 1000).toFixed(0)} s; cached in ${cache})`);
  return memberFiles();
}

function leadDatabase(files: readonly IncomingFile[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-bench-lead-'));
  const app = openAppDatabase(dir);
  const now = () => LEAD_NOW;
  const ctx: HandlerContext = {
    db: app.db,
    deviceId: app.deviceId,
    actor: { deviceId: app.deviceId, userId: app.userId, teamId: null, clock: new HlcClock(app.deviceId, () => LEAD_NOW.getTime()), now },
    schemaVersion: app.migration.to,
    now,
    integrity: () => 'ok',
  };
  // The lead approved every member's device beforehand (their keys are in the manifests).
  for (const file of files) {
    const manifest = JSON.parse(readWeeklogZip(file.bytes).get(WEEKLOG_ENTRIES[0])!.toString('utf8')) as { device: { id: string; publicKey: string }; user: { id: string; name: string } };
    approveDevice(app.db, { deviceId: manifest.device.id, publicKey: manifest.device.publicKey, label: manifest.user.name, userId: manifest.user.id, userName: manifest.user.name }, LEAD_NOW);
  }
  return { ctx, close: () => (app.close(), removeDir(dir)) };
}

function timed<T>(fn: () => T): { result: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

interface PouchDatabase {
  bulkDocs(docs: object[]): Promise<unknown>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
}
interface PouchStatic {
  new (name: string, options: { adapter: string }): PouchDatabase;
  plugin(plugin: unknown): PouchStatic;
  replicate(source: PouchDatabase, target: PouchDatabase, options?: { batch_size?: number }): Promise<unknown>;
}

/** The same change records as documents: one per change, its fields as the body. */
function changeDocuments(file: IncomingFile): object[] {
  const payload = readWeeklogZip(file.bytes).get('changes.ndjson')!.toString('utf8');
  return payload
    .trim()
    .split('\n')
    .map((line) => {
      const change = JSON.parse(line) as { changeId: string } & Record<string, unknown>;
      return { _id: change.changeId, ...change };
    });
}

async function pouchReplication(files: readonly IncomingFile[]): Promise<{ wallMs: number; cpuMs: number; docs: number }> {
  const require = createRequire(import.meta.url);
  const PouchDB = (require('pouchdb-core') as PouchStatic).plugin(require('pouchdb-adapter-memory')).plugin(require('pouchdb-replication'));
  const sources: PouchDatabase[] = [];
  for (const [index, file] of files.entries()) {
    const source = new PouchDB(`source-${index}`, { adapter: 'memory' });
    await source.bulkDocs(changeDocuments(file));
    sources.push(source);
  }
  const target = new PouchDB('lead', { adapter: 'memory' });
  const run = await timedAsync(async () => {
    for (const source of sources) await PouchDB.replicate(source, target, { batch_size: 500 });
  });
  const docs = (await target.info()).doc_count;
  for (const db of [...sources, target]) await db.destroy();
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, docs };
}

async function main(): Promise<void> {
  printMachine();
  const files = memberFiles();
  const changes = files.length * CHANGES;
  const label = `${files.length} files × ${CHANGES.toLocaleString('en')} changes`;

  const verifyOnly = leadDatabase(files);
  const verified = timed(() => files.map((file) => verifyWeeklogFile(verifyOnly.ctx, file.bytes)));
  verifyOnly.close();
  printFigure(`weekly logs, verify only (${label})`, verified.result.length === files.length ? verified.wallMs : Number.NaN, 'ms');

  // Two yardsticks from the same run: the shared engine on its own (in-memory store, no
  // SQL), and raw better-sqlite3 inserting as many field-history rows as the merge writes.
  const records = files.flatMap(changeDocuments);
  const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
  const engine = timed(() => importChanges(new MemoryStore(), records, { hash: (change) => changeContentHash(change, sha256) }));
  printFigure(`  shared/sync engine alone, in-memory store (${changes.toLocaleString('en')} changes), CPU`, engine.cpuMs, 'ms');

  const lead = leadDatabase(files);
  const first = timed(() => importWeeklogFiles(lead.ctx, files, { dryRun: false }));
  const historyRows = lead.ctx.db.prepare('SELECT count(*) FROM field_history').pluck().get() as number;
  const raw = timed(() => {
    const insert = lead.ctx.db.prepare(
      "INSERT INTO field_history (entity, row_id, field, old_value, new_value, hlc, device_id, user_id, changed_at, source) SELECT entity, row_id, field, old_value, new_value, hlc, device_id, user_id, changed_at, 'bench' FROM field_history WHERE id = ?",
    );
    lead.ctx.db.transaction(() => {
      for (let id = 1; id <= historyRows; id++) insert.run(id);
    })();
  });
  const total = first.result.total;
  if (total.imported !== files.length || total.errors > 0) console.error(`(import: ${first.result.headline})`);
  printFigure(`weekly logs, verify + merge (${label})`, first.wallMs, 'ms', { below: 3000 });
  console.log(`  CPU ${first.cpuMs.toFixed(0)} ms; ${(changes / (first.wallMs / 1000)).toFixed(0)} changes/s; ${total.created} created, ${total.updated} updated, ${total.deleted} deleted`);
  printFigure(`  raw better-sqlite3: ${historyRows.toLocaleString('en')} field-history rows inserted one by one in the same database, CPU`, raw.cpuMs, 'ms');
  const again = timed(() => importWeeklogFiles(lead.ctx, files, { dryRun: false }));
  printFigure(`weekly logs, re-import of all ${files.length} (all skipped)`, again.result.total.skipped === files.length ? again.wallMs : Number.NaN, 'ms', { below: 500 });
  lead.close();

  const pouch = await pouchReplication(files);
  printFigure(`PouchDB (memory adapter) replicating the same ${pouch.docs.toLocaleString('en')} documents from ${files.length} sources`, pouch.wallMs, 'ms');
  console.log(`  CPU ${pouch.cpuMs.toFixed(0)} ms`);
  printFigure('ratio PouchDB / weekly-log import (wall)', pouch.wallMs / first.wallMs, '×');
  printFigure('ratio PouchDB / weekly-log import (CPU)', pouch.cpuMs / first.cpuMs, '×');
}

await main();
