/**
 * 项目台账 as the province keeps it: one sheet per stage (线索 … 终止), a title row, the
 * usual columns with units in their headers, one row per project and a 合计 row. The
 * sheet reads back through our own importer unchanged (ledger-export.test.ts).
 */
import ExcelJS from 'exceljs';
import type { ExportFile } from '../../../shared/contract/export';
import { STAGES, STAGE_LABELS, type Stage } from '../../../shared/domain/stages';
import type { Db } from '../../sql';
import { localIsoDate } from '../common/dates';
import { idLabel, memberLabels } from '../cockpit/labels';
import { projectScope } from '../cockpit/filters';
import { dateCell, stamp, textWidth, wan, WAN_FORMAT } from './cells';

export interface LedgerExportInput {
  teamId?: string | null | undefined;
  ownerUserId?: string | null | undefined;
  industry?: string | null | undefined;
  targetCity?: string | null | undefined;
  asOf?: string | null | undefined;
}

interface LedgerRow {
  name: string;
  company_name: string;
  credit_code: string | null;
  industry: string | null;
  target_city: string | null;
  target_county: string | null;
  target_park: string | null;
  investment_yuan: number | null;
  signed_amount_yuan: number | null;
  funds_yuan: number;
  signed_date: string | null;
  start_planned_date: string | null;
  start_date: string | null;
  production_planned_date: string | null;
  production_date: string | null;
  stage: Stage;
  agreement_no: string | null;
  expected_jobs: number | null;
  expected_output_yuan: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  owner_user_id: string | null;
  notes: string | null;
}

type Kind = 'text' | 'wan' | 'date' | 'count' | 'ratio';

/** The columns, in order: header (unit included), how to write it, and how to total it. */
const COLUMNS: readonly { header: string; kind: Kind; value: (row: LedgerRow, owner: string) => unknown; total?: boolean }[] = [
  { header: '项目名称', kind: 'text', value: (row) => row.name },
  { header: '企业名称', kind: 'text', value: (row) => row.company_name },
  { header: '统一社会信用代码', kind: 'text', value: (row) => row.credit_code },
  { header: '所属行业', kind: 'text', value: (row) => row.industry },
  { header: '落地市（州）', kind: 'text', value: (row) => row.target_city },
  { header: '落地县（区）', kind: 'text', value: (row) => row.target_county },
  { header: '落地园区', kind: 'text', value: (row) => row.target_park },
  { header: '计划总投资（万元）', kind: 'wan', value: (row) => row.investment_yuan, total: true },
  { header: '签约金额（万元）', kind: 'wan', value: (row) => row.signed_amount_yuan, total: true },
  { header: '到位资金（万元）', kind: 'wan', value: (row) => row.funds_yuan, total: true },
  { header: '资金到位率', kind: 'ratio', value: (row) => (row.signed_amount_yuan ? row.funds_yuan / row.signed_amount_yuan : null) },
  { header: '签约时间', kind: 'date', value: (row) => row.signed_date },
  { header: '计划开工时间', kind: 'date', value: (row) => row.start_planned_date },
  { header: '开工时间', kind: 'date', value: (row) => row.start_date },
  { header: '计划投产时间', kind: 'date', value: (row) => row.production_planned_date },
  { header: '投产时间', kind: 'date', value: (row) => row.production_date },
  { header: '项目进展', kind: 'text', value: (row) => STAGE_LABELS[row.stage] ?? row.stage },
  { header: '协议编号', kind: 'text', value: (row) => row.agreement_no },
  { header: '预计就业（人）', kind: 'count', value: (row) => row.expected_jobs, total: true },
  { header: '预计年产值（万元）', kind: 'wan', value: (row) => row.expected_output_yuan, total: true },
  { header: '联系人', kind: 'text', value: (row) => row.contact_name },
  { header: '联系电话', kind: 'text', value: (row) => row.contact_phone },
  { header: '负责人', kind: 'text', value: (_row, owner) => owner },
  { header: '备注', kind: 'text', value: (row) => row.notes },
];

export function ledgerRows(db: Db, input: LedgerExportInput, asOf: string): LedgerRow[] {
  const scope = projectScope({ from: '', to: '', teamId: input.teamId ?? null, ownerUserId: input.ownerUserId ?? null, industry: input.industry ?? null, targetCity: input.targetCity ?? null });
  return db
    .prepare(
      `SELECT p.name, c.name AS company_name, c.credit_code, p.industry, p.target_city, p.target_county, p.target_park,
         p.investment_yuan, p.signed_amount_yuan,
         (SELECT coalesce(sum(f.amount_yuan), 0) FROM funds_entry f WHERE f.project_id = p.id AND f.deleted = 0 AND f.entry_date <= ?) AS funds_yuan,
         p.signed_date, p.start_planned_date, p.start_date, p.production_planned_date, p.production_date, p.stage, p.agreement_no,
         p.expected_jobs, p.expected_output_yuan, k.name AS contact_name, coalesce(k.mobile, k.phone) AS contact_phone, p.owner_user_id, p.notes
       FROM project p
       JOIN company c ON c.id = p.company_id
       LEFT JOIN contact k ON k.id = (SELECT id FROM contact WHERE company_id = p.company_id AND deleted = 0 ORDER BY created_at, id LIMIT 1)
       WHERE ${scope.sql}
       ORDER BY p.signed_date IS NULL, p.signed_date, c.name, p.name`,
    )
    .all(asOf, ...scope.params) as LedgerRow[];
}

export async function exportLedger(db: Db, input: LedgerExportInput, now: Date, localUserId: string | null): Promise<ExportFile> {
  const asOf = input.asOf ?? localIsoDate(now);
  const rows = db.transaction(() => ledgerRows(db, input, asOf))();
  const members = memberLabels(db, localUserId);
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  for (const { code, label } of STAGES) {
    const stageRows = rows.filter((row) => row.stage === code);
    const sheet = workbook.addWorksheet(label);
    writeStageSheet(sheet, label, stageRows, asOf, (row) => idLabel(row.owner_user_id, members, '成员'));
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return { fileName: `项目台账_${stamp(now)}.xlsx`, contentBase64: Buffer.from(bytes).toString('base64'), rows: rows.length };
}

function writeStageSheet(sheet: ExcelJS.Worksheet, stageLabel: string, rows: readonly LedgerRow[], asOf: string, ownerOf: (row: LedgerRow) => string): void {
  const width = COLUMNS.length + 1;
  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = `项目台账（${stageLabel}）  到位资金截至 ${asOf}`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const headers = ['序号', ...COLUMNS.map((column) => column.header)];
  const widths = headers.map(textWidth);
  const headerRow = sheet.getRow(2);
  headers.forEach((text, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(3 + r);
    sheetRow.getCell(1).value = r + 1;
    COLUMNS.forEach((column, c) => {
      const cell = sheetRow.getCell(c + 2);
      const raw = column.value(row, ownerOf(row));
      const { value, numFmt } = write(column.kind, raw);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      if (value !== null && column.kind === 'text') widths[c + 1] = Math.max(widths[c + 1]!, Math.min(40, textWidth(String(value))));
    });
  });
  const totalRow = sheet.getRow(3 + rows.length);
  totalRow.getCell(1).value = '合计';
  totalRow.getCell(2).value = `${rows.length} 个项目`;
  totalRow.font = { bold: true };
  COLUMNS.forEach((column, c) => {
    if (!column.total) return;
    const letter = sheet.getColumn(c + 2).letter;
    // Exact sum in integer 元 (or heads) as the cached result; the formula keeps working when someone edits the sheet.
    const exact = rows.reduce((sum, row) => sum + ((column.value(row, '') as number | null) ?? 0), 0);
    const cell = totalRow.getCell(c + 2);
    const result = column.kind === 'wan' ? wan(exact) : exact;
    cell.value = rows.length > 0 ? { formula: `SUM(${letter}3:${letter}${2 + rows.length})`, result: result ?? 0 } : result;
    if (column.kind === 'wan') cell.numFmt = WAN_FORMAT;
  });
  widths.forEach((w, index) => (sheet.getColumn(index + 1).width = Math.max(8, w + 2)));
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];
}

function write(kind: Kind, value: unknown): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null || value === undefined) return { value: null };
  switch (kind) {
    case 'wan':
      return { value: wan(value as number), numFmt: WAN_FORMAT };
    case 'date':
      return dateCell(value as string);
    case 'ratio':
      return { value: value as number, numFmt: '0.0%' };
    case 'count':
      return { value: value as number };
    case 'text':
      return { value: String(value) };
  }
}
