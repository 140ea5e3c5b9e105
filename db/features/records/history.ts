import type { HistoryEntry } from '../../../shared/contract';

export interface HistoryRow {
  entity: string;
  row_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_at: string;
  device_id: string;
  user_id: string | null;
  source: string;
}

export const HISTORY_COLUMNS = 'entity, row_id, field, old_value, new_value, changed_at, device_id, user_id, source';

/**
 * A condition on `field_history` leaving out fields a person never typed (the name's
 * matching key is derived from the name); in SQL so that LIMIT counts shown rows only.
 */
export const SHOWN_FIELDS = "field <> 'name_norm'";

/** History names fields as the records do (`credit_code` → `creditCode`), values JSON-decoded. */
export function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    entity: row.entity,
    rowId: row.row_id,
    field: camelCase(row.field),
    oldValue: decode(row.old_value),
    newValue: decode(row.new_value),
    changedAt: row.changed_at,
    deviceId: row.device_id,
    userId: row.user_id,
    source: row.source,
  };
}

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, next: string) => next.toUpperCase());
}

function decode(value: string | null): unknown {
  return value === null ? null : JSON.parse(value);
}
