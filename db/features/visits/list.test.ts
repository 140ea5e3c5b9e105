import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { featureTest, type FeatureTest } from '../test-support';

let t: FeatureTest;
beforeEach(() => {
  t = featureTest();
});
afterEach(() => t.dispose());

async function seed() {
  const dji = (await t.call('companies.create', { name: '大疆' })).id;
  const byd = (await t.call('companies.create', { name: '比亚迪' })).id;
  const v1 = (await t.call('visits.create', { companyId: dji, visitDate: '2026-11-01', kind: 'door_visit', intent: 'strong' })).id;
  const v2 = (await t.call('visits.create', { companyId: byd, visitDate: '2026-11-15', kind: 'online_meeting', intent: 'weak' })).id;
  const v3 = (await t.call('visits.create', { companyId: dji, visitDate: '2026-11-15', kind: 'door_visit' })).id;
  const v4 = (await t.call('visits.create', { companyId: byd, visitDate: '2026-10-20', kind: 'hosted_visit', intent: 'medium' })).id;
  return { dji, byd, v1, v2, v3, v4 };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe('visits.list', () => {
  it('newest visit first with the company name; ties on a day go to the later-entered', async () => {
    const { v1, v2, v3, v4 } = await seed();
    const page = await t.call('visits.list', {});
    expect(ids(page)).toEqual([v3, v2, v1, v4]);
    expect(page.total).toBe(4);
    expect(page.items[0]).toMatchObject({ companyName: '大疆', visitDate: '2026-11-15', deleted: false });
    expect(ids(await t.call('visits.list', { order: 'asc' }))).toEqual([v4, v1, v2, v3]);
  });

  it('filters by company, kind, intent, owner and date range', async () => {
    const { dji, v1, v2, v3 } = await seed();
    expect(ids(await t.call('visits.list', { companyId: dji }))).toEqual([v3, v1]);
    expect(ids(await t.call('visits.list', { kind: 'door_visit' }))).toEqual([v3, v1]);
    expect(ids(await t.call('visits.list', { intent: 'weak' }))).toEqual([v2]);
    expect((await t.call('visits.list', { ownerUserId: t.app.userId })).total).toBe(4);
    const range = await t.call('visits.list', { dateFrom: '2026-11-01', dateTo: '2026-11-14' });
    expect(ids(range)).toEqual([v1]);
    expect(range.total).toBe(1);
    expect((await t.call('visits.list', { companyId: dji, kind: 'online_meeting' })).total).toBe(0);
  });

  it('sorts by kind, intent and entry time', async () => {
    const { v1, v2, v3, v4 } = await seed();
    // door_visit < hosted_visit < online_meeting; within a kind, by date.
    expect(ids(await t.call('visits.list', { sort: 'kind', order: 'asc' }))).toEqual([v1, v3, v4, v2]);
    // Blank intent first, then medium < strong < weak (code order).
    expect(ids(await t.call('visits.list', { sort: 'intent', order: 'asc' }))).toEqual([v3, v4, v1, v2]);
    expect(ids(await t.call('visits.list', { sort: 'createdAt' }))).toEqual([v4, v3, v2, v1]);
  });

  it('pages, and leaves deleted visits out of items and total', async () => {
    const { v1, v2, v3 } = await seed();
    expect(ids(await t.call('visits.list', { limit: 2, offset: 1 }))).toEqual([v2, v1]);
    await t.call('records.delete', { kind: 'visit', id: v3 });
    const page = await t.call('visits.list', {});
    expect(page.total).toBe(3);
    expect(ids(page)).not.toContain(v3);
  });

  it('refuses a reversed date that is not a date', async () => {
    expect((await t.refusal('visits.list', { dateFrom: '2026-02-30' })).code).toBe('E_DATE_INVALID');
  });
});
