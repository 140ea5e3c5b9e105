/**
 * A worksheet as the ledger importer sees it: a grid of cells, the merged ranges and
 * the workbook's date system. Built by the backend from .xlsx/.xls/.csv; plain data,
 * so it also travels to the renderer for the mapping step's sample rows.
 */

/** What the spreadsheet holds: text, a number (dates are serial numbers), a boolean or nothing. */
export type CellValue = string | number | boolean | null;

export interface LedgerCell {
  value: CellValue;
  /** The cell as the spreadsheet shows it (number format applied), when it differs from `value`. */
  text?: string;
  /** A number formatted as a date or time: an Excel serial date. */
  isDate?: boolean;
}

/** Zero-based, inclusive. */
export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface LedgerSheet {
  name: string;
  /** rows[r][c]; a missing or null cell is empty. Row r is spreadsheet row r + 1. */
  rows: (LedgerCell | null | undefined)[][];
  merges: CellRange[];
  /** Workbooks made on old Macs count serial dates from 1904-01-01. */
  date1904: boolean;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The reference a person finds in Excel: column letter and 1-based row, e.g. C7. */
export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export function cellAt(sheet: LedgerSheet, row: number, column: number): LedgerCell | null {
  return sheet.rows[row]?.[column] ?? null;
}

/** The cell as text: what is shown when there is a shown form, else the value. */
export function cellText(cell: LedgerCell | null | undefined): string {
  if (!cell || cell.value === null) return '';
  if (cell.text !== undefined) return cell.text;
  return typeof cell.value === 'number' ? numberText(cell.value) : String(cell.value);
}

/**
 * A number as decimal text without binary noise: 3.2000000000000002 (a formula's
 * result) reads as 3.2. Fifteen significant digits is what Excel itself keeps.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isSafeInteger(value)) return String(value);
  const fixed = Number(value.toPrecision(15));
  // toString may use exponent form for very small/large numbers; expand it.
  const text = String(fixed);
  if (!/e/i.test(text)) return text;
  return fixed.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** Width of the used area: the longest row. */
export function columnCount(sheet: LedgerSheet): number {
  let max = 0;
  for (const row of sheet.rows) if (row && row.length > max) max = row.length;
  for (const merge of sheet.merges) if (merge.e.c + 1 > max) max = merge.e.c + 1;
  return max;
}

/** The merge a cell belongs to, if any. */
export function mergeAt(sheet: LedgerSheet, row: number, column: number): CellRange | undefined {
  return sheet.merges.find((m) => m.s.r <= row && row <= m.e.r && m.s.c <= column && column <= m.e.c);
}
