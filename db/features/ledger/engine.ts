/**
 * The one ledger engine, used by the RPC handlers and the CLI alike: inspect a workbook
 * (sheets, header, guessed columns), preview (plan every row, write nothing) and import
 * (plan and write in one transaction, journalled so it can be reverted).
 */
import type { LedgerColumnInfo, LedgerCounts, LedgerInspection, LedgerOutcome, LedgerReport, LedgerRowOutcome } from '../../../shared/contract/ledger';
import { AppError } from '../../../shared/errors';
import { cellText, columnCount, columnLetter, type LedgerSheet } from '../../../shared/ledger/cells';
import { detectHeaderRows, guessColumns, unitFromHeader, columnTitles, type HeaderRows } from '../../../shared/ledger/headers';
import { checkMapping, readLedgerRows, type ColumnMapping, type ParsedLedgerRow } from '../../../shared/ledger/rows';
import type { Db } from '../../sql';
import type { Actor } from '../../store/writer';
import { localIsoDate } from '../common/dates';
import { applyPlan } from './apply';
import { ImportJournal } from './journal';
import { writeImportLog } from './log';
import { LedgerPlanner, type RowPlan } from './plan';
import type { LedgerWorkbook } from './workbook';

const SAMPLE_VALUES = 3;
const TOP_DATA_ROWS = 5;

export interface LedgerRunOptions {
  sheet: string;
  header: HeaderRows;
  columns: readonly ColumnMapping[];
  /** YYYY-MM-DD; today when null. */
  fundsAsOf?: string | null;
}

export function findSheet(workbook: LedgerWorkbook, name?: string): LedgerSheet {
  if (name === undefined) return workbook.sheets.find((sheet) => detectHeaderRows(sheet) !== null) ?? workbook.sheets[0]!;
  const sheet = workbook.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new AppError('E_NOT_FOUND', `文件中没有名为“${name}”的工作表`, [{ path: 'sheet', code: 'E_NOT_FOUND', message: `没有工作表“${name}”` }]);
  return sheet;
}

/** What the mapping step shows: sheets, the header found (or asked for) and a guess per column. */
export function inspectWorkbook(workbook: LedgerWorkbook, sheetName?: string, header?: HeaderRows): Omit<LedgerInspection, 'uploadId'> {
  const sheet = findSheet(workbook, sheetName);
  const found = header ?? detectHeaderRows(sheet);
  const width = columnCount(sheet);
  const guesses = found ? guessColumns(sheet, found) : null;
  const dataStart = found ? found.last + 1 : 0;
  const columns: LedgerColumnInfo[] = Array.from({ length: width }, (_, column) => {
    const guess = guesses?.[column];
    const samples: string[] = [];
    for (let r = dataStart; r < sheet.rows.length && samples.length < SAMPLE_VALUES; r++) {
      const text = cellText(sheet.rows[r]?.[column]).trim();
      if (text !== '') samples.push(text.slice(0, 60));
    }
    return { column, letter: columnLetter(column), title: guess?.title ?? '', field: guess?.field ?? null, headerUnit: guess?.unit ?? null, samples };
  });
  const topCount = Math.min(sheet.rows.length, dataStart + TOP_DATA_ROWS);
  const topRows = Array.from({ length: topCount }, (_, r) => Array.from({ length: width }, (_, c) => cellText(sheet.rows[r]?.[c]).slice(0, 60)));
  const topMerges = sheet.merges.filter((merge) => merge.s.r < topCount).map((merge) => ({ s: { ...merge.s }, e: { ...merge.e } }));
  return {
    fileName: workbook.fileName,
    format: workbook.format,
    encoding: workbook.encoding,
    sheets: workbook.sheets.map((candidate) => ({ name: candidate.name, rowCount: candidate.rows.length, columnCount: columnCount(candidate) })),
    sheet: sheet.name,
    header: found,
    columns,
    topRows,
    topMerges,
  };
}

/** Parses the mapped rows; refuses a mapping without the required fields or with a field twice. */
export function parseSheet(workbook: LedgerWorkbook, options: LedgerRunOptions): ParsedLedgerRow[] {
  const problems = checkMapping(options.columns);
  if (problems.length > 0) {
    throw new AppError('E_LEDGER_MAPPING', problems[0]!.message, problems.map((problem) => ({ path: 'columns', code: problem.code, message: problem.message })));
  }
  const sheet = findSheet(workbook, options.sheet);
  const headerUnits = columnTitles(sheet, options.header).map((title) => {
    const parts = title.split('/').reverse();
    return parts.map(unitFromHeader).find((unit) => unit !== null) ?? null;
  });
  return readLedgerRows(sheet, options.header, options.columns, headerUnits);
}

export interface RunContext {
  db: Db;
  actor: Actor;
  now: Date;
}

/** Dry run: every row's outcome, decided against the database as it is now; nothing is written. */
export function previewLedger(ctx: RunContext, workbook: LedgerWorkbook, options: LedgerRunOptions): LedgerReport {
  const rows = parseSheet(workbook, options);
  const plans = ctx.db.transaction(() => planAll(ctx, rows, options))();
  return report(workbook, options, plans, true, null);
}

/** Thrown to roll the import's transaction back when no row changes anything. */
class NothingWritten extends Error {
  constructor(readonly report: LedgerReport) {
    super('nothing to import');
  }
}

/**
 * Plans and writes in one transaction; rows with errors are left out. Returns what was
 * done. An import that changes nothing is rolled back whole and not logged.
 */
export function importLedger(ctx: RunContext, workbook: LedgerWorkbook, options: LedgerRunOptions): LedgerReport {
  const rows = parseSheet(workbook, options);
  const { db, actor } = ctx;
  try {
    return db
      .transaction(() => {
        const journal = new ImportJournal(db);
        const plans = planAll(ctx, rows, options, (plan) => applyPlan(db, actor, journal, plan));
        const done = report(workbook, options, plans, false, null);
        if (journal.entries.length === 0) throw new NothingWritten(done);
        const state = journal.finish();
        const importId = writeImportLog(db, { actor, now: ctx.now, fileName: workbook.fileName, sheet: options.sheet, report: done, state, entries: journal.entries });
        return { ...done, importId };
      })
      .immediate();
  } catch (error) {
    if (error instanceof NothingWritten) return error.report;
    throw error;
  }
}

function planAll(ctx: RunContext, rows: readonly ParsedLedgerRow[], options: LedgerRunOptions, apply?: (plan: RowPlan) => void): RowPlan[] {
  const today = localIsoDate(ctx.now);
  const planner = new LedgerPlanner(ctx.db, { today, fundsAsOf: options.fundsAsOf ?? today });
  const plans: RowPlan[] = [];
  for (const row of rows) {
    if (row.kind === 'blank') continue;
    const plan = planner.planRow(row);
    if (apply && plan.outcome.outcome !== 'error') apply(plan);
    plans.push(plan);
  }
  return plans;
}

const OUTCOMES: readonly LedgerOutcome[] = ['new', 'update', 'unchanged', 'duplicate', 'error', 'skipped'];

function report(workbook: LedgerWorkbook, options: LedgerRunOptions, plans: readonly RowPlan[], dryRun: boolean, importId: string | null): LedgerReport {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as LedgerCounts;
  counts.rows = 0;
  counts.companiesCreated = 0;
  counts.contactsCreated = 0;
  counts.fundsEntries = 0;
  const rows: LedgerRowOutcome[] = [];
  for (const plan of plans) {
    counts[plan.outcome.outcome]++;
    if (plan.outcome.outcome !== 'skipped') counts.rows++;
    if (plan.newCompany) counts.companiesCreated++;
    if (plan.contact) counts.contactsCreated++;
    if (plan.funds) counts.fundsEntries++;
    rows.push(plan.outcome);
  }
  return { fileName: workbook.fileName, sheet: options.sheet, dryRun, counts, rows, importId };
}
