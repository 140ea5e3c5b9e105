/**
 * Projects with a consistent life: stage events in date order (线索 → 在谈 → 签约 → 开工 →
 * 投产, or a side exit), milestone dates matching the events, signed amount ≤ planned
 * investment, and 到位资金 entries after signing that never exceed the signed amount.
 */
import { GUIZHOU_DIVISIONS } from '../shared/domain/reference';
import { MAIN_STAGES, type Stage } from '../shared/domain/stages';
import { DAY_MS, instant, isoDate, type CompanyInfo, type Row, type SeedContext } from './seed-rows';
import * as words from './seed-words';

export interface SeededProject {
  project: Row;
  events: Row[];
  funds: Row[];
}

const STAGE_WEIGHTS: readonly (readonly [Stage, number])[] = [
  ['lead', 30], ['negotiating', 25], ['signed', 15], ['started', 12], ['producing', 8], ['on_hold', 6], ['terminated', 4],
];
/** Days from the previous milestone to reaching each main stage. */
const GAP_DAYS: Readonly<Record<string, readonly [number, number]>> = {
  negotiating: [15, 120], signed: [30, 180], started: [30, 240], producing: [120, 480],
};
const EXIT_REASONS: Readonly<Record<string, readonly string[]>> = {
  on_hold: ['企业资金安排调整，暂缓投资', '用地指标尚未落实', '企业战略调整，待重新评估'],
  terminated: ['企业选择落户其他省份', '项目未通过企业投资决策', '环评条件不满足'],
};
const WAN = 10_000;

/** `pickCompany` is asked again when the company was logged too recently for the project's life so far. */
export function makeProject(ctx: SeedContext, pickCompany: () => CompanyInfo, sequence: number): SeededProject {
  const { rng } = ctx;
  const stage = rng.weighted(STAGE_WEIGHTS);
  const exit = stage === 'on_hold' || stage === 'terminated';
  // A side exit happens from wherever the project had got to.
  const reached = exit ? rng.weighted([[0, 40], [1, 40], [2, 15], [3, 5]] as const) : MAIN_STAGES.indexOf(stage as (typeof MAIN_STAGES)[number]);
  const gaps = milestoneGaps(ctx, reached, exit);
  const span = gaps.reduce((sum, gap) => sum + gap, 0);
  let company = pickCompany();
  for (let attempt = 0; attempt < 20 && roomFor(ctx, company) < span; attempt++) company = pickCompany();
  const times = milestoneTimes(ctx, company, gaps);
  const city = rng.pick(GUIZHOU_DIVISIONS).name;
  const county = rng.pick(words.GUIZHOU_COUNTIES[city] ?? [city]);
  const product = rng.pick(words.PRODUCTS[company.industry] ?? ['生产基地']);
  const signed = reached >= 2;
  const investmentWan = signed || rng.chance(0.9) ? investmentInWan(ctx) : null;
  const signedWan = signed && investmentWan !== null ? Math.max(1, Math.round(investmentWan * (0.6 + 0.4 * rng.next()))) : null;
  const at = (index: number): string | null => (reached >= index ? isoDate(times[index]!) : null);
  const signedDate = at(2);
  const startDate = at(3);
  const createdMs = times[0]!;
  const lastMs = times[times.length - 1]!;
  const id = rng.uuidv7(createdMs);

  const project: Row = {
    id,
    company_id: company.id,
    name: projectName(ctx, company, product, city),
    industry: rng.chance(0.9) ? company.industry : null,
    investment_yuan: investmentWan === null ? null : investmentWan * WAN,
    target_city: city,
    target_county: rng.chance(0.85) ? county : null,
    target_park: rng.chance(0.6) ? county + rng.pick(words.PARK_SUFFIXES) : null,
    stage,
    signed_date: signedDate,
    signed_amount_yuan: signedWan === null ? null : signedWan * WAN,
    // Plans are made at signing; an actual date lands near its plan.
    start_planned_date: reached >= 3 ? planned(times[3]! + rng.int(-30, 60) * DAY_MS, times[2]!) : signed ? isoDate(times[2]! + rng.int(60, 180) * DAY_MS) : null,
    start_date: startDate,
    production_planned_date:
      reached >= 4 ? planned(times[4]! + rng.int(-60, 90) * DAY_MS, times[3]!) : reached >= 3 ? isoDate(times[3]! + rng.int(240, 540) * DAY_MS) : null,
    production_date: at(4),
    agreement_no: signed ? `黔招签〔${signedDate!.slice(0, 4)}〕${sequence}号` : null,
    expected_jobs: rng.chance(0.7) ? rng.int(50, 3000) : null,
    expected_output_yuan: investmentWan !== null && rng.chance(0.4) ? Math.round(investmentWan * (0.5 + 1.5 * rng.next())) * WAN : null,
    notes: rng.chance(0.2) ? rng.pick(['需协调用电指标', '企业要求标准化厂房', '纳入省重点项目库', '需配套人才公寓']) : null,
    created_at: instant(createdMs),
    updated_at: instant(lastMs),
    owner_user_id: rng.pick(ctx.staff).id,
    team_id: ctx.teamId,
    deleted: 0,
  };
  const events = stageEvents(ctx, project, times, reached, exit ? stage : null);
  const funds = signed && !exit && signedWan !== null ? fundsEntries(ctx, project, stage, signedWan, times[2]!) : [];
  return { project, events, funds };
}

/** A planned date never comes before the milestone it was planned at. */
const planned = (ms: number, notBefore: number): string => isoDate(Math.max(ms, notBefore + DAY_MS));

function milestoneGaps(ctx: SeedContext, reached: number, exit: boolean): number[] {
  const gaps: number[] = [];
  for (let index = 1; index <= reached; index++) {
    const [min, max] = GAP_DAYS[MAIN_STAGES[index]!]!;
    gaps.push(ctx.rng.int(min, max) * DAY_MS);
  }
  if (exit) gaps.push(ctx.rng.int(30, 360) * DAY_MS);
  return gaps;
}

const earliestFor = (ctx: SeedContext, company: CompanyInfo): number => Math.max(company.createdMs, ctx.startMs);
const roomFor = (ctx: SeedContext, company: CompanyInfo): number => ctx.untilMs - DAY_MS - earliestFor(ctx, company);

/** One instant per milestone reached (plus the exit), in order, between the company's creation and "today". */
function milestoneTimes(ctx: SeedContext, company: CompanyInfo, gaps: number[]): number[] {
  const span = gaps.reduce((sum, gap) => sum + gap, 0);
  const room = Math.max(0, roomFor(ctx, company));
  // Rarely no company had the time: squeeze the gaps into the time there was.
  const squeeze = span > room ? room / span : 1;
  const start = earliestFor(ctx, company) + ctx.rng.next() * (room - span * squeeze);
  const times = [Math.round(start)];
  for (const gap of gaps) times.push(times[times.length - 1]! + Math.max(DAY_MS / 24, Math.round(gap * squeeze)));
  return times.map((time) => Math.min(time, ctx.untilMs));
}

function investmentInWan(ctx: SeedContext): number {
  const { rng } = ctx;
  // 亿元 bands: most projects 0.5–10 亿, a few large ones.
  const yi = rng.weighted([[[0.5, 2], 40], [[2, 10], 40], [[10, 50], 17], [[50, 100], 3]] as const);
  return Math.round((yi[0] + (yi[1] - yi[0]) * rng.next()) * 100) * 100;
}

function projectName(ctx: SeedContext, company: CompanyInfo, product: string, city: string): string {
  const { rng } = ctx;
  const cityShort = GUIZHOU_DIVISIONS.find((division) => division.name === city)?.shortName ?? city;
  return rng.weighted([
    [`${company.shortName}${product}生产基地项目`, 35],
    [`年产${rng.int(1, 50) * 10}万吨${product}项目`, 10],
    [`${cityShort}${product}产业园项目`, 20],
    [`${company.shortName}西南区域总部项目`, 10],
    [`${product}项目（${rng.pick(['一期', '二期', '三期'])}）`, 25],
  ] as const);
}

function stageEvents(ctx: SeedContext, project: Row, times: number[], reached: number, exitStage: Stage | null): Row[] {
  const { rng } = ctx;
  const events: Row[] = [];
  const add = (from: Stage | null, to: Stage, ms: number, reason: string | null): void => {
    events.push({
      id: rng.uuidv7(ms),
      project_id: project.id ?? null,
      from_stage: from,
      to_stage: to,
      moved_on: isoDate(ms),
      reason,
      created_at: instant(ms),
      updated_at: instant(ms),
      owner_user_id: project.owner_user_id ?? null,
      team_id: ctx.teamId,
      deleted: 0,
    });
  };
  add(null, 'lead', times[0]!, null);
  for (let index = 1; index <= reached; index++) add(MAIN_STAGES[index - 1]!, MAIN_STAGES[index]!, times[index]!, null);
  if (exitStage) add(MAIN_STAGES[reached]!, exitStage, times[reached + 1]!, rng.pick(EXIT_REASONS[exitStage] ?? ['']));
  return events;
}

/** Money arrives in tranches after signing: a little by now for 签约, most of it for 投产. */
function fundsEntries(ctx: SeedContext, project: Row, stage: Stage, signedWan: number, signedMs: number): Row[] {
  const { rng, untilMs } = ctx;
  const [low, high, maxEntries] = stage === 'producing' ? [0.6, 1, 6] : stage === 'started' ? [0.2, 0.7, 4] : [0, 0.3, 2];
  const target = Math.floor(signedWan * (low + (high - low) * rng.next()));
  const count = Math.min(rng.int(stage === 'signed' ? 0 : 1, maxEntries), target);
  const entries: Row[] = [];
  let remaining = target;
  for (let index = 0; index < count; index++) {
    const left = count - index;
    const amountWan = left === 1 ? remaining : Math.max(1, Math.min(remaining - (left - 1), Math.round((remaining / left) * (0.5 + rng.next()))));
    remaining -= amountWan;
    const ms = signedMs + ((untilMs - signedMs) * (index + rng.next())) / count;
    entries.push({
      id: rng.uuidv7(ms),
      project_id: project.id ?? null,
      entry_date: isoDate(ms),
      amount_yuan: amountWan * WAN,
      note: rng.chance(0.3) ? rng.pick(['第一笔设备款', '厂房建设投入', '股东增资到位', '银行贷款到位']) : null,
      created_at: instant(Math.min(untilMs, ms + DAY_MS)),
      updated_at: instant(Math.min(untilMs, ms + DAY_MS)),
      owner_user_id: project.owner_user_id ?? null,
      team_id: ctx.teamId,
      deleted: 0,
    });
  }
  return entries;
}
