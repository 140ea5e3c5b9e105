import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isoWeekOf } from '../common/dates';
import { featureTest, TEST_NOW, type FeatureTest } from '../test-support';

let t: FeatureTest;
let companyId: string;
beforeEach(async () => {
  t = featureTest();
  companyId = (await t.call('companies.create', { name: '深圳市大疆创新科技有限公司' })).id;
});
afterEach(() => t.dispose());

/** 2026-11-27 is a Friday; its ISO week runs 11-23 (Mon) to 11-29 (Sun). */
const TODAY = '2026-11-27';

async function seed() {
  const make = async (title: string, dueDate: string) => (await t.call('tasks.create', { title, dueDate, companyId })).id;
  const ids = {
    lastWeek: await make('上周', '2026-11-20'),
    monday: await make('周一', '2026-11-23'),
    today: await make('今天', TODAY),
    sunday: await make('周日', '2026-11-29'),
    nextWeek: await make('下周', '2026-11-30'),
    doneEarly: await make('已办一', '2026-11-25'),
    doneLate: await make('已办二', '2026-11-26'),
  };
  await t.call('tasks.setDone', { id: ids.doneEarly, done: true });
  await t.call('tasks.setDone', { id: ids.doneLate, done: true });
  return ids;
}

describe('tasks.list', () => {
  it('answers each view and the counts for the user’s today', async () => {
    const ids = await seed();
    const view = async (name: 'today' | 'overdue' | 'week' | 'open' | 'done') => (await t.call('tasks.list', { view: name, today: TODAY })).items.map((x) => x.id);
    expect(await view('today')).toEqual([ids.today]);
    expect(await view('overdue')).toEqual([ids.lastWeek, ids.monday]);
    expect(await view('week')).toEqual([ids.monday, ids.today, ids.sunday]);
    expect(await view('open')).toEqual([ids.lastWeek, ids.monday, ids.today, ids.sunday, ids.nextWeek]);
    expect(await view('done')).toEqual([ids.doneLate, ids.doneEarly]);
    const { counts, items } = await t.call('tasks.list', { today: TODAY });
    expect(counts).toEqual({ today: 1, overdue: 2, week: 3 });
    expect(items[0]).toMatchObject({ companyId, companyName: '深圳市大疆创新科技有限公司', done: false, doneAt: null, projectId: null, visitId: null });
  });

  it('a deleted task is in no view and no count', async () => {
    const ids = await seed();
    await t.call('records.delete', { kind: 'task', id: ids.today });
    const { items, counts } = await t.call('tasks.list', { view: 'today', today: TODAY });
    expect(items).toEqual([]);
    expect(counts.today).toBe(0);
  });

  it('limit caps the items, not the counts', async () => {
    await seed();
    const { items, counts } = await t.call('tasks.list', { view: 'open', today: TODAY, limit: 2 });
    expect(items).toHaveLength(2);
    expect(counts.overdue).toBe(2);
  });
});

describe('isoWeekOf', () => {
  it.each([
    ['2026-11-27', '2026-11-23', '2026-11-29'],
    ['2026-11-23', '2026-11-23', '2026-11-29'],
    ['2026-11-29', '2026-11-23', '2026-11-29'],
    ['2026-01-01', '2025-12-29', '2026-01-04'],
    ['2024-02-29', '2024-02-26', '2024-03-03'],
  ])('%s is in the week %s – %s', (day, monday, sunday) => {
    expect(isoWeekOf(day)).toEqual({ monday, sunday });
  });
});

describe('tasks.create and setDone', () => {
  it('a task on a project belongs to the project’s company', async () => {
    const project = await t.call('projects.create', { companyId, name: '无人机生产基地' });
    const task = await t.call('tasks.create', { title: '准备签约材料', dueDate: '2026-12-01', projectId: project.id });
    expect(task).toMatchObject({ companyId, projectId: project.id, companyName: '深圳市大疆创新科技有限公司' });
    const other = await t.call('companies.create', { name: '比亚迪股份有限公司' });
    const before = t.hash();
    const error = await t.refusal('tasks.create', { title: 'x', dueDate: '2026-12-01', projectId: project.id, companyId: other.id });
    expect(error).toMatchObject({ code: 'E_TASK_LINK_MISMATCH', details: [expect.objectContaining({ path: 'projectId' })] });
    expect((await t.refusal('tasks.create', { title: 'x', dueDate: '2026-12-01', companyId: '01930000-0000-7000-8000-00000000ffff' })).code).toBe('E_NOT_FOUND');
    expect(t.hash()).toBe(before);
  });

  it('a task may stand alone', async () => {
    await expect(t.call('tasks.create', { title: '整理周报', dueDate: '2026-12-01' })).resolves.toMatchObject({ companyId: null, companyName: null, projectId: null });
  });

  it('setDone stamps done_at; undoing clears it; repeating changes nothing', async () => {
    const task = await t.call('tasks.create', { title: '回访', dueDate: TODAY, companyId });
    const done = await t.call('tasks.setDone', { id: task.id, done: true });
    expect(done).toMatchObject({ done: true, doneAt: TEST_NOW.toISOString() });
    const before = t.hash();
    await t.call('tasks.setDone', { id: task.id, done: true });
    expect(t.hash()).toBe(before);
    expect(await t.call('tasks.setDone', { id: task.id, done: false })).toMatchObject({ done: false, doneAt: null });
  });
});
