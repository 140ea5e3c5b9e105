import type { ReportRow } from '../../../shared/contract/report';
import { VISIT_KINDS, type VisitKind } from '../../../shared/domain/reference';
import { STAGES, type Stage } from '../../../shared/domain/stages';

/**
 * The columns of the 周报's summary table, in order, with their two-level headers — one
 * definition read by the .xlsx and the PDF, so both show the same figures in the same
 * places. Money columns are 亿元 (from integer 元; exact to 万元 with four decimals).
 */
export interface ReportColumn {
  /** The upper (merged) header; null when the column's own header spans both header rows. */
  group: string | null;
  header: string;
  value: (row: ReportRow) => number;
  money?: true;
  width: number;
}

const YUAN_PER_YI = 100_000_000;
export const yuanToYi = (yuan: number): number => yuan / YUAN_PER_YI;

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  ...VISIT_KINDS.map((kind): ReportColumn => ({ group: '走访对接（次）', header: kind.label, value: (row) => row.visitsByKind[kind.code as VisitKind], width: 7 })),
  { group: '走访对接（次）', header: '小计', value: (row) => row.visits, width: 6 },
  { group: null, header: '新增企业（家）', value: (row) => row.newCompanies, width: 8 },
  { group: '项目情况（个）', header: '本周新增', value: (row) => row.newProjects, width: 6 },
  { group: '项目情况（个）', header: '本周推进', value: (row) => row.stageMoves, width: 6 },
  ...STAGES.map((stage): ReportColumn => ({ group: '项目情况（个）', header: stage.label, value: (row) => row.projectsByStage[stage.code as Stage], width: 5 })),
  { group: '本周签约', header: '项目（个）', value: (row) => row.signedCount, width: 7 },
  { group: '本周签约', header: '金额（亿元）', value: (row) => yuanToYi(row.signedAmountYuan), money: true, width: 10 },
  { group: null, header: '到位资金（亿元）', value: (row) => yuanToYi(row.fundsInPlaceYuan), money: true, width: 10 },
  { group: '待办跟进（件）', header: '本周到期', value: (row) => row.followUpsDue, width: 6 },
  { group: '待办跟进（件）', header: '已完成', value: (row) => row.followUpsDone, width: 6 },
  { group: '待办跟进（件）', header: '逾期未完成', value: (row) => row.followUpsOverdue, width: 7 },
];

/** Runs of equal group names: the merged upper header cells. */
export function headerGroups(columns: readonly ReportColumn[] = REPORT_COLUMNS): { group: string | null; start: number; end: number }[] {
  const runs: { group: string | null; start: number; end: number }[] = [];
  columns.forEach((column, index) => {
    const last = runs.at(-1);
    if (last && column.group !== null && last.group === column.group) last.end = index;
    else runs.push({ group: column.group, start: index, end: index });
  });
  return runs;
}

/** `2026年11月27日` */
export function chineseDate(isoDate: string): string {
  return `${Number(isoDate.slice(0, 4))}年${Number(isoDate.slice(5, 7))}月${Number(isoDate.slice(8, 10))}日`;
}

export const UNITS_LINE = '单位：次、家、个、件、亿元';
