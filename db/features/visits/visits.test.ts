import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { featureTest, type FeatureTest } from '../test-support';

let t: FeatureTest;
let companyId: string;
beforeEach(async () => {
  t = featureTest();
  companyId = (await t.call('companies.create', { name: '深圳市大疆创新科技有限公司' })).id;
});
afterEach(() => t.dispose());

const trip = { startDate: '2026-12-03', endDate: '2026-12-05', itinerary: '贵阳—贵安新区', officials: ['王局长'], attendees: ['张三'] };
const tasksOf = (visitId: string) =>
  t.db.prepare('SELECT title, due_date, done, deleted, company_id FROM task WHERE visit_id = ? ORDER BY created_at').all(visitId) as {
    title: string;
    due_date: string;
    done: number;
    deleted: number;
    company_id: string;
  }[];

describe('visits.create', () => {
  it('creates the visit and, with a follow-up date, its task in the same transaction', async () => {
    const visit = await t.call('visits.create', {
      companyId,
      visitDate: '2026-11-20',
      kind: 'door_visit',
      participants: ['李四'],
      summary: '介绍贵州大数据政策',
      intent: 'strong',
      followUpDate: '2026-12-01',
    });
    expect(visit).toMatchObject({ companyName: '深圳市大疆创新科技有限公司', kind: 'door_visit', participants: ['李四'], contactIds: [], intent: 'strong', trip: null, followUpDate: '2026-12-01' });
    expect(tasksOf(visit.id)).toEqual([{ title: '跟进：深圳市大疆创新科技有限公司', due_date: '2026-12-01', done: 0, deleted: 0, company_id: companyId }]);
    const outbox = t.db.prepare("SELECT entity FROM outbox WHERE op = 'create' ORDER BY seq").pluck().all();
    expect(outbox.slice(-2)).toEqual(['visit', 'task']);
  });

  it('without a follow-up date there is no task', async () => {
    const visit = await t.call('visits.create', { companyId, visitDate: '2026-11-20', kind: 'online_meeting' });
    expect(tasksOf(visit.id)).toEqual([]);
  });

  it('赴黔考察 needs its trip, and other kinds refuse one; nothing is written', async () => {
    const before = t.hash();
    const missing = await t.refusal('visits.create', { companyId, visitDate: '2026-11-20', kind: 'inspection_trip' });
    expect(missing).toMatchObject({ code: 'E_VALIDATION', details: [expect.objectContaining({ path: 'trip' })] });
    expect((await t.refusal('visits.create', { companyId, visitDate: '2026-11-20', kind: 'door_visit', trip })).code).toBe('E_VALIDATION');
    const backwards = await t.refusal('visits.create', { companyId, visitDate: '2026-11-20', kind: 'inspection_trip', trip: { ...trip, endDate: '2026-12-01' } });
    expect(backwards.details?.[0]?.path).toBe('trip.endDate');
    expect(t.hash()).toBe(before);
    const visit = await t.call('visits.create', { companyId, visitDate: '2026-11-20', kind: 'inspection_trip', trip });
    expect(visit.trip).toEqual(trip);
  });

  it('refuses contacts of another company', async () => {
    const other = await t.call('companies.create', { name: '比亚迪股份有限公司' });
    const stranger = await t.call('contacts.create', { companyId: other.id, name: '王五' });
    const own = await t.call('contacts.create', { companyId, name: '张三' });
    const before = t.hash();
    const error = await t.refusal('visits.create', { companyId, visitDate: '2026-11-20', kind: 'door_visit', contactIds: [own.id, stranger.id] });
    expect(error).toMatchObject({ code: 'E_CONTACT_NOT_IN_COMPANY', details: [expect.objectContaining({ path: 'contactIds' })] });
    expect(t.hash()).toBe(before);
    const visit = await t.call('visits.create', { companyId, visitDate: '2026-11-20', kind: 'door_visit', contactIds: [own.id, own.id] });
    expect(visit.contactIds).toEqual([own.id]);
  });

  it('refuses an unknown company', async () => {
    const error = await t.refusal('visits.create', { companyId: '01930000-0000-7000-8000-00000000ffff', visitDate: '2026-11-20', kind: 'door_visit' });
    expect(error.code).toBe('E_NOT_FOUND');
  });
});

describe('visits.update', () => {
  it('moving the follow-up date moves the open task; clearing it removes the task', async () => {
    const visit = await t.call('visits.create', { companyId, visitDate: '2026-11-20', kind: 'door_visit', followUpDate: '2026-12-01' });
    await t.call('visits.update', { id: visit.id, patch: { followUpDate: '2026-12-08' } });
    expect(tasksOf(visit.id)).toEqual([expect.objectContaining({ due_date: '2026-12-08', deleted: 0 })]);
    await t.call('visits.update', { id: visit.id, patch: { followUpDate: null } });
    expect(tasksOf(visit.id)).toEqual([expect.objectContaining({ due_date: '2026-12-08', deleted: 1 })]);
    await t.call('visits.update', { id: visit.id, patch: { followUpDate: '2026-12-15' } });
    expect(tasksOf(visit.id).map((task) => [task.due_date, task.deleted])).toEqual([
      ['2026-12-08', 1],
      ['2026-12-15', 0],
    ]);
  });

  it('adding a date to a visit without one creates the task; a done task stays done and a new one follows', async () => {
    const visit = await t.call('visits.create', { companyId, visitDate: '2026-11-20', kind: 'door_visit' });
    await t.call('visits.update', { id: visit.id, patch: { followUpDate: '2026-12-01' } });
    const [task] = t.db.prepare('SELECT id FROM task WHERE visit_id = ?').pluck().all(visit.id) as string[];
    await t.call('tasks.setDone', { id: task!, done: true });
    await t.call('visits.update', { id: visit.id, patch: { followUpDate: '2026-12-20' } });
    expect(tasksOf(visit.id).map((x) => [x.due_date, x.done])).toEqual([
      ['2026-12-01', 1],
      ['2026-12-20', 0],
    ]);
  });

  it('other edits leave the task alone and keep unmentioned fields', async () => {
    const visit = await t.call('visits.create', { companyId, visitDate: '2026-11-20', kind: 'door_visit', participants: ['李四'], followUpDate: '2026-12-01' });
    const updated = await t.call('visits.update', { id: visit.id, patch: { summary: '补充纪要' } });
    expect(updated).toMatchObject({ summary: '补充纪要', participants: ['李四'], followUpDate: '2026-12-01' });
    expect(tasksOf(visit.id)).toHaveLength(1);
  });

  it('checks the trip against the kind as the visit will be saved', async () => {
    const visit = await t.call('visits.create', { companyId, visitDate: '2026-11-20', kind: 'inspection_trip', trip });
    const before = t.hash();
    expect((await t.refusal('visits.update', { id: visit.id, patch: { kind: 'door_visit' } })).code).toBe('E_VISIT_TRIP_MISMATCH');
    expect((await t.refusal('visits.update', { id: visit.id, patch: { trip: null } })).code).toBe('E_VISIT_TRIP_MISMATCH');
    expect(t.hash()).toBe(before);
    await expect(t.call('visits.update', { id: visit.id, patch: { kind: 'door_visit', trip: null } })).resolves.toMatchObject({ kind: 'door_visit', trip: null });
    expect((await t.refusal('visits.update', { id: visit.id, patch: { trip } })).code).toBe('E_VISIT_TRIP_MISMATCH');
  });
});
