import { AppError } from '../../shared/errors';
import type { Db } from '../sql';
import { fieldKind, isEntityName, type FieldValue } from '../store/entities';
import { statement } from '../store/statements';
import { setDeleted, updateRow, type Actor } from '../store/writer';
import { ensureSyncSchema } from './state';

export interface StoredConflict {
  id: number;
  entity: string;
  rowId: string;
  field: string;
  kind: 'text' | 'deleted';
  kept: { value: unknown; hlc: string };
  other: { value: unknown; hlc: string };
  at: string;
}

interface ConflictRow {
  id: number;
  entity: string;
  row_id: string;
  field: string;
  kind: 'text' | 'deleted';
  kept_value: string | null;
  kept_hlc: string;
  other_value: string | null;
  other_hlc: string;
  at: string;
}

/** Open conflicts, newest first. */
export function listConflicts(db: Db, limit = 200): StoredConflict[] {
  ensureSyncSchema(db);
  const rows = statement(db, 'SELECT id, entity, row_id, field, kind, kept_value, kept_hlc, other_value, other_hlc, at FROM sync_conflict WHERE resolved_at IS NULL ORDER BY id DESC LIMIT ?').all(limit) as ConflictRow[];
  return rows.map((row) => ({
    id: row.id,
    entity: row.entity,
    rowId: row.row_id,
    field: row.field,
    kind: row.kind,
    kept: { value: parse(row.kept_value), hlc: row.kept_hlc },
    other: { value: parse(row.other_value), hlc: row.other_hlc },
    at: row.at,
  }));
}

/**
 * The user's pick. `kept`: the row stays as it is. `other`: the other value is written
 * again through the local write path — a new, later change every device will take — and
 * the value it replaces goes to field history. Either way nothing is lost: both values
 * are in history.
 */
export function resolveConflict(db: Db, actor: Actor, id: number, choice: 'kept' | 'other'): void {
  ensureSyncSchema(db);
  db.transaction(() => {
    const row = statement(db, 'SELECT id, entity, row_id, field, kind, kept_value, kept_hlc, other_value, other_hlc, at FROM sync_conflict WHERE id = ? AND resolved_at IS NULL').get(id) as
      | ConflictRow
      | undefined;
    if (!row) throw new AppError('E_NOT_FOUND', '冲突不存在或已处理');
    if (choice === 'other' && isEntityName(row.entity)) {
      if (row.kind === 'deleted') {
        // The hidden edit: bring the row back (a restore keeps its latest values).
        const deleted = statement(db, `SELECT deleted FROM ${row.entity} WHERE id = ?`).pluck().get(row.row_id);
        if (deleted === 1) setDeleted(db, actor, row.entity, row.row_id, false);
        const kind = fieldKind(row.entity, row.field);
        if (kind) updateRow(db, actor, row.entity, row.row_id, { [row.field]: parse(row.other_value) as FieldValue });
      } else if (fieldKind(row.entity, row.field)) {
        updateRow(db, actor, row.entity, row.row_id, { [row.field]: parse(row.other_value) as FieldValue });
      }
    }
    statement(db, 'UPDATE sync_conflict SET resolved_at = ?, choice = ? WHERE id = ?').run(actor.now().toISOString(), choice, id);
    // The same disagreement reported twice (push summary and pull) is one decision.
    statement(db, 'UPDATE sync_conflict SET resolved_at = ?, choice = ? WHERE resolved_at IS NULL AND entity = ? AND row_id = ? AND field = ? AND kept_hlc <= ?').run(
      actor.now().toISOString(),
      choice,
      row.entity,
      row.row_id,
      row.field,
      row.kept_hlc,
    );
  })();
}

function parse(value: string | null): unknown {
  return value === null ? null : JSON.parse(value);
}
