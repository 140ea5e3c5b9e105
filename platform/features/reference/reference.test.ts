import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPlatform } from '../../test-support/harness';
import { STORE_KINDS, useStores } from '../../test-support/stores';

describe.each(STORE_KINDS)('reference data on %s', (kind) => {
  const stores = useStores(kind);
  let t: TestPlatform;
  beforeEach(async () => {
    t = await TestPlatform.open(await stores.newConfig());
  });
  afterEach(() => t.close());

  it('starts with the ten key industries (version 1) and versions every edit; everyone pulls the changes', async () => {
    const f = await t.fixture();
    const current = await t.request('GET', '/api/v1/reference/industry', { token: f.a1.token });
    expect(current.json.version).toBe(1);
    expect(current.json.items.map((i: { label: string }) => i.label)).toContain('大数据电子信息');
    const { serverTime: _, ...before } = (await t.pull(f.b.token)) as unknown as Record<string, unknown>;

    const items = [
      { code: 'big_data_electronics', label: '大数据电子信息（含算力）' },
      { code: 'new_energy_vehicles', label: '新能源汽车' },
    ];
    const saved = await t.request('PUT', '/api/v1/reference/industry', { token: t.adminToken, body: { version: 2, items } });
    expect(saved.json).toMatchObject({ kind: 'industry', version: 2, changed: 11 });
    const list = await t.request('GET', '/api/v1/reference/industry', { token: f.b.token });
    expect(list.json.items.filter((i: { retired: boolean }) => !i.retired).map((i: { label: string }) => i.label)).toEqual(['大数据电子信息（含算力）', '新能源汽车']);
    expect(list.json.items.find((i: { code: string }) => i.code === 'basic_energy')).toMatchObject({ retired: true, label: '基础能源' });

    const next = await t.pull(f.b.token, (before as { nextCursor: number }).nextCursor);
    expect(next.changes.every((c) => c.entity === 'reference' && c.deviceId === null)).toBe(true);
    expect(next.changes).toHaveLength(11);
    expect(next.changes.find((c) => c.rowId === 'industry:new_energy_vehicles')).toMatchObject({ op: 'create', fields: { label: '新能源汽车', list_version: 2 } });
  });

  it('refuses a stale version, bad items and non-admins', async () => {
    const f = await t.fixture();
    const body = (version: number) => ({ version, items: [{ code: 'x', label: 'X' }] });
    const stale = await t.request('PUT', '/api/v1/reference/industry', { token: t.adminToken, body: body(1) });
    expect([stale.status, stale.json.error.code, stale.json.error.currentVersion]).toEqual([409, 'E_REFERENCE_VERSION', 1]);
    expect((await t.request('PUT', '/api/v1/reference/industry', { token: f.leadA.token, body: body(2) })).status).toBe(403);
    expect((await t.request('PUT', '/api/v1/reference/planets', { token: t.adminToken, body: body(2) })).status).toBe(400);
    const dupes = { version: 2, items: [{ code: 'x', label: 'X' }, { code: 'x', label: 'Y' }] };
    expect((await t.request('PUT', '/api/v1/reference/industry', { token: t.adminToken, body: dupes })).json.error.code).toBe('E_VALIDATION');
    const parks = await t.request('PUT', '/api/v1/reference/park', { token: t.adminToken, body: { version: 1, items: [{ code: 'gaxq_bigdata', label: '贵安新区大数据产业园', parentCode: '520000' }] } });
    expect(parks.json).toMatchObject({ kind: 'park', version: 1, changed: 1 });
  });
});
