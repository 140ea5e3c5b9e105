/**
 * Rows copied out and written back exactly, by SQL alone: each row is a JSON array of
 * (type, value) pairs, blobs as hex. Values never pass through JavaScript numbers, so
 * 64-bit integers (FTS5 page ids) and reals come back bit for bit.
 */
import type { Db } from '../../sql';

export interface Snapshot {
  table: string;
  columns: string[];
  /** JSON text: an array of encoded rows. Kept as text so no value is ever parsed into a JS number. */
  rows: string;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function tableColumns(db: Db, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string }[]).map((column) => column.name);
}

/** SQL for one row as [type, value, …]; `prefix` qualifies the columns (e.g. 'OLD.'). */
function encodeRow(columns: readonly string[]): string {
  const pairs = columns.map((column) => {
    const name = quote(column);
    return `typeof(${name}), CASE typeof(${name}) WHEN 'blob' THEN hex(${name}) ELSE ${name} END`;
  });
  return `json_array(${pairs.join(', ')})`;
}

/** SQL for column `index` of an encoded row held in `source`. */
function decodeColumn(index: number, source = 'value'): string {
  const type = `json_extract(${source}, '$[${2 * index}]')`;
  const value = `json_extract(${source}, '$[${2 * index + 1}]')`;
  return `CASE ${type} WHEN 'blob' THEN unhex(${value}) WHEN 'null' THEN NULL ELSE ${value} END`;
}

/** The rows of `table` matching `where` (fixed SQL with ? parameters). */
export function snapshot(db: Db, table: string, where: string, params: readonly unknown[] = []): Snapshot {
  const columns = tableColumns(db, table);
  const rows = db.prepare(`SELECT coalesce(json_group_array(json(row)), '[]') FROM (SELECT ${encodeRow(columns)} AS row FROM ${quote(table)} WHERE ${where})`).pluck().get(...params) as string;
  return { table, columns, rows };
}

export function isEmpty(shot: Snapshot): boolean {
  return shot.rows === '[]';
}

/** Writes the snapshot's rows back, replacing rows with the same key. */
export function restoreRows(db: Db, shot: Snapshot): void {
  if (isEmpty(shot)) return;
  const columns = shot.columns.map(quote).join(', ');
  const values = shot.columns.map((_, index) => decodeColumn(index)).join(', ');
  db.prepare(`INSERT OR REPLACE INTO ${quote(shot.table)} (${columns}) SELECT ${values} FROM json_each(?)`).run(shot.rows);
}

/** Sets an existing row (found by `keyColumn`) back to the snapshot's only row, keeping its rowid. */
export function restoreInPlace(db: Db, shot: Snapshot, keyColumn: string, key: string): void {
  if (isEmpty(shot)) return;
  const columns = shot.columns.map(quote).join(', ');
  const values = shot.columns.map((_, index) => decodeColumn(index)).join(', ');
  db.prepare(`UPDATE ${quote(shot.table)} SET (${columns}) = (SELECT ${values} FROM json_each(?) LIMIT 1) WHERE ${quote(keyColumn)} = ?`).run(shot.rows, key);
}

/** The snapshot's rows as plain values (text and safe integers only: for the writer's tables). */
export function plainRows(shot: Snapshot): Record<string, unknown>[] {
  const rows = JSON.parse(shot.rows) as unknown[][];
  return rows.map((row) => Object.fromEntries(shot.columns.map((column, index) => [column, row[2 * index + 1] ?? null])));
}
