/**
 * A list as it is on screen, to .xlsx: the list's own query (filters, sort) run through
 * the list's own function page by page, the visible columns in their order.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { companiesContract } from '../../../shared/contract/companies';
import { MAX_EXPORT_ROWS, type ExportableList, type ExportFile } from '../../../shared/contract/export';
import { projectsContract } from '../../../shared/contract/projects';
import { visitsContract } from '../../../shared/contract/visits';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../sql';
import { listCompanies } from '../companies/list';
import { listProjects } from '../projects/list';
import { listVisits } from '../visits/list';
import { cellFor, headerFor, localDateTime, stamp, textWidth } from './cells';

const PAGE = 1000;

interface ListSource {
  schema: z.ZodType;
  list: (db: Db, input: never) => { items: object[]; total: number };
}

const SOURCES: Record<ExportableList, ListSource> = {
  companies: { schema: companiesContract['companies.list'].input, list: listCompanies },
  projects: { schema: projectsContract['projects.list'].input, list: listProjects },
  visits: { schema: visitsContract['visits.list'].input, list: listVisits },
};

export interface ListExportInput {
  list: ExportableList;
  query: Record<string, unknown>;
  columns: { key: string; title: string }[];
  title: string;
}

/** Every row of the list for `query`, in the list's order. */
export function listRows(db: Db, list: ExportableList, query: Record<string, unknown>): Record<string, unknown>[] {
  const source = SOURCES[list];
  const rows: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const parsed = source.schema.safeParse({ ...query, limit: PAGE, offset });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('E_VALIDATION', `导出条件不正确：${issue?.message ?? ''}`, parsed.error.issues.map((i) => ({ path: `query.${i.path.join('.')}`, code: 'E_VALIDATION', message: i.message })));
    }
    const page = source.list(db, parsed.data as never);
    rows.push(...(page.items as Record<string, unknown>[]));
    if (rows.length > MAX_EXPORT_ROWS) throw new AppError('E_EXPORT_TOO_LARGE', `超过 ${MAX_EXPORT_ROWS.toLocaleString('en')} 行，请缩小筛选范围后再导出`);
    if (page.items.length < PAGE || rows.length >= page.total) return rows;
  }
}

export async function exportList(db: Db, input: ListExportInput, now: Date): Promise<ExportFile> {
  const rows = db.transaction(() => listRows(db, input.list, input.query))();
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const sheet = workbook.addWorksheet(input.title.slice(0, 31));
  const width = input.columns.length;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = `${input.title}（导出于 ${localDateTime(now.toISOString())}，共 ${rows.length} 条）`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const headers = input.columns.map((column) => headerFor(column.key, column.title));
  const header = sheet.getRow(2);
  headers.forEach((text, index) => {
    const cell = header.getCell(index + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  const widths = headers.map(textWidth);
  rows.forEach((record, r) => {
    const row = sheet.getRow(3 + r);
    input.columns.forEach((column, c) => {
      const { value, numFmt } = cellFor(column.key, record[column.key]);
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      if (value !== null && value !== undefined) widths[c] = Math.max(widths[c]!, Math.min(60, textWidth(String(value))));
    });
  });
  widths.forEach((w, index) => (sheet.getColumn(index + 1).width = Math.max(8, w + 2)));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: width } };
  const bytes = await workbook.xlsx.writeBuffer();
  return { fileName: `${input.title}_${stamp(now)}.xlsx`, contentBase64: Buffer.from(bytes).toString('base64'), rows: rows.length };
}
