/**
 * The columns a ledger (台账) can be mapped to: what each means in our schema, the
 * header words that announce it, and how its cells are read. One list drives the
 * header guess, the mapping step's choices and the value parsing.
 */
import type { AmountUnit } from '../domain/money';

export type LedgerValueKind = 'text' | 'amount' | 'date' | 'stage' | 'creditCode' | 'phone' | 'location' | 'count';

export interface LedgerFieldSpec {
  label: string;
  kind: LedgerValueKind;
  /** Which record the value lands on. */
  entity: 'company' | 'contact' | 'project';
  /**
   * Header words, compared after normalising (width, spaces, punctuation, the unit in
   * brackets). A word starting with `=` only matches a header that is exactly it.
   */
  headers: readonly string[];
  /** For money: the unit a bare number is in when the header names none. */
  defaultUnit?: AmountUnit;
  required?: boolean;
  /** Longest text we keep (the contract's limits). */
  maxLength?: number;
}

export const LEDGER_FIELDS = {
  companyName: {
    label: '企业名称', kind: 'text', entity: 'company', required: true, maxLength: 200,
    headers: ['企业名称', '公司名称', '=企业', '投资方', '投资方名称', '投资主体', '投资企业', '签约企业', '签约主体', '企业单位名称', '客商名称', '项目业主', '业主单位', '招商企业', '引进企业'],
  },
  creditCode: {
    label: '统一社会信用代码', kind: 'creditCode', entity: 'company',
    headers: ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', '统一代码', '企业信用代码'],
  },
  companyDistrict: {
    label: '企业所在地', kind: 'text', entity: 'company', maxLength: 50,
    headers: ['企业所在地', '企业注册地', '注册地', '企业所在区', '所在区', '企业地址所在区', '总部所在地', '来源地'],
  },
  contactName: {
    label: '联系人', kind: 'text', entity: 'contact', maxLength: 50,
    headers: ['联系人', '企业联系人', '联系人姓名', '企业对接人', '企业负责人'],
  },
  contactTitle: {
    label: '联系人职务', kind: 'text', entity: 'contact', maxLength: 100,
    headers: ['联系人职务', '=职务', '企业联系人职务'],
  },
  contactPhone: {
    label: '联系电话', kind: 'phone', entity: 'contact',
    headers: ['联系电话', '联系方式', '=手机', '手机号', '手机号码', '=电话', '联系人电话', '联系人手机'],
  },
  projectName: {
    label: '项目名称', kind: 'text', entity: 'project', required: true, maxLength: 200,
    headers: ['项目名称', '=项目', '项目名', '签约项目', '招商项目', '引进项目', '项目全称'],
  },
  industry: {
    label: '所属行业', kind: 'text', entity: 'project', maxLength: 50,
    headers: ['所属行业', '=行业', '产业类别', '所属产业', '行业类别', '=产业', '产业类型', '行业分类', '所属领域', '十大工业产业'],
  },
  investment: {
    label: '计划总投资', kind: 'amount', entity: 'project', defaultUnit: '万元',
    headers: ['投资额', '总投资', '计划投资', '计划总投资', '投资总额', '项目总投资', '总投资额', '计划投资额', '拟投资', '拟投资额', '投资规模'],
  },
  signedAmount: {
    label: '签约金额', kind: 'amount', entity: 'project', defaultUnit: '万元',
    headers: ['签约金额', '签约额', '协议金额', '合同金额', '协议投资额', '签约投资额', '合同投资额', '签约资金'],
  },
  fundsInPlace: {
    label: '到位资金（累计）', kind: 'amount', entity: 'project', defaultUnit: '万元',
    headers: ['到位资金', '累计到位资金', '实际到位资金', '到位资金累计', '已到位资金', '资金到位', '累计到位', '资金到位情况', '到位金额'],
  },
  signedDate: {
    label: '签约时间', kind: 'date', entity: 'project',
    headers: ['签约时间', '签约日期', '协议签订时间', '签订时间', '签约时间年月', '合同签订时间', '签订日期'],
  },
  startPlannedDate: {
    label: '计划开工时间', kind: 'date', entity: 'project',
    headers: ['计划开工时间', '计划开工日期', '预计开工时间', '拟开工时间'],
  },
  startDate: {
    label: '实际开工时间', kind: 'date', entity: 'project',
    headers: ['开工时间', '开工日期', '实际开工时间', '实际开工日期'],
  },
  productionPlannedDate: {
    label: '计划投产时间', kind: 'date', entity: 'project',
    headers: ['计划投产时间', '计划投产日期', '预计投产时间', '拟投产时间'],
  },
  productionDate: {
    label: '实际投产时间', kind: 'date', entity: 'project',
    headers: ['投产时间', '投产日期', '实际投产时间', '实际投产日期', '竣工投产时间'],
  },
  stage: {
    label: '项目进展', kind: 'stage', entity: 'project',
    headers: ['项目进展', '进展情况', '项目阶段', '推进情况', '项目状态', '当前阶段', '=进展', '=阶段', '项目推进情况', '目前进展', '项目进度'],
  },
  targetLocation: {
    label: '落地地点（市县）', kind: 'location', entity: 'project',
    headers: ['落地地点', '项目地点', '落户地', '落户地点', '建设地点', '项目所在地', '落地市县', '项目落地地', '落地区域', '拟落地地点'],
  },
  targetCity: {
    label: '落地市（州）', kind: 'text', entity: 'project', maxLength: 50,
    headers: ['落地市州', '落地市', '市州', '所在市州', '=市', '落地市州名称', '项目所在市州'],
  },
  targetCounty: {
    label: '落地县（区）', kind: 'text', entity: 'project', maxLength: 50,
    headers: ['落地县区', '落地县', '县区', '县市区', '所在县区', '=县', '区县'],
  },
  targetPark: {
    label: '落地园区', kind: 'text', entity: 'project', maxLength: 100,
    headers: ['落地园区', '园区', '入驻园区', '所在园区', '产业园区', '入园情况', '落户园区', '拟落地园区'],
  },
  agreementNo: {
    label: '协议编号', kind: 'text', entity: 'project', maxLength: 100,
    headers: ['协议编号', '合同编号', '协议号', '合同号'],
  },
  expectedJobs: {
    label: '预计就业（人）', kind: 'count', entity: 'project',
    headers: ['预计就业', '带动就业', '就业人数', '预计用工', '预计就业人数', '解决就业'],
  },
  expectedOutput: {
    label: '预计年产值', kind: 'amount', entity: 'project', defaultUnit: '万元',
    headers: ['预计年产值', '年产值', '达产后年产值', '预计产值', '达产产值'],
  },
  notes: {
    label: '备注', kind: 'text', entity: 'project', maxLength: 5000,
    headers: ['备注', '=说明', '存在问题', '备注说明', '情况说明', '存在的问题'],
  },
} as const satisfies Record<string, LedgerFieldSpec>;

export type LedgerFieldKey = keyof typeof LEDGER_FIELDS;
export const LEDGER_FIELD_KEYS = Object.keys(LEDGER_FIELDS) as [LedgerFieldKey, ...LedgerFieldKey[]];

export function ledgerField(key: LedgerFieldKey): LedgerFieldSpec {
  return LEDGER_FIELDS[key];
}

/** Headers that look like a field but are not data we import (serial numbers, rates, shares). */
export const IGNORED_HEADERS: readonly RegExp[] = [/^序号$/, /^编号$/, /^no$/i, /率$/, /占比$/, /比例$/, /^排名$/];
