import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { featureTest, type FeatureTest } from '../test-support';

let t: FeatureTest;
beforeEach(() => {
  t = featureTest();
});
afterEach(() => t.dispose());

describe('companies.get', () => {
  it('gathers the company, its live contacts, projects, tasks, timeline and history', async () => {
    const company = await t.call('companies.create', { name: '深圳市大疆创新科技有限公司', district: '南山区' });
    const other = await t.call('companies.create', { name: '比亚迪股份有限公司' });
    const zhang = await t.call('contacts.create', { companyId: company.id, name: '张三', mobile: '13812345678' });
    const li = await t.call('contacts.create', { companyId: company.id, name: '李四' });
    await t.call('contacts.create', { companyId: other.id, name: '王五' });
    await t.call('records.delete', { kind: 'contact', id: li.id });

    const older = await t.call('visits.create', { companyId: company.id, visitDate: '2026-10-01', kind: 'door_visit', contactIds: [zhang.id] });
    const newer = await t.call('visits.create', { companyId: company.id, visitDate: '2026-11-20', kind: 'online_meeting', followUpDate: '2026-12-01' });
    const project = await t.call('projects.create', { companyId: company.id, name: '无人机生产基地', investment: '5亿' });
    await t.call('projects.addFunds', { projectId: project.id, entryDate: '2026-11-01', amount: '3000万' });
    await t.call('projects.moveStage', { id: project.id, to: 'negotiating', movedOn: '2026-11-10' });

    const page = await t.call('companies.get', { id: company.id });
    expect(page.company).toMatchObject({ id: company.id, name: '深圳市大疆创新科技有限公司', district: '南山区', deleted: false });
    expect(page.contacts.map((c) => c.name)).toEqual(['张三']);
    expect(page.projects).toEqual([
      expect.objectContaining({ id: project.id, companyName: '深圳市大疆创新科技有限公司', investmentYuan: 500_000_000, fundsInPlaceYuan: 30_000_000, stage: 'negotiating' }),
    ]);
    expect(page.tasks).toEqual([expect.objectContaining({ title: '跟进：深圳市大疆创新科技有限公司', dueDate: '2026-12-01', visitId: newer.id, done: false })]);

    // Newest first: 11-20 visit, 11-10 move to 在谈, 11-27 (today) creation as 线索 sorts first.
    expect(page.timeline.map((item) => [item.kind, item.date])).toEqual([
      ['stage', '2026-11-27'],
      ['visit', '2026-11-20'],
      ['stage', '2026-11-10'],
      ['visit', '2026-10-01'],
    ]);
    const [created, visit] = page.timeline;
    expect(created).toMatchObject({ kind: 'stage', projectName: '无人机生产基地', event: { fromStage: null, toStage: 'lead' } });
    expect(visit).toMatchObject({ kind: 'visit', visit: { id: newer.id, companyName: '深圳市大疆创新科技有限公司' } });
    expect(page.timeline.at(-1)).toMatchObject({ visit: { id: older.id, contactIds: [zhang.id] } });

    const entities = new Set(page.history.map((entry) => entry.entity));
    expect(entities).toEqual(new Set(['company', 'contact', 'visit', 'project']));
    expect(page.history.some((entry) => entry.rowId === li.id && entry.field === 'deleted' && entry.newValue === true)).toBe(true);
    expect(page.history.some((entry) => entry.field === 'nameNorm')).toBe(false);
    const ids = page.history.map((entry) => entry.changedAt);
    expect([...ids].sort().reverse()).toEqual(ids);
    // Nothing of the other company leaks in.
    expect(page.history.every((entry) => entry.rowId !== other.id)).toBe(true);
  });

  it('caps the history at 100 entries, newest first', async () => {
    const company = await t.call('companies.create', { name: '甲公司' });
    for (let i = 0; i < 30; i += 1) await t.call('visits.create', { companyId: company.id, visitDate: '2026-11-01', kind: 'door_visit', summary: `第${i}次` });
    const page = await t.call('companies.get', { id: company.id });
    expect(page.history).toHaveLength(100);
    expect(page.history[0]).toMatchObject({ entity: 'visit', field: expect.any(String) });
    expect(page.timeline).toHaveLength(30);
  });

  it('a deleted or unknown company is not found', async () => {
    const company = await t.call('companies.create', { name: '甲公司' });
    await t.call('records.delete', { kind: 'company', id: company.id });
    expect((await t.refusal('companies.get', { id: company.id })).code).toBe('E_NOT_FOUND');
    expect((await t.refusal('companies.get', { id: '01930000-0000-7000-8000-00000000ffff' })).code).toBe('E_NOT_FOUND');
  });
});
