/** The import log: one row per import, with its report and what a revert needs. */
import { v7 as uuidv7 } from 'uuid';
import type { LedgerCounts, LedgerImportEntry, LedgerReport } from '../../../shared/contract/ledger';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../sql';
import type { EntityName } from '../../store/entities';
import type { Actor } from '../../store/writer';
import { stateDigest, type JournalEntry, type JournalState, type RowBefore } from './journal';

export interface ImportLogInput {
  actor: Actor;
  now: Date;
  fileName: string;
  sheet: string;
  report: LedgerReport;
  state: JournalState;
  entries: readonly JournalEntry[];
}

export function writeImportLog(db: Db, input: ImportLogInput): string {
  const id = uuidv7();
  const hlc = db.prepare('SELECT min(hlc) AS hlcFrom, max(hlc) AS hlcTo FROM field_history WHERE id > ?').get(input.state.fieldHistoryMax) as { hlcFrom: string | null; hlcTo: string | null };
  db.prepare(
    `INSERT INTO ledger_import (id, file_name, sheet, imported_at, user_id, counts, report, journal, hlc_from, hlc_to)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.fileName, input.sheet, input.now.toISOString(), input.actor.userId, JSON.stringify(input.report.counts), JSON.stringify(input.report.rows), JSON.stringify(input.state), hlc.hlcFrom, hlc.hlcTo);
  const change = db.prepare('INSERT INTO ledger_import_change (import_id, seq, entity, row_id, kind, before) VALUES (?, ?, ?, ?, ?, ?)');
  input.entries.forEach((entry, seq) => change.run(id, seq, entry.entity, entry.rowId, entry.kind, entry.before ? JSON.stringify(entry.before) : null));
  return id;
}

export interface ImportRow {
  id: string;
  file_name: string;
  sheet: string;
  imported_at: string;
  counts: string;
  report: string;
  journal: string;
  hlc_from: string | null;
  hlc_to: string | null;
  status: 'active' | 'reverted';
  reverted_at: string | null;
}

export function readImport(db: Db, id: string): ImportRow {
  const row = db.prepare('SELECT * FROM ledger_import WHERE id = ?').get(id) as ImportRow | undefined;
  if (!row) throw new AppError('E_NOT_FOUND', '没有这次导入的记录（可能已被完全撤销）', [{ path: 'importId', code: 'E_NOT_FOUND', message: '导入记录不存在' }]);
  return row;
}

export function readEntries(db: Db, id: string): JournalEntry[] {
  const rows = db.prepare('SELECT entity, row_id, kind, before FROM ledger_import_change WHERE import_id = ? ORDER BY seq').all(id) as {
    entity: EntityName;
    row_id: string;
    kind: 'created' | 'updated';
    before: string | null;
  }[];
  return rows.map((row) => ({ entity: row.entity, rowId: row.row_id, kind: row.kind, before: row.before ? (JSON.parse(row.before) as RowBefore) : null }));
}

/** Exact while the database is as the import left it; otherwise a revert writes new changes. */
export function revertModeOf(db: Db, row: Pick<ImportRow, 'status' | 'journal'>): LedgerImportEntry['revertMode'] {
  if (row.status !== 'active') return null;
  const state = JSON.parse(row.journal) as JournalState;
  return stateDigest(db) === state.after ? 'exact' : 'compensating';
}

export function listImports(db: Db): LedgerImportEntry[] {
  const rows = db.prepare('SELECT id, file_name, sheet, imported_at, counts, status, reverted_at, journal FROM ledger_import ORDER BY imported_at DESC, id DESC').all() as ImportRow[];
  const digest = rows.length > 0 ? stateDigest(db) : '';
  return rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    sheet: row.sheet,
    importedAt: row.imported_at,
    counts: JSON.parse(row.counts) as LedgerCounts,
    status: row.status,
    revertedAt: row.reverted_at,
    revertMode: row.status !== 'active' ? null : (JSON.parse(row.journal) as JournalState).after === digest ? 'exact' : 'compensating',
  }));
}

export function importReport(db: Db, id: string): LedgerReport {
  const row = readImport(db, id);
  return { fileName: row.file_name, sheet: row.sheet, dryRun: false, counts: JSON.parse(row.counts) as LedgerCounts, rows: JSON.parse(row.report) as LedgerReport['rows'], importId: row.id };
}
