import type { SyncConflict } from '../../shared/sync/schema';
import type { Db } from '../sql';
import { statement } from '../store/statements';

/**
 * The sync client's own tables, created on first use (CREATE … IF NOT EXISTS), so the
 * client needs no migration number that other features might also claim. The app's
 * `meta` table holds the cursors:
 *
 * - `sync_acked_seq`: the highest outbox seq the platform has applied (its `lastAppliedSeq`);
 * - `sync_cursor`: the platform change-log cursor of the last page applied;
 * - `sync_batch`: the batch being pushed (id, range, body), so a retry — even after a
 *   restart — sends the same batch id with the same content;
 * - `sync_last_ok`, `sync_last_error`, `sync_blocked` (clock skew), `sync_mass_delete`
 *   (a pull page waiting for the user's yes), `sync_mass_delete_ok` (that yes).
 */
export function ensureSyncSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS sync_attention (
      change_id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      op TEXT NOT NULL,
      fields TEXT NOT NULL,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS sync_conflict (
      id INTEGER PRIMARY KEY,
      change_id TEXT NOT NULL,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      kind TEXT NOT NULL,
      kept_value TEXT,
      kept_hlc TEXT NOT NULL,
      other_value TEXT,
      other_hlc TEXT NOT NULL,
      at TEXT NOT NULL,
      resolved_at TEXT,
      choice TEXT,
      UNIQUE (entity, row_id, field, kept_hlc, other_hlc)
    ) STRICT;
  `);
}

export function getMeta(db: Db, key: string): string | null {
  return (statement(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setMeta(db: Db, key: string, value: string | null): void {
  if (value === null) statement(db, 'DELETE FROM meta WHERE key = ?').run(key);
  else statement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function getNumber(db: Db, key: string): number {
  const value = getMeta(db, key);
  return value === null ? 0 : Number(value);
}

/** Records a conflict once (the push summary and the local pull merge both report it). */
export function recordConflict(db: Db, conflict: SyncConflict, at: string): void {
  statement(
    db,
    `INSERT INTO sync_conflict (change_id, entity, row_id, field, kind, kept_value, kept_hlc, other_value, other_hlc, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(
    conflict.changeId,
    conflict.entity,
    conflict.rowId,
    conflict.field,
    conflict.kind,
    JSON.stringify(conflict.kept.value),
    conflict.kept.hlc,
    JSON.stringify(conflict.other.value),
    conflict.other.hlc,
    at,
  );
}
