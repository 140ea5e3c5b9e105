/**
 * Names for member and team ids. Users are known by id until the platform's accounts
 * arrive; names come from what this device has seen (the weekly-log files and devices a
 * lead accepted), this device's own user is 本机用户, and any other id shows its start.
 */
import type { Db } from '../../sql';

const SHORT_ID = 8;

export function memberLabels(db: Db, localUserId: string | null): Map<string, string> {
  const labels = new Map<string, string>();
  for (const sql of [
    'SELECT user_id AS id, user_name AS name FROM known_device WHERE user_id IS NOT NULL AND user_name IS NOT NULL',
    'SELECT user_id AS id, user_name AS name FROM weeklog_import',
  ]) {
    try {
      for (const row of db.prepare(sql).all() as { id: string; name: string }[]) if (row.name) labels.set(row.id, row.name);
    } catch {
      // The team tables are another feature's; without them ids stand for themselves.
    }
  }
  if (localUserId && !labels.has(localUserId)) labels.set(localUserId, '本机用户');
  return labels;
}

export function idLabel(id: string | null, labels: Map<string, string>, prefix: string): string {
  if (id === null) return '未指定';
  return labels.get(id) ?? `${prefix} ${id.slice(0, SHORT_ID)}`;
}
