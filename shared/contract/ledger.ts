import { z } from 'zod';
import type { AmountUnit } from '../domain/money';
import { LEDGER_FIELD_KEYS, type LedgerFieldKey } from '../ledger/fields';
import type { CellProblem } from '../ledger/rows';
import { method } from './define';
import { optionalDate, rowId } from './fields';

/** A ledger file travels in chunks of at most this many bytes (base64 keeps each call under the 1 MiB RPC limit). */
export const LEDGER_CHUNK_BYTES = 512 * 1024;
export const MAX_LEDGER_FILE_BYTES = 50 * 1024 * 1024;
const MAX_COLUMNS = 256;

export interface LedgerUploadState {
  uploadId: string;
  receivedBytes: number;
  complete: boolean;
}

export interface LedgerSheetInfo {
  name: string;
  rowCount: number;
  columnCount: number;
}

export interface LedgerColumnInfo {
  column: number;
  /** A, B, … AA */
  letter: string;
  /** Header texts top to bottom joined with '/': 项目基本情况/项目名称. */
  title: string;
  /** The guessed field (the mapping step starts from it). */
  field: LedgerFieldKey | null;
  /** The unit the header names, if any. */
  headerUnit: AmountUnit | null;
  /** A few values from the first data rows, as shown. */
  samples: string[];
}

export interface LedgerInspection {
  uploadId: string;
  fileName: string;
  format: 'xlsx' | 'xls' | 'csv';
  encoding: string | null;
  sheets: LedgerSheetInfo[];
  sheet: string;
  /** Zero-based inclusive header rows; null when no header was recognised. */
  header: { first: number; last: number } | null;
  columns: LedgerColumnInfo[];
  /** The sheet's first rows as shown (header and a few data rows), for the mapping step. */
  topRows: string[][];
  /** Merged ranges within `topRows`. */
  topMerges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
}

export type LedgerOutcome = 'new' | 'update' | 'unchanged' | 'duplicate' | 'error' | 'skipped';

export interface LedgerFieldChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
}

export interface LedgerRowOutcome {
  /** The spreadsheet's row number (1-based, as Excel shows it). */
  row: number;
  outcome: LedgerOutcome;
  companyName: string | null;
  projectName: string | null;
  /** What happens to the company: created by this row, found, or found and completed (e.g. its credit code). */
  company: 'new' | 'existing' | 'update' | null;
  companyId: string | null;
  projectId: string | null;
  duplicateOfRow: number | null;
  changes: LedgerFieldChange[];
  errors: CellProblem[];
  warnings: CellProblem[];
}

export type LedgerCounts = Record<LedgerOutcome, number> & {
  /** Data rows (blank rows not counted). */
  rows: number;
  companiesCreated: number;
  contactsCreated: number;
  fundsEntries: number;
};

export interface LedgerReport {
  fileName: string;
  sheet: string;
  dryRun: boolean;
  counts: LedgerCounts;
  rows: LedgerRowOutcome[];
  /** Set once written: the import to look up or revert. */
  importId: string | null;
}

export interface LedgerImportEntry {
  id: string;
  fileName: string;
  sheet: string;
  importedAt: string;
  counts: LedgerCounts;
  status: 'active' | 'reverted';
  revertedAt: string | null;
  /** How a revert would run now: 'exact' while nothing was written after the import. */
  revertMode: 'exact' | 'compensating' | null;
}

export interface LedgerRevertResult {
  importId: string;
  mode: 'exact' | 'compensating';
  /** Records removed (exact) or marked deleted (compensating). */
  removed: number;
  /** Records whose fields were set back. */
  restored: number;
  /** What a compensating revert left alone, and why (changed again after the import). */
  kept: { entity: string; rowId: string; message: string }[];
}

const uploadId = z.string().regex(/^[0-9a-f-]{36}$/i, '上传编号格式不正确');
const headerRows = z
  .object({ first: z.number().int().min(0).max(1000), last: z.number().int().min(0).max(1000) })
  .strict()
  .refine((rows) => rows.first <= rows.last, '表头起始行不能在结束行之后');

export const LedgerColumnMappingSchema = z
  .object({
    column: z.number().int().min(0).max(MAX_COLUMNS - 1),
    field: z.enum(LEDGER_FIELD_KEYS),
    unit: z.enum(['亿元', '万元', '元']).nullish(),
  })
  .strict();

const runInput = z
  .object({
    uploadId,
    sheet: z.string().min(1).max(100),
    header: headerRows,
    columns: z.array(LedgerColumnMappingSchema).max(MAX_COLUMNS),
    /** The date new 到位资金 entries carry (the ledger's 截至 date); today when blank. */
    fundsAsOf: optionalDate('到位资金截至日期'),
  })
  .strict();

export const ledgerContract = {
  /** One chunk of a file, in order; the first chunk (offset 0) starts an upload and returns its id. */
  'ledger.upload': method<LedgerUploadState>()(
    z
      .object({
        uploadId: uploadId.optional(),
        fileName: z.string().trim().min(1).max(200),
        totalBytes: z.number().int().min(1).max(MAX_LEDGER_FILE_BYTES, `文件不能超过 ${MAX_LEDGER_FILE_BYTES / 1024 / 1024} MB`),
        offset: z.number().int().min(0),
        /** Base64 of at most LEDGER_CHUNK_BYTES bytes. */
        data: z.string().max(Math.ceil(LEDGER_CHUNK_BYTES / 3) * 4 + 4),
      })
      .strict(),
  ),
  /** Sheets, the recognised header and a guessed field per column. */
  'ledger.inspect': method<LedgerInspection>()(z.object({ uploadId, sheet: z.string().max(100).optional(), header: headerRows.optional() }).strict()),
  /** Dry run: every row's outcome, nothing written. */
  'ledger.preview': method<LedgerReport>()(runInput),
  /** Writes the rows without errors in one transaction and logs the import. */
  'ledger.import': method<LedgerReport>()(runInput),
  'ledger.imports': method<LedgerImportEntry[]>()(z.object({}).strict()),
  'ledger.importReport': method<LedgerReport>()(z.object({ importId: rowId }).strict()),
  /** Undoes an import: exactly while nothing was written after it, otherwise by new changes that sync can carry. */
  'ledger.revert': method<LedgerRevertResult>()(z.object({ importId: rowId }).strict()),
};
