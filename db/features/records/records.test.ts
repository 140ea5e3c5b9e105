import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { featureTest, type FeatureTest } from '../test-support';

let t: FeatureTest;
beforeEach(() => {
  t = featureTest();
});
afterEach(() => t.dispose());

const deleted = (table: string, id: string) => t.db.prepare(`SELECT deleted FROM ${table} WHERE id = ?`).pluck().get(id);

async function companyWithRecords() {
  const company = await t.call('companies.create', { name: '深圳市华为技术有限公司' });
  const contact = await t.call('contacts.create', { companyId: company.id, name: '张三' });
  const visit = await t.call('visits.create', { companyId: company.id, visitDate: '2026-11-20', kind: 'door_visit', followUpDate: '2026-12-01' });
  const project = await t.call('projects.create', { companyId: company.id, name: '鲲鹏生态基地' });
  const task = t.db.prepare('SELECT id FROM task WHERE visit_id = ?').pluck().get(visit.id) as string;
  return { company, contact, visit, project, task };
}

describe('records.delete and restore', () => {
  it('deleting a company takes its records out of lists and search; restoring brings them back', async () => {
    const { company, contact, visit, project, task } = await companyWithRecords();
    const search = async (q: string) => (await t.call('search.query', { q })).items.map((hit) => hit.id);
    expect(await search('华为')).toEqual([company.id]);
    expect(await search('张三')).toEqual([contact.id]);

    expect(await t.call('records.delete', { kind: 'company', id: company.id })).toEqual({ changed: true });
    expect(await t.call('records.delete', { kind: 'company', id: company.id })).toEqual({ changed: false });
    for (const [table, id] of [['company', company.id], ['contact', contact.id], ['visit', visit.id], ['project', project.id], ['task', task]] as const) {
      expect(deleted(table, id), table).toBe(1);
    }
    expect((await t.call('companies.list', {})).total).toBe(0);
    expect((await t.call('visits.list', {})).total).toBe(0);
    expect((await t.call('projects.list', {})).total).toBe(0);
    expect((await t.call('tasks.list', { today: '2026-11-27' })).items).toEqual([]);
    expect(await search('华为')).toEqual([]);
    expect(await search('张三')).toEqual([]);
    expect(await search('鲲鹏')).toEqual([]);

    expect(await t.call('records.restore', { kind: 'company', id: company.id })).toEqual({ changed: true });
    expect((await t.call('visits.list', {})).total).toBe(1);
    expect((await t.call('tasks.list', { today: '2026-11-27' })).items.map((x) => x.id)).toEqual([task]);
    expect(await search('华为')).toEqual([company.id]);
    expect(await search('张三')).toEqual([contact.id]);
    expect(await search('鲲鹏')).toEqual([project.id]);
  });

  it('restoring a company leaves records deleted before it deleted', async () => {
    const { company, contact, visit } = await companyWithRecords();
    await t.call('records.delete', { kind: 'contact', id: contact.id });
    await t.call('records.delete', { kind: 'company', id: company.id });
    await t.call('records.restore', { kind: 'company', id: company.id });
    expect(deleted('contact', contact.id)).toBe(1);
    expect(deleted('visit', visit.id)).toBe(0);
  });

  it('a record whose company is deleted cannot be restored on its own', async () => {
    const { company, contact } = await companyWithRecords();
    await t.call('records.delete', { kind: 'company', id: company.id });
    const before = t.hash();
    const error = await t.refusal('records.restore', { kind: 'contact', id: contact.id });
    expect(error).toMatchObject({ code: 'E_PARENT_DELETED', status: 409, details: [expect.objectContaining({ refId: company.id })] });
    expect(t.hash()).toBe(before);
  });

  it('deleting a visit takes its open follow-up along; a done task stays', async () => {
    const { visit, task } = await companyWithRecords();
    await t.call('records.delete', { kind: 'visit', id: visit.id });
    expect(deleted('task', task)).toBe(1);
    await t.call('records.restore', { kind: 'visit', id: visit.id });
    expect(deleted('task', task)).toBe(0);
    await t.call('tasks.setDone', { id: task, done: true });
    await t.call('records.delete', { kind: 'visit', id: visit.id });
    expect(deleted('task', task)).toBe(0);
  });

  it('an unknown id is not found, and nothing is written', async () => {
    const before = t.hash();
    expect((await t.refusal('records.delete', { kind: 'company', id: '01930000-0000-7000-8000-00000000ffff' })).code).toBe('E_NOT_FOUND');
    expect(t.hash()).toBe(before);
  });
});

describe('records.history', () => {
  it('lists a row’s field changes newest first, values decoded, fields named as in records', async () => {
    const company = await t.call('companies.create', { name: '甲公司', tags: ['重点'], isListed: true });
    await t.call('companies.update', { id: company.id, patch: { name: '乙公司', tags: ['重点', '上市'] } });
    await t.call('records.delete', { kind: 'company', id: company.id });
    const history = await t.call('records.history', { id: company.id });
    expect(history.slice(0, 3).map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ['deleted', false, true],
      ['tags', ['重点'], ['重点', '上市']],
      ['name', '甲公司', '乙公司'],
    ]);
    expect(history.find((h) => h.field === 'isListed')).toMatchObject({ entity: 'company', rowId: company.id, oldValue: null, newValue: true, source: 'local', deviceId: t.app.deviceId });
    expect(history.some((h) => h.field === 'nameNorm' || h.field === 'name_norm')).toBe(false);
    expect(await t.call('records.history', { id: company.id, limit: 2 })).toHaveLength(2);
  });
});
