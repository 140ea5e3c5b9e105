import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cockpitContract, type CockpitData, type CockpitFigure, type CockpitFiltersInput } from '../../../shared/contract/cockpit';
import type { HandlerContext } from '../../rpc/types';
import { handlerTest } from '../ledger/test-support';
import { cockpitHandlers } from './handlers';
import { FIXTURE_PERIOD, OTHER_USER, seedCockpitFixture, TEAM_1, TEAM_2, type CockpitFixture } from './test-fixture';

const WAN = 10_000;
let t: ReturnType<typeof handlerTest>;
let fixture: CockpitFixture;

beforeEach(() => {
  t = handlerTest();
  fixture = seedCockpitFixture(t.db, t.actor);
});
afterEach(() => t.dispose());

async function get(filters: CockpitFiltersInput = {}): Promise<CockpitData> {
  const input = cockpitContract['cockpit.get'].input.parse({ ...FIXTURE_PERIOD, ...filters });
  return cockpitHandlers['cockpit.get'](input, t.ctx as HandlerContext);
}

async function drillTotal(figure: CockpitFigure, filters: CockpitFiltersInput = {}) {
  const input = cockpitContract['cockpit.drill'].input.parse({ filters: { ...FIXTURE_PERIOD, ...filters }, figure, limit: 1000 });
  const result = await cockpitHandlers['cockpit.drill'](input, t.ctx);
  return { total: result.page.total, names: result.kind === 'projects' ? result.page.items.map((item) => item.name).sort() : [] };
}

const p = (...keys: string[]) => keys.map((key) => `项目${key}`).sort();

describe('cockpit figures over the hand-computed fixture (2025)', () => {
  it('counts the funnel by current stage over live projects', async () => {
    const data = await get();
    expect(data.funnel).toEqual([
      { stage: 'lead', count: 1 },
      { stage: 'negotiating', count: 1 },
      { stage: 'signed', count: 2 },
      { stage: 'started', count: 2 },
      { stage: 'producing', count: 1 },
      { stage: 'on_hold', count: 1 },
      { stage: 'terminated', count: 1 },
    ]);
  });

  it('computes the cohort and the four rates exactly', async () => {
    const data = await get();
    expect(data.cohort).toEqual({ projects: 5, signedAmountYuan: 21_000 * WAN, fundsYuan: 6_200 * WAN });
    expect(data.rates).toEqual([
      { key: 'park', numerator: 3, denominator: 5, ratio: 0.6 },
      { key: 'started', numerator: 2, denominator: 5, ratio: 0.4 },
      { key: 'producing', numerator: 1, denominator: 5, ratio: 0.2 },
      { key: 'funds', numerator: 6_200 * WAN, denominator: 21_000 * WAN, ratio: 62 / 210 },
    ]);
  });

  it('spreads signed amounts and 到位资金 over every month of the period', async () => {
    const data = await get();
    expect(data.months).toHaveLength(12);
    const nonZero = data.months.filter((month) => month.signedCount || month.fundsYuan);
    expect(nonZero).toEqual([
      { month: '2025-02', signedCount: 1, signedAmountYuan: 10_000 * WAN, fundsYuan: 400 * WAN },
      { month: '2025-03', signedCount: 2, signedAmountYuan: 7_000 * WAN, fundsYuan: 3_000 * WAN },
      { month: '2025-05', signedCount: 1, signedAmountYuan: 1_000 * WAN, fundsYuan: 0 },
      { month: '2025-07', signedCount: 0, signedAmountYuan: 0, fundsYuan: 1_000 * WAN },
      { month: '2025-08', signedCount: 0, signedAmountYuan: 0, fundsYuan: 2_000 * WAN },
      { month: '2025-11', signedCount: 1, signedAmountYuan: 3_000 * WAN, fundsYuan: 0 },
      { month: '2025-12', signedCount: 0, signedAmountYuan: 0, fundsYuan: 200 * WAN },
    ]);
  });

  it('groups by industry, place, member and team', async () => {
    const data = await get();
    const rows = (dimension: keyof CockpitData['groups']) => data.groups[dimension].map((row) => [row.key, row.label, row.pipeline, row.signed, row.signedAmountYuan / WAN, row.fundsYuan / WAN]);
    expect(rows('industry')).toEqual([
      ['大数据电子信息', '大数据电子信息', 2, 2, 15_000, 6_000],
      ['健康医药', '健康医药', 3, 2, 5_000, 200],
      ['基础材料', '基础材料', 2, 1, 1_000, 0],
      [null, '未填行业', 1, 0, 0, 0],
    ]);
    expect(data.placeLevel).toBe('city');
    expect(rows('place')).toEqual([
      ['贵阳市', '贵阳市', 3, 2, 12_000, 5_200],
      ['遵义市', '遵义市', 1, 1, 5_000, 1_000],
      ['安顺市', '安顺市', 1, 1, 3_000, 0],
      ['毕节市', '毕节市', 2, 1, 1_000, 0],
      [null, '未填落地市（州）', 1, 0, 0, 0],
    ]);
    expect(rows('member')).toEqual([
      [fixture.localUser, '本机用户', 5, 2, 15_000, 6_000],
      [OTHER_USER, `成员 ${OTHER_USER.slice(0, 8)}`, 3, 3, 6_000, 200],
    ]);
    expect(rows('team')).toEqual([
      [TEAM_1, `工作队 ${TEAM_1}`, 5, 3, 17_000, 6_200],
      [TEAM_2, `工作队 ${TEAM_2}`, 3, 2, 4_000, 0],
    ]);
  });

  it('counts visits by kind per ISO week of the period', async () => {
    const { visits } = await get();
    expect(visits.weeks).toHaveLength(53);
    expect(visits.weeks[0]).toBe('2024-12-30');
    expect(visits.weeks.at(-1)).toBe('2025-12-29');
    expect(visits.total).toBe(5);
    const nonZero = visits.weeks.flatMap((week, w) => visits.kinds.flatMap((kind, k) => (visits.counts[w]![k] ? [[week, kind, visits.counts[w]![k]]] : [])));
    expect(nonZero).toEqual([
      ['2025-01-06', 'door_visit', 2],
      ['2025-01-06', 'online_meeting', 1],
      ['2025-01-13', 'inspection_trip', 1],
      ['2025-12-29', 'remote_negotiation', 1],
    ]);
  });

  it('applies the team filter to projects and visits, and the city filter groups by county', async () => {
    const team2 = await get({ teamId: TEAM_2 });
    expect(team2.funnel.filter((stage) => stage.count > 0)).toEqual([
      { stage: 'signed', count: 1 },
      { stage: 'started', count: 1 },
      { stage: 'on_hold', count: 1 },
      { stage: 'terminated', count: 1 },
    ]);
    expect(team2.rates.map((rate) => [rate.key, rate.numerator, rate.denominator])).toEqual([
      ['park', 1, 2],
      ['started', 0, 2],
      ['producing', 0, 2],
      ['funds', 0, 4_000 * WAN],
    ]);
    expect(team2.visits.total).toBe(2);

    const member = await get({ ownerUserId: OTHER_USER, industry: '健康医药' });
    expect(member.cohort).toEqual({ projects: 2, signedAmountYuan: 5_000 * WAN, fundsYuan: 200 * WAN });
    expect(member.visits.total).toBe(2);

    const guiyang = await get({ targetCity: '贵阳市' });
    expect(guiyang.placeLevel).toBe('county');
    expect(guiyang.groups.place.map((row) => [row.label, row.pipeline, row.signed, row.signedAmountYuan / WAN, row.fundsYuan / WAN])).toEqual([
      ['观山湖区', 1, 1, 10_000, 5_000],
      ['乌当区', 1, 1, 2_000, 200],
      ['未填落地县（区）', 1, 0, 0, 0],
    ]);
    const empty = await get({ from: '2030-01-01', to: '2030-12-31' });
    expect(empty.rates.map((rate) => rate.ratio)).toEqual([null, null, null, null]);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(get({ from: '2025-12-31', to: '2025-01-01' })).rejects.toMatchObject({ code: 'E_VALIDATION', message: '开始日期不能晚于结束日期' });
  });
});

describe('every figure clicks through to exactly the records behind it', () => {
  it('stages, cohort and rates', async () => {
    const data = await get();
    for (const { stage, count } of data.funnel) expect((await drillTotal({ type: 'stage', stage })).total).toBe(count);
    expect(await drillTotal({ type: 'cohort' })).toEqual({ total: 5, names: p('P1', 'P2', 'P3', 'P4', 'P6') });
    expect((await drillTotal({ type: 'rate', rate: 'park', part: 'numerator' })).names).toEqual(p('P1', 'P3', 'P4'));
    expect((await drillTotal({ type: 'rate', rate: 'started', part: 'numerator' })).names).toEqual(p('P1', 'P2'));
    expect((await drillTotal({ type: 'rate', rate: 'producing', part: 'numerator' })).names).toEqual(p('P1'));
    expect((await drillTotal({ type: 'rate', rate: 'funds', part: 'numerator' })).names).toEqual(p('P1', 'P2', 'P3'));
    for (const rate of data.rates.filter((candidate) => candidate.key !== 'funds')) {
      expect((await drillTotal({ type: 'rate', rate: rate.key, part: 'numerator' })).total).toBe(rate.numerator);
      expect((await drillTotal({ type: 'rate', rate: rate.key, part: 'denominator' })).total).toBe(rate.denominator);
    }
  });

  it('months, groups and visits', async () => {
    const data = await get();
    for (const month of data.months) expect((await drillTotal({ type: 'month', series: 'signed', month: month.month })).total).toBe(month.signedCount);
    expect((await drillTotal({ type: 'month', series: 'funds', month: '2025-02' })).names).toEqual(p('P5'));
    for (const by of ['industry', 'place', 'member', 'team'] as const) {
      for (const row of data.groups[by]) {
        expect((await drillTotal({ type: 'group', by, key: row.key, measure: 'pipeline' })).total).toBe(row.pipeline);
        expect((await drillTotal({ type: 'group', by, key: row.key, measure: 'signed' })).total).toBe(row.signed);
      }
    }
    expect((await drillTotal({ type: 'group', by: 'team', key: TEAM_1, measure: 'funds' })).names).toEqual(p('P1', 'P2', 'P3'));
    expect((await drillTotal({ type: 'visits' })).total).toBe(data.visits.total);
    const visits = data.visits;
    for (const [w, week] of visits.weeks.entries()) {
      for (const [k, kind] of visits.kinds.entries()) {
        if (visits.counts[w]![k]) expect((await drillTotal({ type: 'visits', week, kind })).total).toBe(visits.counts[w]![k]);
      }
    }
  });

  it('lists projects with their 到位资金 up to the period end', async () => {
    const input = cockpitContract['cockpit.drill'].input.parse({ filters: FIXTURE_PERIOD, figure: { type: 'rate', rate: 'started', part: 'numerator' }, limit: 10 });
    const result = await cockpitHandlers['cockpit.drill'](input, t.ctx);
    expect(result.kind).toBe('projects');
    if (result.kind !== 'projects') return;
    expect(result.page.items.map((row) => [row.name, row.companyName, row.stage, row.signedDate, row.fundsYuan / WAN])).toEqual([
      ['项目P2', '深圳甲科技有限公司', 'started', '2025-03-05', 1_000],
      ['项目P1', '深圳甲科技有限公司', 'producing', '2025-02-10', 5_000],
    ]);
  });
});

describe('filter choices', () => {
  it('lists industries, cities, members and teams of live projects', async () => {
    const options = await cockpitHandlers['cockpit.options']({}, t.ctx);
    expect(options.industries).toEqual(['健康医药', '基础材料', '大数据电子信息']);
    expect(options.cities).toEqual(['安顺市', '毕节市', '贵阳市', '遵义市']);
    expect(options.members.map((member) => member.label).sort()).toEqual([`成员 ${OTHER_USER.slice(0, 8)}`, '本机用户'].sort());
    expect(options.teams.map((team) => team.id)).toEqual([TEAM_1, TEAM_2]);
  });
});
