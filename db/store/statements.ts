import type { Statement } from 'better-sqlite3';
import type { Db } from '../sql';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, cached per connection: preparing costs more than most of our queries.
 * Cached statements are shared, and `.pluck()`/`.raw()`/`.expand()` change a statement's mode
 * for good, so every caller gets it back in the default mode (rows as objects).
 */
export function statement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  } else if (prepared.reader) {
    prepared.pluck(false).expand(false).raw(false);
  }
  return prepared;
}
