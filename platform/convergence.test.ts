import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, jsonEqual, type JsonValue } from '../shared/sync/json';
import { isDeleted } from '../shared/sync/merge';
import { TestPlatform } from './test-support/harness';
import { Replica, type Send } from './test-support/replica';
import { STORE_KINDS, useStores } from './test-support/stores';

/**
 * Convergence through the real platform (property-based): three devices edit the same
 * companies while offline and sync in random orders, with lost answers (the batch is
 * retried under the same id), lost pull pages (pulled again), small pages and batches.
 * After everyone has synced, every device holds exactly the platform's rows, and every
 * value that lost a merge is in that device's history.
 */
const RUNS: Record<string, number> = { sqlite: 40, postgres: 25 };
const VALUES: Record<string, JsonValue[]> = {
  name: ['甲公司', '乙公司', '丙公司'],
  address: ['南山区', '福田区', '宝安区'],
  notes: ['初次拜访', '有意向', '需跟进', '已报价'],
  tags: [[], ['通信'], ['通信', '新能源']],
};
const FIELDS = Object.keys(VALUES);

type Step =
  | { kind: 'edit'; device: number; row: number; field: number; pick: number }
  | { kind: 'delete' | 'restore'; device: number; row: number }
  | { kind: 'push'; device: number; max: number; lose: boolean }
  | { kind: 'pull'; device: number; limit: number; lose: boolean }
  | { kind: 'tick'; device: number; ms: number };

const device = fc.nat(2);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, row: fc.nat(3), field: fc.nat(FIELDS.length - 1), pick: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), device, row: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const), device, max: fc.integer({ min: 1, max: 6 }), lose: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pull' as const), device, limit: fc.integer({ min: 1, max: 8 }), lose: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), device, ms: fc.nat(2000) }) },
);

describe.each(STORE_KINDS)('convergence through the platform on %s', (kind) => {
  const stores = useStores(kind);
  let t: TestPlatform;
  let replicas: Replica[];
  let send: Send;
  beforeAll(async () => {
    t = await TestPlatform.open(await stores.newConfig());
    const f = await t.fixture();
    replicas = [f.a1, f.a2, f.leadA].map((d) => new Replica(d));
    send = async (method, path, token, body) => {
      const reply = await t.request(method, path, { token, body });
      return { status: reply.status, json: reply.json };
    };
    // Everyone starts from the shared reference data.
    for (const replica of replicas) await replica.syncFully(send);
  }, 60_000);
  afterAll(() => t.close());

  let run = 0;
  it(`${RUNS[kind]} random runs end with every device equal to the platform`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: 3, maxLength: 3 }), async (steps, skews) => {
        run += 1;
        replicas.forEach((replica, i) => (replica.device.clockOffsetMs = skews[i]!));
        // Fresh rows each run; the first device creates them and everyone else pulls them.
        const rowIds = Array.from({ length: 4 }, (_, i) => `run${run}-row${i}`);
        for (const rowId of rowIds) replicas[0]!.edit('company', rowId, 'create', { name: '甲公司', name_norm: '甲', notes: '初次拜访' });
        for (const replica of replicas) await replica.syncFully(send);

        for (const s of steps) {
          const replica = replicas[s.device]!;
          if (s.kind === 'tick') replica.device.clockOffsetMs += s.ms;
          else if (s.kind === 'push') await replica.push(send, s.max, s.lose);
          else if (s.kind === 'pull') await replica.pull(send, s.limit, s.lose);
          else {
            const rowId = rowIds[s.row]!;
            const deleted = isDeleted(replica.store.readRow('company', rowId));
            if (s.kind === 'edit' && !deleted) replica.edit('company', rowId, 'update', { [FIELDS[s.field]!]: VALUES[FIELDS[s.field]!]![s.pick % VALUES[FIELDS[s.field]!]!.length]! });
            if (s.kind === 'delete' && !deleted) replica.edit('company', rowId, 'delete', { deleted: true });
            if (s.kind === 'restore' && deleted) replica.edit('company', rowId, 'restore', { deleted: false });
          }
        }
        for (const replica of replicas) await replica.syncFully(send);
        for (const replica of replicas) await replica.syncFully(send);

        const platformRows: [string, unknown][] = [];
        for (const rowId of [...rowIds].sort()) {
          const fields = await t.db.selectFrom('sync_fields').select(['field', 'value', 'hlc']).where('entity', '=', 'company').where('row_id', '=', rowId).execute();
          platformRows.push([rowId, Object.fromEntries(fields.map((f) => [f.field, { value: JSON.parse(f.value) as JsonValue, hlc: f.hlc }]))]);
        }
        const expected = canonicalJson(platformRows);
        for (const replica of replicas) expect(replica.snapshot('company', rowIds)).toBe(expected);

        for (const replica of replicas) {
          const everyChange = replicas.flatMap((r) => r.outbox).filter((c) => rowIds.includes(c.rowId));
          for (const change of everyChange) {
            const fields = replica.store.readRow('company', change.rowId)!.fields;
            for (const [field, value] of Object.entries(change.fields)) {
              const kept = jsonEqual(fields[field]?.value, value);
              expect(kept || replica.store.history.some((h) => h.rowId === change.rowId && h.field === field && jsonEqual(h.value, value)), `${change.rowId}.${field}`).toBe(true);
            }
          }
        }
        const log = await t.db.selectFrom('change_log').select('change_id').execute();
        expect(new Set(log.map((entry) => entry.change_id)).size).toBe(log.length);
      }),
      { numRuns: RUNS[kind]!, endOnFailure: true },
    );
  }, 150_000);
});
