import { createHash } from 'node:crypto';
import type { Db } from '../../sql';
import { ENTITIES } from '../../store/entities';

/**
 * A hash of what a merge must leave identical whatever order files are imported in
 * (docs/weeklog-format.md, "Order independence"):
 *
 * - every synced table, every column, row by row (ids, values, created_at, updated_at);
 * - field_clock, and the merge bookkeeping (import_change, import_parked_*);
 * - field_history as a multiset of (entity, row, field, value, stamp, device, user, time):
 *   every value any device wrote. Its row ids follow arrival order, and old_value and
 *   won/lost (source) say what was there *when* the value arrived — order-dependent by
 *   nature, so they are left out;
 * - the search documents as a set (their FTS row ids follow insertion order).
 *
 * Left out: weeklog_import (when each file was imported and its per-file counts), meta,
 * schema_migrations (applied_at), known_device, the lead's own outbox.
 */
export function mergeProjectionHash(db: Db): string {
  const hash = createHash('sha256');
  const dump = (label: string, sql: string): void => {
    hash.update(`## ${label}\n`);
    for (const row of db.prepare(sql).raw().iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
    }
  };
  for (const spec of Object.values(ENTITIES)) dump(spec.table, `SELECT * FROM ${spec.table} ORDER BY id`);
  dump('field_clock', 'SELECT entity, row_id, field, hlc FROM field_clock ORDER BY entity, row_id, field');
  dump('import_change', 'SELECT change_id, content_hash FROM import_change ORDER BY change_id');
  dump('import_parked_field', 'SELECT * FROM import_parked_field ORDER BY entity, row_id, field');
  dump('import_parked_row', 'SELECT * FROM import_parked_row ORDER BY entity, row_id');
  dump(
    'field_history',
    `SELECT entity, row_id, field, new_value, hlc, device_id, user_id, changed_at FROM field_history
     ORDER BY entity, row_id, field, hlc, new_value, device_id, user_id, changed_at`,
  );
  dump('search', 'SELECT kind, row_id, company_id, terms FROM search_fts ORDER BY row_id, kind, terms');
  return hash.digest('hex');
}
