import type { ReportMemberRow } from '../../../shared/contract/report';
import { VISIT_KINDS } from '../../../shared/domain/reference';
import { STAGES } from '../../../shared/domain/stages';

/**
 * The on-screen 周报 table: the same columns, in the same order and with the same
 * headers, as the .xlsx and PDF (db/features/report/layout.ts); amounts in 亿元 to 万元.
 */
export interface ScreenColumn {
  title: string;
  render: (row: ReportMemberRow) => string | number;
}
export interface ScreenGroup {
  title: string;
  children?: ScreenColumn[];
  render?: (row: ReportMemberRow) => string | number;
}

const yi = (yuan: number): string => (yuan / 100_000_000).toFixed(4);

export const REPORT_TABLE_COLUMNS: readonly ScreenGroup[] = [
  {
    title: '走访对接（次）',
    children: [...VISIT_KINDS.map((kind) => ({ title: kind.label, render: (row: ReportMemberRow) => row.visitsByKind[kind.code] })), { title: '小计', render: (row) => row.visits }],
  },
  { title: '新增企业（家）', render: (row) => row.newCompanies },
  {
    title: '项目情况（个）',
    children: [
      { title: '本周新增', render: (row) => row.newProjects },
      { title: '本周推进', render: (row) => row.stageMoves },
      ...STAGES.map((stage) => ({ title: stage.label, render: (row: ReportMemberRow) => row.projectsByStage[stage.code] })),
    ],
  },
  {
    title: '本周签约',
    children: [
      { title: '项目（个）', render: (row) => row.signedCount },
      { title: '金额（亿元）', render: (row) => yi(row.signedAmountYuan) },
    ],
  },
  { title: '到位资金（亿元）', render: (row) => yi(row.fundsInPlaceYuan) },
  {
    title: '待办跟进（件）',
    children: [
      { title: '本周到期', render: (row) => row.followUpsDue },
      { title: '已完成', render: (row) => row.followUpsDone },
      { title: '逾期未完成', render: (row) => row.followUpsOverdue },
    ],
  },
];
