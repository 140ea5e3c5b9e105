import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeContentHash } from './hash';
import { HlcClock } from './hlc';
import { importChanges } from './import';
import { jsonEqual, type JsonValue } from './json';
import { buildLocalChange } from './local';
import { MemoryStore, rowKey } from './memory-store';
import { applyChange, isDeleted } from './merge';
import type { ChangeOp, ChangeRecord } from './schema';

/**
 * The model-level convergence property (DESIGN §4): three devices edit the same rows
 * while offline; their changes reach each other in any order, duplicated, reordered and
 * retried; in the end every replica holds identical rows, and every value that lost a
 * merge is still in that replica's history.
 */

const NODES = ['dev-a', 'dev-b', 'dev-c'] as const;
const VALUES: Record<string, readonly JsonValue[]> = {
  name: ['甲公司', '乙公司', '丙公司'],
  address: ['南山区', '福田区', '宝安区', '龙岗区'],
  notes: ['初次拜访', '对方有意向', '需再跟进', '已报价', '暂缓'],
  tags: [[], ['通信'], ['通信', '新能源'], ['新能源']],
};
const FIELDS = Object.keys(VALUES);
const identityHash = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

type Action =
  | { kind: 'edit'; replica: number; row: number; fields: number[]; pick: number }
  | { kind: 'create'; replica: number; pick: number }
  | { kind: 'delete'; replica: number; row: number }
  | { kind: 'restore'; replica: number; row: number }
  | { kind: 'deliver'; to: number; picks: number[] }
  | { kind: 'tick'; replica: number; ms: number };

const replicaArb = fc.integer({ min: 0, max: NODES.length - 1 });
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: replicaArb, row: fc.nat(20), fields: fc.uniqueArray(fc.nat(FIELDS.length - 1), { minLength: 1, maxLength: 3 }), pick: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), replica: replicaArb, pick: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), replica: replicaArb, row: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), replica: replicaArb, row: fc.nat(20) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), to: replicaArb, picks: fc.array(fc.nat(200), { minLength: 1, maxLength: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), replica: replicaArb, ms: fc.oneof(fc.constant(0), fc.nat(3000)) }) },
);

interface Replica {
  node: string;
  store: MemoryStore;
  clock: HlcClock;
  wall: { ms: number };
  /** Replicas that dedupe by change id (like the platform) and replicas that rely on idempotent merges alone. */
  dedupe: boolean;
  seq: number;
}

function makeReplica(node: string, startMs: number, dedupe: boolean): Replica {
  const wall = { ms: startMs };
  return { node, store: new MemoryStore(), clock: new HlcClock(node, () => wall.ms), wall, dedupe, seq: 0 };
}

function receive(replica: Replica, change: ChangeRecord): void {
  if (replica.dedupe) importChanges(replica.store, [change], { hash: (c) => changeContentHash(c, identityHash) });
  else applyChange(replica.store, change);
  replica.clock.receive(change.hlc);
}

function localChange(replica: Replica, rowId: string, op: ChangeOp, fields: Record<string, JsonValue>): ChangeRecord {
  replica.seq += 1;
  const current = replica.store.readRow('company', rowId);
  const change = buildLocalChange(current, { changeId: `${replica.node}-${replica.seq}`, seq: replica.seq, hlc: replica.clock.tick(), entity: 'company', rowId, op, fields });
  receive(replica, change);
  return change;
}

function knownRows(replica: Replica): string[] {
  return [...replica.store.rows.keys()].map((key) => key.split('\u0000')[1]!).sort();
}

function run(actions: Action[], offsets: number[], dedupe: boolean[], finalOrders: number[][]): { replicas: Replica[]; pool: ChangeRecord[] } {
  const replicas = NODES.map((node, i) => makeReplica(node, 1_700_000_000_000 + offsets[i]!, dedupe[i]!));
  const pool: ChangeRecord[] = [];
  // Everyone starts from one shared company, as after a first sync.
  const seed = localChange(replicas[0]!, 'seed', 'create', { name: '甲公司', notes: '初次拜访' });
  pool.push(seed);
  for (const replica of replicas.slice(1)) receive(replica, seed);

  for (const action of actions) {
    if (action.kind === 'deliver') {
      const to = replicas[action.to]!;
      for (const pick of action.picks) receive(to, pool[pick % pool.length]!);
      continue;
    }
    const replica = replicas[action.replica]!;
    if (action.kind === 'tick') {
      replica.wall.ms += action.ms;
      continue;
    }
    if (action.kind === 'create') {
      const fields = { name: VALUES.name![action.pick % 3]!, notes: VALUES.notes![action.pick % 5]! };
      pool.push(localChange(replica, `${replica.node}-row-${replica.seq + 1}`, 'create', fields));
      continue;
    }
    const rows = knownRows(replica);
    const rowId = rows[action.row % rows.length]!;
    const deleted = isDeleted(replica.store.readRow('company', rowId));
    // The app edits and deletes live rows only, and restores deleted ones.
    if (action.kind === 'edit' && !deleted) {
      const fields = Object.fromEntries(action.fields.map((f, i) => [FIELDS[f]!, VALUES[FIELDS[f]!]![(action.pick + i) % VALUES[FIELDS[f]!]!.length]!]));
      pool.push(localChange(replica, rowId, 'update', fields));
    } else if (action.kind === 'delete' && !deleted) {
      pool.push(localChange(replica, rowId, 'delete', { deleted: true }));
    } else if (action.kind === 'restore' && deleted) {
      pool.push(localChange(replica, rowId, 'restore', { deleted: false }));
    }
  }
  // Finally every change reaches every replica: in its own order, some twice (a retry).
  replicas.forEach((replica, i) => {
    const order = finalOrders[i]!;
    const shuffled = [...pool.keys()].sort((a, b) => (order[a % order.length]! - order[b % order.length]!) || a - b);
    for (const index of shuffled) receive(replica, pool[index]!);
    for (const index of shuffled.slice(0, 3)) receive(replica, pool[index]!);
  });
  return { replicas, pool };
}

describe('convergence of the merge engine (model, property-based)', () => {
  it('three replicas with random edits and random delivery end identical, and no losing value is lost', () => {
    fc.assert(
      fc.property(
        fc.array(actionArb, { minLength: 5, maxLength: 60 }),
        fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.array(fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }), { minLength: 3, maxLength: 3 }),
        (actions, offsets, dedupe, finalOrders) => {
          const { replicas, pool } = run(actions, offsets, dedupe, finalOrders);
          // A fourth receiver that gets everything in creation order, as a platform would.
          const platform = makeReplica('platform', 1_700_000_000_000, true);
          for (const change of pool) receive(platform, change);
          const expected = platform.store.snapshot();
          for (const replica of replicas) expect(replica.store.snapshot()).toBe(expected);

          for (const replica of [...replicas, platform]) {
            for (const change of pool) {
              const fields = replica.store.rows.get(rowKey(change.entity, change.rowId))!;
              for (const [field, value] of Object.entries(change.fields)) {
                const kept = jsonEqual(fields[field]?.value, value);
                const inHistory = replica.store.history.some((h) => h.rowId === change.rowId && h.field === field && jsonEqual(h.value, value));
                if (!kept && !inHistory) throw new Error(`${replica.node} lost ${change.rowId}.${field}=${JSON.stringify(value)}`);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('concurrent edits of long text surface as a conflict on the receivers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.boolean(), (skewA, skewB, bFirst) => {
        const a = makeReplica('dev-a', 1_700_000_000_000 + skewA, true);
        const b = makeReplica('dev-b', 1_700_000_000_000 + skewB, true);
        const seed = localChange(a, 'r', 'create', { name: '甲公司', notes: '起初' });
        receive(b, seed);
        const fromA = localChange(a, 'r', 'update', { notes: 'A 写的' });
        const fromB = localChange(b, 'r', 'update', { notes: 'B 写的' });
        const platform = makeReplica('platform', 0, true);
        for (const change of bFirst ? [seed, fromB, fromA] : [seed, fromA, fromB]) receive(platform, change);
        receive(a, fromB);
        receive(b, fromA);
        for (const replica of [a, b, platform]) {
          expect(replica.store.conflicts.filter((c) => c.kind === 'text')).toHaveLength(1);
          expect(replica.store.snapshot()).toBe(platform.store.snapshot());
        }
      }),
      { numRuns: 50 },
    );
  });
});
