import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { featureTest, type FeatureTest } from '../test-support';

let t: FeatureTest;
beforeEach(() => {
  t = featureTest();
});
afterEach(() => t.dispose());

async function seed() {
  const specs = [
    { name: '甲公司', industry: '大数据电子信息', district: '南山区' },
    { name: '乙公司', industry: '健康医药', district: '福田区' },
    { name: '丙公司', industry: '大数据电子信息', district: '福田区' },
    { name: '丁公司', industry: null, district: '南山区' },
  ];
  const ids: string[] = [];
  for (const spec of specs) ids.push((await t.call('companies.create', spec)).id);
  return ids as [string, string, string, string];
}

describe('companies.list', () => {
  it('lists live companies newest first by default, with the total', async () => {
    const [a, b, c, d] = await seed();
    const page = await t.call('companies.list', {});
    expect(page.items.map((item) => item.id)).toEqual([d, c, b, a]);
    expect(page.total).toBe(4);
    expect(page.items[0]).toEqual({
      id: d,
      name: '丁公司',
      creditCode: null,
      industry: null,
      district: '南山区',
      createdAt: expect.stringMatching(/^2026-11-27T/),
      updatedAt: expect.stringMatching(/^2026-11-27T/),
    });
  });

  it('pages with limit and offset; asc is the exact reverse of desc', async () => {
    const [a, b, c, d] = await seed();
    expect((await t.call('companies.list', { limit: 2, offset: 1 })).items.map((i) => i.id)).toEqual([c, b]);
    expect((await t.call('companies.list', { order: 'asc' })).items.map((i) => i.id)).toEqual([a, b, c, d]);
    const page = await t.call('companies.list', { limit: 2, offset: 4 });
    expect(page).toEqual({ items: [], total: 4 });
  });

  it('sorts by name, industry, district and update time', async () => {
    const [a, b, c, d] = await seed();
    const ids = async (sort: 'name' | 'industry' | 'district' | 'updatedAt', order: 'asc' | 'desc' = 'asc') =>
      (await t.call('companies.list', { sort, order })).items.map((i) => i.id);
    // Code-point order: 丁 U+4E01 < 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532.
    expect(await ids('name')).toEqual([d, c, b, a]);
    // Blank industry first; within an industry, newest first.
    expect(await ids('industry')).toEqual([d, b, c, a]);
    expect(await ids('industry', 'desc')).toEqual([a, c, b, d]);
    expect(await ids('district')).toEqual([d, a, c, b]);
    await t.call('companies.update', { id: b, patch: { notes: 'touched' } });
    expect((await ids('updatedAt', 'desc'))[0]).toBe(b);
  });

  it('filters by industry, district and owner; the total counts the filter', async () => {
    const [a, , c] = await seed();
    const page = await t.call('companies.list', { industry: '大数据电子信息' });
    expect(page).toMatchObject({ total: 2 });
    expect(page.items.map((i) => i.id)).toEqual([c, a]);
    expect((await t.call('companies.list', { industry: '大数据电子信息', district: '南山区' })).items.map((i) => i.id)).toEqual([a]);
    expect((await t.call('companies.list', { ownerUserId: t.app.userId })).total).toBe(4);
    expect((await t.call('companies.list', { ownerUserId: 'someone-else' })).total).toBe(0);
  });

  it('leaves deleted companies out, and a restored one comes back', async () => {
    const [a] = await seed();
    await t.call('records.delete', { kind: 'company', id: a });
    const page = await t.call('companies.list', {});
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).not.toContain(a);
    await t.call('records.restore', { kind: 'company', id: a });
    expect((await t.call('companies.list', {})).total).toBe(4);
  });

  it('refuses a sort key outside the whitelist', async () => {
    const error = await t.refusal('companies.list', { sort: 'name; DROP TABLE company' as never });
    expect(error.code).toBe('E_VALIDATION');
    expect(error.details?.[0]?.path).toBe('sort');
  });
});
