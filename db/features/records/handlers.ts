import type { FeatureHandlers } from '../../rpc/types';
import { statement } from '../../store/statements';
import { deleteWithChildren, restoreWithChildren } from './cascade';
import { HISTORY_COLUMNS, SHOWN_FIELDS, toHistoryEntry, type HistoryRow } from './history';

export const recordHandlers: FeatureHandlers<'records.delete' | 'records.restore' | 'records.history'> = {
  'records.delete': ({ kind, id }, { db, actor }) => ({ changed: db.transaction(() => deleteWithChildren(db, actor, kind, id))() }),

  'records.restore': ({ kind, id }, { db, actor }) => ({ changed: db.transaction(() => restoreWithChildren(db, actor, kind, id))() }),

  /** Newest first, read backwards along field_history_by_row (row_id, id). */
  'records.history': ({ id, limit }, { db }) => {
    const rows = statement(db, `SELECT ${HISTORY_COLUMNS} FROM field_history WHERE row_id = ? AND ${SHOWN_FIELDS} ORDER BY id DESC LIMIT ?`).all(id, limit) as HistoryRow[];
    return rows.map(toHistoryEntry);
  },
};
