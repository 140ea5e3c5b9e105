/**
 * Undoing an import. Two ways, chosen by the state of the database:
 *
 * - exact: nothing has been written since the import (its `after` digest holds). Every
 *   row, history entry, clock, outbox entry, meta value and search-index page it wrote is
 *   removed or put back, and so is its log entry: the database is byte for byte what it
 *   was before (contentHash equal), and the outbox never pushes the reverted changes.
 * - compensating: something was written since (another edit, another import, a sync
 *   push that trimmed the outbox). Deleting history that may already be on the platform
 *   would split the device from it, so the revert writes new changes instead, through the
 *   writer: rows the import created are marked deleted, fields it changed are set back —
 *   each only if nobody changed it again after the import (that is reported and kept).
 *   The log entry stays, marked reverted.
 */
import type { LedgerRevertResult } from '../../../shared/contract/ledger';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../sql';
import { ENTITIES, fromColumn, type EntityName, type FieldKind, type FieldValue } from '../../store/entities';
import { setDeleted, updateRow, type Actor } from '../../store/writer';
import { stateDigest, undoImport, type JournalEntry, type JournalState } from './journal';
import { readEntries, readImport, type ImportRow } from './log';
import { plainRows } from './snapshot';

const ENTITY_LABELS: Partial<Record<EntityName, string>> = { company: '企业', contact: '联系人', project: '项目', project_stage_event: '阶段记录', funds_entry: '到位资金' };

/** Rows that point at a company or project; a compensating revert keeps a parent someone added to since. */
const CHILDREN: Partial<Record<EntityName, readonly (readonly [string, string])[]>> = {
  company: [['contact', 'company_id'], ['project', 'company_id'], ['visit', 'company_id'], ['task', 'company_id']],
  project: [['project_stage_event', 'project_id'], ['funds_entry', 'project_id'], ['task', 'project_id']],
};

export function revertImport(db: Db, actor: Actor, importId: string, now: Date): LedgerRevertResult {
  return db
    .transaction(() => {
      const row = readImport(db, importId);
      if (row.status !== 'active') throw new AppError('E_LEDGER_ALREADY_REVERTED', '这次导入已经撤销过了');
      const state = JSON.parse(row.journal) as JournalState;
      const entries = readEntries(db, importId);
      if (stateDigest(db) === state.after) {
        undoImport(db, state, entries);
        db.prepare('DELETE FROM ledger_import WHERE id = ?').run(importId);
        return { importId, mode: 'exact' as const, removed: entries.filter((entry) => entry.kind === 'created').length, restored: entries.filter((entry) => entry.kind === 'updated').length, kept: [] };
      }
      return compensate(db, actor, row, entries, now);
    })
    .immediate();
}

function compensate(db: Db, actor: Actor, row: ImportRow, entries: readonly JournalEntry[], now: Date): LedgerRevertResult {
  const result: LedgerRevertResult = { importId: row.id, mode: 'compensating', removed: 0, restored: 0, kept: [] };
  const createdIds = new Set(entries.filter((entry) => entry.kind === 'created').map((entry) => entry.rowId));
  const isImportClock = (hlc: string | undefined): boolean => hlc !== undefined && row.hlc_from !== null && row.hlc_to !== null && hlc >= row.hlc_from && hlc <= row.hlc_to;
  const keep = (entry: JournalEntry, message: string): void => {
    result.kept.push({ entity: entry.entity, rowId: entry.rowId, message: `${ENTITY_LABELS[entry.entity] ?? entry.entity}：${message}` });
  };

  for (const entry of [...entries].reverse()) {
    const table = ENTITIES[entry.entity].table;
    if (entry.kind === 'created') {
      const live = db.prepare(`SELECT deleted FROM ${table} WHERE id = ?`).get(entry.rowId) as { deleted: number } | undefined;
      if (!live || live.deleted === 1) continue;
      const addedSince = (CHILDREN[entry.entity] ?? []).find(([child, column]) =>
        (db.prepare(`SELECT id FROM ${child} WHERE ${column} = ? AND deleted = 0`).pluck().all(entry.rowId) as string[]).some((id) => !createdIds.has(id)),
      );
      if (addedSince) {
        keep(entry, '导入后又新增了与之关联的记录，未删除');
        continue;
      }
      setDeleted(db, actor, entry.entity, entry.rowId, true);
      result.removed++;
      continue;
    }
    const before = plainRows(entry.before!.row)[0];
    const current = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(entry.rowId) as Record<string, unknown> | undefined;
    if (!before || !current) continue;
    const clocks = new Map((db.prepare('SELECT field, hlc FROM field_clock WHERE row_id = ?').all(entry.rowId) as { field: string; hlc: string }[]).map((clock) => [clock.field, clock.hlc]));
    const kinds = ENTITIES[entry.entity].fields as Record<string, FieldKind>;
    const patch: Record<string, FieldValue> = {};
    const changedSince: string[] = [];
    for (const [field, kind] of Object.entries(kinds)) {
      if (before[field] === current[field]) continue;
      if (isImportClock(clocks.get(field))) patch[field] = fromColumn(kind, before[field]);
      else changedSince.push(field);
    }
    if (changedSince.length > 0) keep(entry, `导入后又修改过的字段未还原（${changedSince.join('、')}）`);
    if (Object.keys(patch).length > 0 && current.deleted === 0) {
      updateRow(db, actor, entry.entity, entry.rowId, patch);
      result.restored++;
    }
  }
  db.prepare("UPDATE ledger_import SET status = 'reverted', reverted_at = ?, revert_summary = ? WHERE id = ?").run(now.toISOString(), JSON.stringify(result), row.id);
  return result;
}
