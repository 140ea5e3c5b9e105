import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeContentHash } from '../shared/sync/hash';
import { importChanges } from '../shared/sync/import';
import { MemoryStore } from '../shared/sync/memory-store';
import type { ChangeRecord } from '../shared/sync/schema';
import { nodeSha256 } from './features/sync/push';
import { TestPlatform } from './test-support/harness';
import { useStores } from './test-support/stores';

/**
 * Stateless instances (DESIGN §6): two platform processes over one PostgreSQL — here two
 * instances with their own connection pools — must apply each change exactly once. Only
 * the database's constraints and locks stand between them.
 */
describe('two instances over one PostgreSQL', () => {
  const stores = useStores('postgres');
  let one: TestPlatform;
  let two: TestPlatform;
  beforeEach(async () => {
    const config = await stores.newConfig();
    one = await TestPlatform.open(config);
    two = await TestPlatform.open(config, { adminToken: one.adminToken });
  });
  afterEach(async () => {
    await one.close();
    await two.close();
  });

  async function expectLogIntact(): Promise<void> {
    const log = await one.db.selectFrom('change_log').select(['seq', 'change_id']).orderBy('seq').execute();
    expect(new Set(log.map((entry) => entry.change_id)).size).toBe(log.length);
    expect(log.map((entry) => entry.seq)).toEqual(log.map((_, i) => i + 1));
    const counter = await one.db.selectFrom('counters').select('value').where('name', '=', 'change_log').executeTakeFirstOrThrow();
    expect(counter.value).toBe(log.length);
  }

  it('the same batch sent to both at once is applied once, and both answer the same bytes', async () => {
    const f = await one.fixture();
    for (let round = 0; round < 8; round += 1) {
      const rows = Array.from({ length: 30 }, (_, i) => f.a1.company(`公司${round}-${i}`, { notes: `第 ${round} 轮` }));
      const batch = f.a1.batch(rows);
      const [a, b] = await Promise.all([one, two].map((t) => t.request('POST', '/api/v1/sync/push', { token: f.a1.token, body: batch })));
      expect([a!.status, b!.status]).toEqual([200, 200]);
      expect(a!.text).toBe(b!.text);
      expect(a!.json.stats).toMatchObject({ created: 30, errors: 0 });
    }
    const applied = await one.db.selectFrom('change_log').select('change_id').where('device_id', '=', f.a1.deviceId).execute();
    expect(applied).toHaveLength(240);
    await expectLogIntact();
  });

  it('a member and the lead pushing the same change through different instances: applied once', async () => {
    const f = await one.fixture();
    for (let round = 0; round < 6; round += 1) {
      const changes = Array.from({ length: 20 }, (_, i) => f.a1.company(`公司${round}-${i}`));
      // The lead re-pushes the member's changes (from a weekly file) under the lead's own seqs.
      const relayed = changes.map((change) => ({ ...change, seq: ++f.leadA.seq }));
      const [member, lead] = await Promise.all([one.push(f.a1, changes), two.push(f.leadA, relayed)]);
      expect([member.status, lead.status]).toEqual([200, 200]);
      expect(member.summary.stats.created + lead.summary.stats.created).toBe(20);
      expect(member.summary.stats.ignored + lead.summary.stats.ignored).toBe(20);
    }
    await expectLogIntact();
  });

  it('devices editing the same rows through both instances at once end in the merge of all their changes', async () => {
    const f = await one.fixture();
    const seed = Array.from({ length: 10 }, (_, i) => f.a1.company(`公司${i}`, { notes: '起初', address: '南山区' }));
    await one.push(f.a1, seed);
    const all: ChangeRecord[] = [...seed];
    for (let round = 0; round < 6; round += 1) {
      const edits = [f.a1, f.a2, f.leadA].map((device, d) =>
        seed.map((row, i) => device.change('company', row.rowId, 'update', { notes: `设备${d}第${round}轮`, address: `区${(i + d + round) % 4}` }, { base: { notes: '起初' } })),
      );
      all.push(...edits.flat());
      const replies = await Promise.all(edits.map((changes, d) => [one, two][d % 2]!.push([f.a1, f.a2, f.leadA][d]!, changes)));
      for (const reply of replies) expect([reply.status, reply.summary.stats.errors]).toEqual([200, 0]);
    }
    // Any order of the same changes merges to one state; the platform must hold exactly that.
    const model = new MemoryStore();
    importChanges(model, [...all].reverse(), { hash: (c) => changeContentHash(c, nodeSha256) });
    for (const row of seed) {
      const expected = Object.fromEntries(Object.entries(model.readRow('company', row.rowId)!.fields).map(([field, state]) => [field, state.value]));
      expect(await two.row('company', row.rowId)).toEqual(expected);
    }
    await expectLogIntact();
  });
});
