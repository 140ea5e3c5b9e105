import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../common/dates';
import { featureTest, TEST_NOW, type FeatureTest } from '../test-support';

let t: FeatureTest;
let companyId: string;
beforeEach(async () => {
  t = featureTest();
  companyId = (await t.call('companies.create', { name: '深圳市大疆创新科技有限公司' })).id;
});
afterEach(() => t.dispose());

const newProject = () => t.call('projects.create', { companyId, name: '无人机生产基地', investment: '5亿', expectedOutput: '3200', expectedJobs: 800 });

describe('projects.create and update', () => {
  it('starts as 线索 with an initial stage event, amounts in integer 元', async () => {
    const project = await newProject();
    expect(project).toMatchObject({
      companyName: '深圳市大疆创新科技有限公司',
      stage: 'lead',
      investmentYuan: 500_000_000,
      expectedOutputYuan: 32_000_000,
      expectedJobs: 800,
      fundsInPlaceYuan: 0,
      signedDate: null,
    });
    const detail = await t.call('projects.get', { id: project.id });
    expect(detail.stageHistory).toEqual([expect.objectContaining({ projectId: project.id, fromStage: null, toStage: 'lead', movedOn: localIsoDate(TEST_NOW), reason: null })]);
  });

  it('refuses an amount that is not money, writing nothing', async () => {
    const before = t.hash();
    expect((await t.refusal('projects.create', { companyId, name: '项目', investment: '五亿' })).code).toBe('E_AMOUNT_INVALID');
    expect(t.hash()).toBe(before);
  });

  it('update changes form fields only', async () => {
    const project = await newProject();
    const updated = await t.call('projects.update', { id: project.id, patch: { targetCity: '贵阳市', investment: '6亿' } });
    expect(updated).toMatchObject({ targetCity: '贵阳市', investmentYuan: 600_000_000, expectedJobs: 800, stage: 'lead' });
    expect((await t.refusal('projects.update', { id: project.id, patch: { stage: 'signed' } as never })).code).toBe('E_VALIDATION');
  });
});

describe('projects.moveStage', () => {
  it('线索→签约 is refused without date and amount, naming the missing fields', async () => {
    const project = await newProject();
    const before = t.hash();
    const error = await t.refusal('projects.moveStage', { id: project.id, to: 'signed' });
    expect(error.code).toBe('E_STAGE_SIGN_REQUIRES_DATE_AMOUNT');
    expect(error.details?.map((d) => d.path)).toEqual(['signedDate', 'signedAmount']);
    const halfway = await t.refusal('projects.moveStage', { id: project.id, to: 'signed', signedDate: '2026-11-25' });
    expect(halfway.details?.map((d) => d.path)).toEqual(['signedAmount']);
    expect(t.hash()).toBe(before);
  });

  it('线索→签约 with date and amount writes the project and a stage event together', async () => {
    const project = await newProject();
    const detail = await t.call('projects.moveStage', { id: project.id, to: 'signed', signedDate: '2026-11-25', signedAmount: '4.5', movedOn: '2026-11-26' });
    expect(detail.project).toMatchObject({ stage: 'signed', signedDate: '2026-11-25', signedAmountYuan: 450_000_000 });
    expect(detail.stageHistory.map((e) => [e.fromStage, e.toStage, e.movedOn])).toEqual([
      [null, 'lead', localIsoDate(TEST_NOW)],
      ['lead', 'signed', '2026-11-26'],
    ]);
    const ops = t.db.prepare("SELECT entity, op FROM outbox WHERE row_id IN (SELECT id FROM project_stage_event UNION SELECT ?) ORDER BY seq").all(project.id);
    expect(ops).toEqual([
      { entity: 'project', op: 'create' },
      { entity: 'project_stage_event', op: 'create' },
      { entity: 'project', op: 'update' },
      { entity: 'project_stage_event', op: 'create' },
    ]);
  });

  it('uses the data the project already has; movedOn defaults to today', async () => {
    const project = await newProject();
    await t.call('projects.moveStage', { id: project.id, to: 'signed', signedDate: '2026-11-25', signedAmount: '4.5亿' });
    await t.call('projects.moveStage', { id: project.id, to: 'on_hold' });
    // Resuming from 搁置 to 签约 needs the signing data, which the project has.
    const detail = await t.call('projects.moveStage', { id: project.id, to: 'signed' });
    expect(detail.project.stage).toBe('signed');
    expect(detail.stageHistory.at(-1)).toMatchObject({ fromStage: 'on_hold', toStage: 'signed', movedOn: localIsoDate(TEST_NOW) });
  });

  it('a backward move needs a reason, which is recorded', async () => {
    const project = await newProject();
    await t.call('projects.moveStage', { id: project.id, to: 'negotiating' });
    const before = t.hash();
    const error = await t.refusal('projects.moveStage', { id: project.id, to: 'lead' });
    expect(error).toMatchObject({ code: 'E_STAGE_BACKWARD_REQUIRES_REASON', details: [expect.objectContaining({ path: 'reason' })] });
    expect(t.hash()).toBe(before);
    const detail = await t.call('projects.moveStage', { id: project.id, to: 'lead', reason: '企业暂缓投资计划' });
    expect(detail.stageHistory.at(-1)).toMatchObject({ fromStage: 'negotiating', toStage: 'lead', reason: '企业暂缓投资计划' });
  });

  it('开工 and 投产 need their actual dates, in order', async () => {
    const project = await newProject();
    await t.call('projects.moveStage', { id: project.id, to: 'signed', signedDate: '2026-01-10', signedAmount: '5' });
    expect((await t.refusal('projects.moveStage', { id: project.id, to: 'started' })).details?.[0]?.path).toBe('startDate');
    await t.call('projects.moveStage', { id: project.id, to: 'started', startDate: '2026-03-01' });
    expect((await t.refusal('projects.moveStage', { id: project.id, to: 'producing' })).details?.[0]?.path).toBe('productionDate');
    const order = await t.refusal('projects.moveStage', { id: project.id, to: 'producing', productionDate: '2026-02-01' });
    expect(order).toMatchObject({ code: 'E_STAGE_DATE_ORDER', details: [expect.objectContaining({ path: 'productionDate' })] });
    const detail = await t.call('projects.moveStage', { id: project.id, to: 'producing', productionDate: '2026-10-01' });
    expect(detail.project).toMatchObject({ stage: 'producing', startDate: '2026-03-01', productionDate: '2026-10-01' });
  });

  it('the same stage is refused', async () => {
    const project = await newProject();
    expect((await t.refusal('projects.moveStage', { id: project.id, to: 'lead' })).code).toBe('E_STAGE_UNCHANGED');
  });
});

describe('projects.addFunds', () => {
  it('keeps an exact running total in date order and the project’s sum', async () => {
    const project = await newProject();
    await t.call('projects.addFunds', { projectId: project.id, entryDate: '2026-06-01', amount: '1234.5678' });
    await t.call('projects.addFunds', { projectId: project.id, entryDate: '2026-03-01', amount: '0.0001' });
    const detail = await t.call('projects.addFunds', { projectId: project.id, entryDate: '2026-06-01', amount: '1.2亿', note: '第二笔' });
    expect(detail.funds.map((f) => [f.entryDate, f.amountYuan, f.runningTotalYuan])).toEqual([
      ['2026-03-01', 1, 1],
      ['2026-06-01', 12_345_678, 12_345_679],
      ['2026-06-01', 120_000_000, 132_345_679],
    ]);
    expect(detail.project.fundsInPlaceYuan).toBe(132_345_679);
    await t.call('records.delete', { kind: 'funds_entry', id: detail.funds[1]!.id });
    expect((await t.call('projects.get', { id: project.id })).project.fundsInPlaceYuan).toBe(120_000_001);
  });

  it('refuses zero, negative and fractional-yuan amounts', async () => {
    const project = await newProject();
    const before = t.hash();
    for (const amount of ['0', '-5', '0.00001']) {
      expect((await t.refusal('projects.addFunds', { projectId: project.id, entryDate: '2026-06-01', amount })).code).toMatch(/^E_/);
    }
    expect(t.hash()).toBe(before);
  });
});

describe('projects.list', () => {
  it('lists by last update, filters, and orders stages along the pipeline', async () => {
    const other = (await t.call('companies.create', { name: '比亚迪股份有限公司' })).id;
    const a = (await t.call('projects.create', { companyId, name: '甲项目', industry: '先进装备制造', targetCity: '贵阳市' })).id;
    const b = (await t.call('projects.create', { companyId: other, name: '乙项目', investment: '10亿', targetCity: '遵义市' })).id;
    const c = (await t.call('projects.create', { companyId, name: '丙项目', investment: '1亿' })).id;
    await t.call('projects.moveStage', { id: a, to: 'signed', signedDate: '2026-11-01', signedAmount: '2' });
    await t.call('projects.moveStage', { id: c, to: 'on_hold' });
    const ids = async (input: Parameters<typeof t.call<'projects.list'>>[1]) => (await t.call('projects.list', input)).items.map((p) => p.id);

    expect(await ids({})).toEqual([c, a, b]);
    expect(await ids({ sort: 'stage', order: 'asc' })).toEqual([b, a, c]);
    expect(await ids({ sort: 'investment', order: 'desc' })).toEqual([b, c, a]);
    expect(await ids({ sort: 'name', order: 'asc' })).toEqual([c, b, a]);
    expect(await ids({ companyId })).toEqual([c, a]);
    expect(await ids({ stage: 'signed' })).toEqual([a]);
    expect(await ids({ industry: '先进装备制造' })).toEqual([a]);
    expect(await ids({ targetCity: '遵义市' })).toEqual([b]);
    const page = await t.call('projects.list', { limit: 1 });
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({ companyName: '深圳市大疆创新科技有限公司', fundsInPlaceYuan: 0 });
    await t.call('records.delete', { kind: 'project', id: c });
    expect(await ids({})).toEqual([a, b]);
  });
});
