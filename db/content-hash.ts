import { createHash } from 'node:crypto';
import type { Db } from './sql';

/**
 * A hash of everything a user could lose: the schema, `user_version` and every row of
 * every table in a fixed order. Tests use it to prove that refused input changed nothing.
 */
export function contentHash(db: Db): string {
  const hash = createHash('sha256');
  hash.update(`user_version=${String(db.pragma('user_version', { simple: true }))}\n`);
  const objects = db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[];
  for (const object of objects) {
    hash.update(`${object.type} ${object.name}: ${object.sql ?? ''}\n`);
    if (object.type !== 'table') continue;
    const quoted = `"${object.name.replace(/"/g, '""')}"`;
    // Every column in the ORDER BY makes the order total even for tables without rowid.
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(object.name) as { name: string }[]).map((c) => `"${c.name.replace(/"/g, '""')}"`);
    for (const row of db.prepare(`SELECT * FROM ${quoted} ORDER BY ${columns.join(', ')}`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : Buffer.isBuffer(value) ? value.toString('base64') : value)));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}
