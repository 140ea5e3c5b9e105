import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeContentHash } from '../shared/sync/hash';
import { importChanges } from '../shared/sync/import';
import { MemoryStore } from '../shared/sync/memory-store';
import type { ChangeRecord, ImportSummary } from '../shared/sync/schema';
import { nodeSha256 } from './features/sync/push';
import { buildPlatformBundle, startPlatformProcess, type PlatformProcess } from './test-support/child';
import { TestPlatform, type SimDevice } from './test-support/harness';

/**
 * Faults: the platform process is killed with SIGKILL at a random moment while a device
 * pushes several large batches; it is restarted and the device carries on — retrying the
 * batch whose answer it never got under the same id, or rebuilding its batches from the
 * last acknowledged seq. Every change must be applied exactly once and nothing lost.
 */
const RUNS = 12;

describe('the platform killed mid-push (SQLite, child process)', () => {
  let bundle: Awaited<ReturnType<typeof buildPlatformBundle>>;
  let dataDir: string;
  let device: SimDevice;
  const model = new MemoryStore();
  const pushed: ChangeRecord[] = [];
  let acked = 0;
  let batchNo = 0;
  /** One process at a time: each run kills it, and the restart serves the next run too. */
  let platform: PlatformProcess | null = null;

  beforeAll(async () => {
    bundle = await buildPlatformBundle();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-faults-'));
    const t = await TestPlatform.open({ kind: 'sqlite', file: path.join(dataDir, 'platform.sqlite') });
    device = (await t.fixture()).a1;
    await t.close();
  }, 60_000);
  afterAll(async () => {
    platform?.child.kill('SIGKILL');
    await platform?.exited;
    bundle?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(target: PlatformProcess, batch: unknown): Promise<ImportSummary> {
    const response = await fetch(`${target.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    const body = (await response.json()) as ImportSummary;
    if (response.status !== 200) throw new Error(`push answered ${response.status}: ${JSON.stringify(body)}`);
    return body;
  }

  function nextBatch(size: number): Record<string, unknown> | null {
    const changes = pushed.filter((change) => change.seq > acked).slice(0, size);
    if (changes.length === 0) return null;
    batchNo += 1;
    return { deviceId: device.deviceId, batchId: `fault-${batchNo}`, fromSeq: changes[0]!.seq, toSeq: changes.at(-1)!.seq, schemaVersion: 3, changes };
  }

  it(`${RUNS} random kills: every change applied exactly once, nothing lost`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ killAfterMs: fc.integer({ min: 0, max: 400 }), batchSize: fc.integer({ min: 50, max: 400 }), count: fc.integer({ min: 100, max: 800 }), retrySameBatch: fc.boolean() }),
        async ({ killAfterMs, batchSize, count, retrySameBatch }) => {
          // New rows and edits of rows from earlier runs, so merges happen too.
          const earlier = pushed.filter((change) => change.op === 'create');
          for (let i = 0; i < count; i += 1) {
            const target = earlier.length > 0 && i % 4 === 3 ? earlier[(i * 7919) % earlier.length] : undefined;
            const change = target ? device.change('company', target.rowId, 'update', { notes: `第 ${batchNo} 批的修改 ${i}`, address: `地址${i % 9}` }) : device.company(`公司-${device.seq + 1}`, { notes: '初次拜访' });
            pushed.push(change);
          }
          importChanges(model, pushed.slice(-count), { hash: (c) => changeContentHash(c, nodeSha256) });

          const running = (platform ??= await startPlatformProcess(bundle.file, dataDir));
          let inFlight: Record<string, unknown> | null = null;
          const killer = setTimeout(() => running.child.kill('SIGKILL'), killAfterMs);
          try {
            for (let batch = nextBatch(batchSize); batch; batch = nextBatch(batchSize)) {
              inFlight = batch;
              acked = (await send(running, batch)).lastAppliedSeq;
              inFlight = null;
            }
          } catch {
            // The connection died with the process: this batch's fate is unknown.
          }
          clearTimeout(killer);
          running.child.kill('SIGKILL');
          await running.exited;

          platform = await startPlatformProcess(bundle.file, dataDir);
          if (inFlight && retrySameBatch) acked = (await send(platform, inFlight)).lastAppliedSeq;
          for (let batch = nextBatch(batchSize); batch; batch = nextBatch(batchSize)) acked = (await send(platform, batch)).lastAppliedSeq;
          expect(acked).toBe(device.seq);

          // Read beside the running process (WAL lets a reader in while it writes).
          const db = new Database(path.join(dataDir, 'platform.sqlite'), { readonly: true });
          try {
            const log = db.prepare('SELECT count(*) AS n, count(DISTINCT change_id) AS ids FROM change_log WHERE device_id = ?').get(device.deviceId) as { n: number; ids: number };
            expect(log).toEqual({ n: pushed.length, ids: pushed.length });
            const counter = db.prepare("SELECT value FROM counters WHERE name = 'change_log'").pluck().get() as number;
            expect(counter).toBe(db.prepare('SELECT count(*) FROM change_log').pluck().get());
            expect(db.prepare('SELECT last_seq FROM devices WHERE id = ?').pluck().get(device.deviceId)).toBe(device.seq);
            const fields = db.prepare("SELECT row_id, field, value, hlc FROM sync_fields WHERE entity = 'company'").all() as { row_id: string; field: string; value: string; hlc: string }[];
            const stored = new Map<string, Record<string, { value: unknown; hlc: string }>>();
            for (const f of fields) stored.set(f.row_id, { ...stored.get(f.row_id), [f.field]: { value: JSON.parse(f.value), hlc: f.hlc } });
            expect(stored.size).toBe(model.rows.size);
            for (const [key, expected] of model.rows) expect(stored.get(key.split('\u0000')[1]!)).toEqual(expected);
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 170_000);
});
