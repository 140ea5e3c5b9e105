/**
 * Row generators for the seed: companies, contacts, visits and their follow-up tasks.
 * Each returns plain column values, ready for a prepared INSERT with named parameters.
 * Everything random comes from the one seeded stream in `SeedContext`.
 */
import { computeCheckChar, USCC_ALPHABET } from '../shared/domain/credit-code';
import { normalizeCompanyName } from '../shared/domain/names';
import { COMPANY_SCALES, VISIT_KINDS, type VisitKind } from '../shared/domain/reference';
import type { Random } from './prng';
import * as words from './seed-words';

export type Row = Record<string, string | number | null>;

export const DAY_MS = 86_400_000;

export interface Staff {
  id: string;
  name: string;
}

export interface SeedContext {
  rng: Random;
  /** The seed's "today": the end of the three years of visits. */
  untilMs: number;
  startMs: number;
  staff: Staff[];
  teamId: string;
}

/** What later generators need to know about a company. */
export interface CompanyInfo {
  id: string;
  name: string;
  /** 字号 plus a short industry word: how staff write the company in summaries. */
  shortName: string;
  industry: string;
  createdMs: number;
  key: boolean;
  /** The company's own mail domain, from the brand's pinyin. */
  mailDomain: string;
  contactIds: string[];
  contactNames: string[];
}

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const instant = (ms: number): string => new Date(ms).toISOString();

const industryChoices = Object.entries(words.INDUSTRY_WEIGHTS);
const surnameChoices = words.SURNAMES.map(([char, pinyin, weight]) => [[char, pinyin] as const, weight] as const);

function ownership(ctx: SeedContext): Row {
  return { owner_user_id: ctx.rng.pick(ctx.staff).id, team_id: ctx.teamId, deleted: 0 };
}

export function personName(rng: Random): { name: string; pinyin: string } {
  const [surname, pinyin] = rng.weighted(surnameChoices);
  const given = rng.chance(0.7) ? rng.pick(words.GIVEN_CHARS) + rng.pick(words.GIVEN_CHARS) : rng.pick(words.GIVEN_CHARS);
  return { name: surname + given, pinyin };
}

export class CompanyMaker {
  private readonly names = new Set<string>();
  private readonly codes = new Set<string>();

  constructor(private readonly ctx: SeedContext) {}

  /** `key`: one of the few companies the team works hardest (more visits and projects). */
  make(key: boolean): { row: Row; info: CompanyInfo } {
    const { rng, startMs, untilMs } = this.ctx;
    const industry = rng.weighted(industryChoices);
    const inShenzhen = rng.chance(0.78);
    const city = inShenzhen ? (['深圳市', '440300'] as const) : rng.weighted(words.OTHER_CITIES.map(([name, code, w]) => [[name, code] as const, w] as const));
    const district = inShenzhen ? rng.weighted(words.SHENZHEN_DISTRICT_WEIGHTS) : city[0];
    const { name, brand, brandPinyin, word } = this.uniqueName(city[0], industry);
    const createdMs = key ? rng.int(startMs - 180 * DAY_MS, startMs + 365 * DAY_MS) : rng.int(startMs - 180 * DAY_MS, untilMs - 30 * DAY_MS);
    const stamp = instant(createdMs);
    const divisionCode = inShenzhen ? (words.SHENZHEN_DISTRICT_CODES[district] ?? '440300') : city[1];
    const row: Row = {
      id: rng.uuidv7(createdMs),
      name,
      name_norm: normalizeCompanyName(name),
      credit_code: rng.chance(0.7) ? this.uniqueCreditCode(divisionCode) : null,
      aliases: JSON.stringify(rng.chance(0.3) ? [brand + word.slice(0, 2)] : []),
      industry,
      district,
      address: rng.chance(0.9) ? address(rng, city[0], inShenzhen ? district : '') : null,
      scale: rng.chance(0.9) ? rng.weighted(COMPANY_SCALES.map((s, i) => [s.code, [8, 25, 45, 22][i] ?? 1] as const)) : null,
      is_fortune500: rng.chance(key ? 0.02 : 0.001) ? 1 : 0,
      is_listed: rng.chance(key ? 0.2 : 0.02) ? 1 : 0,
      lead_source: rng.chance(0.8) ? rng.pick(words.LEAD_SOURCES) : null,
      tags: JSON.stringify(rng.sample(words.TAGS, rng.weighted([[0, 55], [1, 35], [2, 10]] as const))),
      notes: rng.chance(0.15) ? rng.pick(['企业负责人为贵州籍', '已与省投资促进局对接过', '关注用电成本和物流', '曾赴黔考察', '有意在西南地区设厂']) : null,
      created_at: stamp,
      updated_at: stamp,
      ...ownership(this.ctx),
    };
    const mailDomain = brandPinyin + rng.pick(['.com', '.com.cn', '.cn']);
    const info: CompanyInfo = { id: String(row.id), name, shortName: brand + word.slice(0, 2), industry, createdMs, key, mailDomain, contactIds: [], contactNames: [] };
    return { row, info };
  }

  /** Names repeat in real life, but the app refuses a duplicate at entry; keep seeded names distinct. */
  private uniqueName(city: string, industry: string): { name: string; brand: string; brandPinyin: string; word: string } {
    const { rng } = this.ctx;
    for (;;) {
      const [first, firstPinyin] = rng.pick(words.BRAND_FIRST);
      let [second, secondPinyin] = rng.pick(words.BRAND_SECOND);
      if (second === first) [second, secondPinyin] = words.BRAND_SECOND[0]!;
      const word = rng.pick(words.INDUSTRY_WORDS[industry] ?? ['科技']);
      let form = rng.weighted(words.LEGAL_FORMS);
      if (form === '科技有限公司' && word.endsWith('科技')) form = '有限公司';
      const name = `${city}${first}${second}${word}${form}`;
      if (this.names.has(name)) continue;
      this.names.add(name);
      return { name, brand: first + second, brandPinyin: firstPinyin + secondPinyin, word };
    }
  }

  /** 91 (enterprise) + division + organisation code + check character, as GB 32100 builds it. */
  private uniqueCreditCode(divisionCode: string): string {
    const { rng } = this.ctx;
    for (;;) {
      const organisation = rng.chance(0.6)
        ? 'MA5' + Array.from({ length: 6 }, () => rng.pick(USCC_ALPHABET.split(''))).join('')
        : rng.digits(8) + rng.pick(USCC_ALPHABET.slice(0, 11).split(''));
      const first17 = `91${divisionCode}${organisation}`;
      const code = first17 + computeCheckChar(first17);
      if (this.codes.has(code)) continue;
      this.codes.add(code);
      return code;
    }
  }
}

function address(rng: Random, city: string, district: string): string {
  const tower = rng.chance(0.5) ? `${rng.pick(['A', 'B', 'C', 'D'])}栋` : '';
  return `广东省${city}${district}${rng.pick(words.ROADS)}${rng.int(1, 3000)}号${rng.pick(words.BUILDINGS)}${tower}${rng.int(1, 42)}楼`;
}

export function makeContact(ctx: SeedContext, company: CompanyInfo): Row {
  const { rng, untilMs } = ctx;
  const person = personName(rng);
  const createdMs = rng.int(company.createdMs, Math.max(company.createdMs, untilMs - DAY_MS));
  const stamp = instant(createdMs);
  const row: Row = {
    id: rng.uuidv7(createdMs),
    company_id: company.id,
    name: person.name,
    title: rng.chance(0.92) ? rng.weighted(words.TITLES) : null,
    mobile: rng.chance(0.85) ? rng.pick(words.MOBILE_PREFIXES) + rng.digits(8) : null,
    phone: rng.chance(0.3) ? `0755-${rng.int(2, 8)}${rng.digits(7)}` : null,
    email: rng.chance(0.4) ? email(rng, person.pinyin, company.mailDomain) : null,
    wechat: rng.chance(0.3) ? `wxid_${rng.digits(10)}` : null,
    notes: rng.chance(0.1) ? rng.pick(['贵州遵义人', '负责西南区域投资', '对接人，回复及时', '需提前预约']) : null,
    created_at: stamp,
    updated_at: stamp,
    ...ownership(ctx),
  };
  company.contactIds.push(String(row.id));
  company.contactNames.push(person.name);
  return row;
}

function email(rng: Random, pinyin: string, companyDomain: string): string {
  return rng.chance(0.5) ? `${pinyin}${rng.int(1, 99)}@${companyDomain}` : `${pinyin}${rng.digits(4)}@${rng.pick(words.MAIL_DOMAINS)}`;
}

const kindChoices = VISIT_KINDS.map((kind, i) => [kind.code, [35, 12, 15, 12, 3, 8, 15][i] ?? 1] as const);
const INTENTS = [['strong', 20], ['medium', 40], ['weak', 30], [null, 10]] as const;
const INTENT_SENTENCE = { strong: '企业投资意向明确，希望尽快赴黔考察。', medium: '企业有一定意向，需进一步比较各地条件。', weak: '企业暂无明确投资计划，保持联系。' };
const STATUS = ['企业目前年产值约{n}亿元，', '企业正在筹划新的生产基地，', '企业今年订单增长较快，产能紧张，', '企业计划在西南地区布局，', '企业关注西部陆海新通道，'];
const OUTCOMES = ['达成初步合作意向', '企业同意提供项目计划书', '约定下月赴黔考察', '建立常态化对接机制', '企业将内部评估后答复'];
const NEXT_STEPS = ['安排企业高层赴黔考察', '提供园区用地和政策资料', '跟进项目可研报告', '对接{city}投资促进局', '协调召开项目推进会', '起草投资合作协议'];

/** A visit, and its follow-up task when it has a follow-up date (visits.create makes one). */
export function makeVisit(ctx: SeedContext, company: CompanyInfo): { visit: Row; task: Row | null } {
  const { rng, untilMs } = ctx;
  const visitMs = rng.int(Math.max(company.createdMs, ctx.startMs), untilMs);
  const createdMs = Math.min(untilMs, visitMs + rng.int(0, 2 * DAY_MS));
  const kind = rng.weighted(kindChoices);
  const intent = rng.weighted(INTENTS);
  const city = rng.pick(Object.keys(words.GUIZHOU_COUNTIES));
  const contactIds = rng.sample(company.contactIds, rng.weighted([[0, 20], [1, 60], [2, 20]] as const));
  const nextStep = rng.chance(0.5) ? rng.pick(NEXT_STEPS).replace('{city}', city) : null;
  const followUpMs = rng.chance(0.15) ? visitMs + rng.int(7, 45) * DAY_MS : null;
  const stamp = instant(createdMs);
  const visit: Row = {
    id: rng.uuidv7(createdMs),
    company_id: company.id,
    visit_date: isoDate(visitMs),
    kind,
    participants: JSON.stringify(rng.sample(ctx.staff, rng.int(1, 3)).map((member) => member.name)),
    contact_ids: JSON.stringify(contactIds),
    summary: summary(rng, kind, company, city) + (intent ? INTENT_SENTENCE[intent] : ''),
    outcome: rng.chance(0.6) ? rng.pick(OUTCOMES) : null,
    intent,
    next_step: nextStep,
    follow_up_date: followUpMs === null ? null : isoDate(followUpMs),
    trip: kind === 'inspection_trip' ? trip(rng, visitMs, city, company) : null,
    created_at: stamp,
    updated_at: stamp,
    ...ownership(ctx),
  };
  if (followUpMs === null) return { visit, task: null };
  const done = followUpMs < untilMs - 3 * DAY_MS && rng.chance(0.9);
  const task: Row = {
    id: rng.uuidv7(createdMs + 1),
    title: `跟进${company.shortName}：${nextStep ?? '回访企业'}`,
    due_date: isoDate(followUpMs),
    company_id: company.id,
    project_id: null,
    visit_id: visit.id ?? null,
    done: done ? 1 : 0,
    done_at: done ? instant(Math.min(untilMs, followUpMs + rng.int(0, 5) * DAY_MS)) : null,
    created_at: stamp,
    updated_at: stamp,
    ...ownership(ctx),
  };
  return { visit, task };
}

function summary(rng: Random, kind: VisitKind, company: CompanyInfo, city: string): string {
  const product = rng.pick(words.PRODUCTS[company.industry] ?? ['生产基地']);
  const title = rng.weighted(words.TITLES);
  const boss = `${rng.weighted(surnameChoices)[0]}总`;
  const status = rng.pick(STATUS).replace('{n}', String(rng.int(1, 80)));
  const topic = rng.pick([`在${city}投资建设${product}项目`, `产业链配套企业落户${city}`, '用电、用地和人才政策', `${product}产能转移`, '设立西南区域总部']);
  switch (kind) {
    case 'door_visit':
      return `工作队赴${company.shortName}拜访，与${title}${boss}座谈。${status}双方就${topic}深入交流。`;
    case 'hosted_visit':
      return `${company.shortName}${title}${boss}一行来访，我方介绍了${city}营商环境和产业政策，双方就${topic}交换意见。`;
    case 'online_meeting':
      return `与${company.shortName}${title}视频连线，沟通${topic}。${status}`;
    case 'remote_negotiation':
      return `与${company.shortName}远程洽谈${product}项目合作条款，重点讨论了用地、税收和投产时间。`;
    case 'online_signing':
      return `与${company.shortName}云上签约${product}项目，协议投资${rng.int(1, 30)}亿元，落户${city}。`;
    case 'inspection_trip':
      return `${company.shortName}${title}${boss}一行赴${city}考察，实地查看项目用地，与当地政府座谈${topic}。`;
    case 'promotion_event':
      return `参加${rng.pick(['深圳·贵州产业合作推介会', '数博会深圳专场', '酒博会招商对接会', '黔货出山推介活动'])}，与${company.shortName}${title}交流${topic}。`;
  }
}

function trip(rng: Random, startMs: number, city: string, company: CompanyInfo): string {
  const counties = words.GUIZHOU_COUNTIES[city] ?? [city];
  const county = rng.pick(counties);
  return JSON.stringify({
    startDate: isoDate(startMs),
    endDate: isoDate(startMs + rng.int(1, 3) * DAY_MS),
    itinerary: `第一天：考察${county}${rng.pick(words.PARK_SUFFIXES)}；第二天：与${county}政府座谈，查看项目用地`,
    officials: [`${county}${rng.pick(['县长', '副县长', '常务副县长', '投资促进局局长'])}`],
    attendees: rng.sample(company.contactNames, rng.int(1, 3)),
  });
}
