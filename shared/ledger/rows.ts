/**
 * Reading the data rows of a mapped sheet: every mapped cell parsed by its field's kind,
 * every problem reported with its cell (C7) and a Chinese reason. Pure: the same code
 * runs for the preview, the import and the CLI.
 */
import type { AmountUnit } from '../domain/money';
import type { Result } from '../domain/result';
import type { Stage } from '../domain/stages';
import { collapseWhitespace, removeWhitespace } from '../domain/text';
import { cellAt, cellRef, cellText, type LedgerCell, type LedgerSheet } from './cells';
import { LEDGER_FIELDS, type LedgerFieldKey, type LedgerFieldSpec } from './fields';
import type { HeaderRows } from './headers';
import { ledgerFail } from './messages';
import {
  isBlankCell,
  normalizeCity,
  parseLedgerAmount,
  parseLedgerCount,
  parseLedgerCreditCode,
  parseLedgerDate,
  parseLedgerPhone,
  parseLedgerStage,
  parseLedgerText,
  parseTargetLocation,
} from './values';

export interface ColumnMapping {
  column: number;
  field: LedgerFieldKey;
  /** For money columns: the unit of a bare number. Defaults to the header's unit, then the field's. */
  unit?: AmountUnit | null;
}

/** One row's values, in our units: money integer 元, dates YYYY-MM-DD. Absent = not filled in. */
export interface LedgerValues {
  companyName?: string;
  creditCode?: string;
  companyDistrict?: string;
  contactName?: string;
  contactTitle?: string;
  contactMobile?: string;
  contactPhone?: string;
  projectName?: string;
  industry?: string;
  investmentYuan?: number;
  signedAmountYuan?: number;
  fundsInPlaceYuan?: number;
  signedDate?: string;
  startPlannedDate?: string;
  startDate?: string;
  productionPlannedDate?: string;
  productionDate?: string;
  stage?: Stage;
  targetCity?: string;
  targetCounty?: string;
  targetPark?: string;
  agreementNo?: string;
  expectedJobs?: number;
  expectedOutputYuan?: number;
  notes?: string;
}

export interface CellProblem {
  /** C7; empty when the problem is the row as a whole. */
  cell: string;
  field: LedgerFieldKey | null;
  code: string;
  message: string;
}

export type RowKind = 'data' | 'blank' | 'total' | 'note';

export interface ParsedLedgerRow {
  /** Zero-based sheet row (spreadsheet row `row + 1`). */
  row: number;
  kind: RowKind;
  values: LedgerValues;
  /** Where each field was read from, for messages about the row later on. */
  cells: Partial<Record<LedgerFieldKey, string>>;
  errors: CellProblem[];
  warnings: CellProblem[];
}

export interface ReadOptions {
  date1904?: boolean;
}

const TOTAL_ROW = /^(?:合计|总计|小计|共计|累计合计)/;
const NOTE_ROW = /^(?:注|备注|说明|填表说明|填报说明|制表|审核|填表人|填报单位)[:：]?/;

/** The unit a money column is read in. */
export function columnUnit(mapping: ColumnMapping, headerUnit: AmountUnit | null): AmountUnit {
  const spec: LedgerFieldSpec = LEDGER_FIELDS[mapping.field];
  return mapping.unit ?? headerUnit ?? spec.defaultUnit ?? '万元';
}

/** Every row below the header, parsed. `units` are the header units by column (from guessColumns). */
export function readLedgerRows(
  sheet: LedgerSheet,
  header: HeaderRows,
  mappings: readonly ColumnMapping[],
  headerUnits: readonly (AmountUnit | null)[] = [],
): ParsedLedgerRow[] {
  const rows: ParsedLedgerRow[] = [];
  for (let r = header.last + 1; r < sheet.rows.length; r++) rows.push(readLedgerRow(sheet, r, mappings, headerUnits));
  while (rows.length > 0 && rows[rows.length - 1]!.kind === 'blank') rows.pop();
  return rows;
}

export function readLedgerRow(sheet: LedgerSheet, r: number, mappings: readonly ColumnMapping[], headerUnits: readonly (AmountUnit | null)[] = []): ParsedLedgerRow {
  const row: ParsedLedgerRow = { row: r, kind: rowKind(sheet, r), values: {}, cells: {}, errors: [], warnings: [] };
  if (row.kind !== 'data') return row;
  for (const mapping of mappings) {
    const cell = cellAt(sheet, r, mapping.column);
    const ref = cellRef(r, mapping.column);
    if (!row.cells[mapping.field]) row.cells[mapping.field] = ref;
    readCell(row, mapping, cell, ref, columnUnit(mapping, headerUnits[mapping.column] ?? null), sheet.date1904);
  }
  for (const [field, spec] of Object.entries(LEDGER_FIELDS) as [LedgerFieldKey, (typeof LEDGER_FIELDS)[LedgerFieldKey]][]) {
    if (!('required' in spec) || !spec.required) continue;
    const key = field as 'companyName' | 'projectName';
    if (row.values[key] === undefined && !row.errors.some((error) => error.field === field)) {
      const mapping = mappings.find((candidate) => candidate.field === field);
      row.errors.push(problem(mapping ? cellRef(r, mapping.column) : '', field, ledgerFail('E_LEDGER_REQUIRED', spec.label)));
    }
  }
  return row;
}

function rowKind(sheet: LedgerSheet, r: number): RowKind {
  const cells = (sheet.rows[r] ?? []).filter((cell): cell is LedgerCell => !isBlankCell(cell));
  if (cells.length === 0) return 'blank';
  const leading = cells.slice(0, 3).map((cell) => removeWhitespace(cellText(cell)));
  if (leading.some((text) => TOTAL_ROW.test(text))) return 'total';
  if (cells.length === 1 && NOTE_ROW.test(leading[0] ?? '')) return 'note';
  return 'data';
}

function problem(cell: string, field: LedgerFieldKey | null, result: { code: string; message: string }): CellProblem {
  return { cell, field, code: result.code, message: result.message };
}

function readCell(row: ParsedLedgerRow, mapping: ColumnMapping, cell: LedgerCell | null, ref: string, unit: AmountUnit, date1904: boolean): void {
  const field = mapping.field;
  const spec = LEDGER_FIELDS[field];
  const values = row.values as Record<string, unknown>;
  const take = <T>(result: Result<T | null>, assign: (value: T) => void): void => {
    if (!result.ok) row.errors.push(problem(ref, field, result));
    else if (result.value !== null) assign(result.value);
  };
  switch (spec.kind) {
    case 'text': {
      const text = parseLedgerText(cell);
      if (text === null) return;
      const max = 'maxLength' in spec ? spec.maxLength : 5000;
      if (Array.from(text).length > max) {
        row.errors.push(problem(ref, field, ledgerFail('E_LEDGER_TEXT_TOO_LONG', spec.label, max)));
        return;
      }
      if (field === 'targetCity') values.targetCity = normalizeCity(text);
      else if (field === 'notes' && values.notes !== undefined) values.notes = `${String(values.notes)}；${text}`;
      else values[field] = text;
      return;
    }
    case 'amount':
      take(parseLedgerAmount(cell, unit), (yuan) => (values[`${field}Yuan`] = yuan));
      return;
    case 'date':
      take(parseLedgerDate(cell, date1904), (parsed) => {
        values[field] = parsed.date;
        if (parsed.precision === 'month') {
          row.warnings.push({ cell: ref, field, code: 'W_LEDGER_DATE_MONTH', message: `${spec.label}“${collapseWhitespace(cellText(cell))}”只到月份，按当月 1 日（${parsed.date}）记` });
        }
      });
      return;
    case 'stage':
      take(parseLedgerStage(cell), (stage) => (values.stage = stage));
      return;
    case 'creditCode':
      take(parseLedgerCreditCode(cell), (code) => (values.creditCode = code));
      return;
    case 'phone':
      take(parseLedgerPhone(cell), (phone) => {
        if (phone.mobile) values.contactMobile = phone.mobile;
        if (phone.phone) values.contactPhone = phone.phone;
      });
      return;
    case 'count':
      take(parseLedgerCount(cell), (count) => (values.expectedJobs = count));
      return;
    case 'location': {
      const location = parseTargetLocation(cell);
      if (!location) return;
      if (location.city && values.targetCity === undefined) values.targetCity = location.city;
      if (location.county && values.targetCounty === undefined) values.targetCounty = location.county;
      if (location.rest) {
        row.warnings.push({ cell: ref, field, code: 'W_LEDGER_LOCATION_REST', message: `落地地点中的“${location.rest}”不是市（州）或县（区），未导入；园区请填在“落地园区”列` });
      }
      return;
    }
  }
}

/** A mapping the importer can run: the two required fields present, no field twice (备注 may repeat). */
export function checkMapping(mappings: readonly ColumnMapping[]): CellProblem[] {
  const problems: CellProblem[] = [];
  for (const field of ['companyName', 'projectName'] as const) {
    if (!mappings.some((mapping) => mapping.field === field)) {
      problems.push({ cell: '', field, code: 'E_LEDGER_MAPPING_REQUIRED', message: `请指定“${LEDGER_FIELDS[field].label}”所在的列` });
    }
  }
  const seen = new Set<LedgerFieldKey>();
  for (const mapping of mappings) {
    if (seen.has(mapping.field) && mapping.field !== 'notes') {
      problems.push({ cell: '', field: mapping.field, code: 'E_LEDGER_MAPPING_TWICE', message: `“${LEDGER_FIELDS[mapping.field].label}”对应了多列，请只保留一列` });
    }
    seen.add(mapping.field);
  }
  return problems;
}
