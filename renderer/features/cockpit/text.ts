/**
 * The cockpit's words. The metric definitions are the ones in docs/cockpit-metrics.md,
 * shown on hover; keep the two in step. (To be merged into shared/i18n/zh-CN.ts.)
 */
import type { GroupDimension, RateKey } from '../../../shared/contract/cockpit';

export const COCKPIT_TEXT = {
  title: '驾驶舱',
  period: '时间段',
  team: '工作队',
  member: '成员',
  industry: '产业',
  city: '落地市（州）',
  allTeams: '全部工作队',
  allMembers: '全部成员',
  allIndustries: '全部产业',
  allCities: '全部市（州）',
  refresh: '刷新',
  exportPdf: '导出 PDF',
  exportPng: '导出图片',
  exportLedger: '导出项目台账',
  importLedger: '导入台账',
  cohortProjects: '期内签约项目',
  cohortAmount: '期内签约金额',
  cohortFunds: '其到位资金',
  funnel: '项目阶段分布（当前）',
  funnelHint: '所有未删除项目当前所处阶段，不受时间段影响',
  months: '签约金额与到位资金（按月）',
  signedAmount: '签约金额',
  fundsInPlace: '到位资金',
  signedCount: '签约项目数',
  groups: '分布',
  visits: '走访对接（按周、按方式）',
  visitsHint: '时间段内的走访；产业与落地市（州）筛选不适用于走访',
  pipeline: '在库项目',
  signed: '期内签约',
  total: '合计',
  drillTitle: '明细',
  openInProjects: '在项目列表中查看',
  noData: '暂无数据',
  loading: '正在计算…',
  rows: (n: number) => `共 ${n} 条`,
  exported: (name: string) => `已导出：${name}`,
  printHint: '在打印窗口中选择“另存为 PDF”',
  columns: {
    project: '项目',
    company: '企业',
    stage: '阶段',
    industry: '产业',
    place: '落地地',
    park: '园区',
    signedDate: '签约日期',
    signedAmount: '签约金额',
    startDate: '开工日期',
    productionDate: '投产日期',
    funds: '到位资金（截至期末）',
    visitDate: '日期',
    visitKind: '方式',
    summary: '摘要',
  },
} as const;

export const GROUP_LABELS: Record<GroupDimension, string> = { industry: '按产业', place: '按落地地', member: '按成员', team: '按工作队' };

export const RATE_TEXT: Record<RateKey, { label: string; definition: string; numerator: string; denominator: string }> = {
  park: {
    label: '入园率',
    definition: '期内签约项目中，已填写落地园区的项目数 ÷ 期内签约项目数。',
    numerator: '已入园项目',
    denominator: '期内签约项目',
  },
  started: {
    label: '开工率',
    definition: '期内签约项目中，实际开工日期不晚于期末的项目数 ÷ 期内签约项目数。',
    numerator: '已开工项目',
    denominator: '期内签约项目',
  },
  producing: {
    label: '投产率',
    definition: '期内签约项目中，实际投产日期不晚于期末的项目数 ÷ 期内签约项目数。',
    numerator: '已投产项目',
    denominator: '期内签约项目',
  },
  funds: {
    label: '资金到位率',
    definition: '期内签约且有签约金额的项目，截至期末登记的到位资金合计 ÷ 这些项目的签约金额合计。',
    numerator: '到位资金',
    denominator: '签约金额',
  },
};

/** Said once under the rates: what 期内签约项目 means. */
export const COHORT_DEFINITION =
  '期内签约项目：未删除、符合所选工作队/成员/产业/落地市（州）、签约日期在所选时间段内的项目（其后搁置或终止的仍计入）。';
