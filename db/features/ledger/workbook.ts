/**
 * Opening a ledger file: .xlsx, .xls (by their bytes, not their name) or text CSV in
 * UTF-8, UTF-16 or GBK. SheetJS reads the workbook; we keep only what the importer
 * needs: each sheet's cells (value, shown text, "is a date"), merged ranges and the
 * workbook's date system.
 */
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import type { CellRange, LedgerCell, LedgerSheet } from '../../../shared/ledger/cells';
import { AppError } from '../../../shared/errors';
import { parseCsv } from './csv';

export interface LedgerWorkbook {
  fileName: string;
  format: 'xlsx' | 'xls' | 'csv';
  /** For CSV: the text encoding it was read in. */
  encoding: string | null;
  sheets: LedgerSheet[];
}

/** Far beyond any ledger; a bound on the memory one file may take. */
export const MAX_LEDGER_ROWS = 200_000;
export const MAX_LEDGER_COLUMNS = 256;

const ERROR_VALUE = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|GETTING_DATA)$/;

export function readLedgerWorkbook(bytes: Uint8Array, fileName: string): LedgerWorkbook {
  const format = sniffFormat(bytes);
  if (format === 'csv') {
    const decoded = decodeText(bytes);
    const sheet = parseCsv(decoded.text, fileName.replace(/\.[^.]*$/, '') || 'CSV');
    if (sheet.rows.length > MAX_LEDGER_ROWS) throw new AppError('E_LEDGER_TOO_LARGE', `文件超过 ${MAX_LEDGER_ROWS.toLocaleString('en')} 行，请拆分后再导入`);
    return { fileName, format, encoding: decoded.encoding, sheets: [sheet] };
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch {
    throw new AppError('E_LEDGER_FILE_UNREADABLE', `无法读取文件“${fileName}”：请确认是 .xlsx、.xls 或 .csv 格式的表格`);
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const sheets = workbook.SheetNames.map((name) => toLedgerSheet(name, workbook.Sheets[name], date1904));
  if (sheets.length === 0) throw new AppError('E_LEDGER_FILE_EMPTY', `文件“${fileName}”中没有工作表`);
  return { fileName, format, encoding: null, sheets };
}

function sniffFormat(bytes: Uint8Array): LedgerWorkbook['format'] {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8; UTF-16 by its BOM; otherwise GBK (GB18030, its superset). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gbk' };
  }
}

function toLedgerSheet(name: string, sheet: XLSX.WorkSheet | undefined, date1904: boolean): LedgerSheet {
  const rows: (LedgerCell | null)[][] = [];
  const merges: CellRange[] = (sheet?.['!merges'] ?? []).map((merge) => ({ s: { ...merge.s }, e: { ...merge.e } }));
  const ref = sheet?.['!ref'];
  if (!sheet || !ref) return { name, rows, merges, date1904 };
  const range = XLSX.utils.decode_range(ref);
  if (range.e.r - range.s.r + 1 > MAX_LEDGER_ROWS) {
    throw new AppError('E_LEDGER_TOO_LARGE', `工作表“${name}”超过 ${MAX_LEDGER_ROWS.toLocaleString('en')} 行，请拆分后再导入`);
  }
  const lastColumn = Math.min(range.e.c, MAX_LEDGER_COLUMNS - 1);
  for (let r = 0; r <= range.e.r; r++) {
    const row: (LedgerCell | null)[] = [];
    for (let c = 0; c <= lastColumn; c++) row.push(toCell(sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  return { name, rows, merges, date1904 };
}

function toCell(cell: XLSX.CellObject | undefined): LedgerCell | null {
  if (!cell) return null;
  switch (cell.t) {
    case 'z':
      return null;
    case 'n': {
      const value = cell.v as number;
      const out: LedgerCell = { value };
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) out.isDate = true;
      if (cell.w !== undefined && cell.w !== String(value)) out.text = cell.w;
      return out;
    }
    case 'd':
      // Only with cellDates, which we do not ask for; kept for safety as an ISO date text.
      return { value: (cell.v as Date).toISOString().slice(0, 10) };
    case 'b':
      return { value: Boolean(cell.v) };
    case 'e':
      return null;
    default: {
      const text = cell.v === undefined || cell.v === null ? '' : String(cell.v);
      if (text === '' || ERROR_VALUE.test(text.trim())) return null;
      return { value: text };
    }
  }
}
