import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PullPageSchema } from '../../../shared/sync/schema';
import { TestPlatform } from '../../test-support/harness';
import { STORE_KINDS, useStores } from '../../test-support/stores';

describe.each(STORE_KINDS)('pull on %s', (kind) => {
  const stores = useStores(kind);
  let t: TestPlatform;
  let f: Awaited<ReturnType<TestPlatform['fixture']>>;
  beforeEach(async () => {
    t = await TestPlatform.open(await stores.newConfig());
    f = await t.fixture();
  });
  afterEach(() => t.close());

  it('serves a team its own rows (every member’s), the reference data, and nothing of other teams', async () => {
    const mine = f.a1.company('华为技术有限公司');
    const theirs = f.b.company('广汽集团');
    await t.push(f.a1, [mine]);
    await t.push(f.b, [theirs]);
    const seenByA2 = await t.pullAll(f.a2.token);
    const rows = (changes: typeof seenByA2) => changes.filter((c) => c.entity === 'company').map((c) => c.rowId);
    expect(rows(seenByA2)).toEqual([mine.rowId]);
    expect(rows(await t.pullAll(f.leadA.token))).toEqual([mine.rowId]);
    expect(rows(await t.pullAll(f.b.token))).toEqual([theirs.rowId]);
    expect(rows(await t.pullAll(t.adminToken)).sort()).toEqual([mine.rowId, theirs.rowId].sort());
    const industries = seenByA2.filter((c) => c.entity === 'reference');
    expect(industries).toHaveLength(10);
    expect(industries[0]).toMatchObject({ rowId: 'industry:basic_energy', deviceId: null, fields: { label: '基础能源', list_version: 1 } });
  });

  it('pages by server cursor: each page in order, hasMore until the end, the cursor never goes back', async () => {
    const changes = Array.from({ length: 25 }, (_, i) => f.a1.company(`公司${i}`));
    await t.push(f.a1, changes);
    const seen: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const reply = await t.request('GET', `/api/v1/sync/pull?cursor=${cursor}&limit=7`, { token: f.a2.token });
      const page = PullPageSchema.parse(reply.json);
      pages += 1;
      expect(page.nextCursor).toBeGreaterThanOrEqual(cursor);
      seen.push(...page.changes.map((c) => c.serverSeq));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(35);
    const again = await t.pull(f.a2.token, cursor);
    expect(again).toMatchObject({ changes: [], hasMore: false, nextCursor: cursor });
  });

  it('hands back each change as pushed, with its place in the log and its device', async () => {
    const company = f.a1.company('甲公司', { notes: '备注' });
    const update = f.a1.change('company', company.rowId, 'update', { notes: '新备注' }, { base: { notes: '备注' }, baseHlc: { notes: company.hlc } });
    await t.push(f.a1, [company, update]);
    const pulled = (await t.pullAll(f.a2.token)).filter((c) => c.entity === 'company');
    expect(pulled).toEqual([
      { ...company, serverSeq: expect.any(Number), deviceId: f.a1.deviceId },
      { ...update, serverSeq: expect.any(Number), deviceId: f.a1.deviceId },
    ]);
  });

  it('refuses a bad cursor or limit with a code', async () => {
    for (const query of ['cursor=-1', 'cursor=abc', 'limit=0', 'limit=100000']) {
      const reply = await t.request('GET', `/api/v1/sync/pull?${query}`, { token: f.a1.token });
      expect([reply.status, reply.json.error.code]).toEqual([400, 'E_VALIDATION']);
    }
  });
});
