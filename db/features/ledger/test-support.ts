/** A migrated database and a handler context for the ledger, cockpit and export tests (no RPC registry needed). */
import { createHash } from 'node:crypto';
import { contentHash } from '../../content-hash';
import type { HandlerContext } from '../../rpc/types';
import type { Db } from '../../sql';
import { testDatabase } from '../../store/test-support';

/** 2026-11-27 10:00 in Shenzhen. */
export const LEDGER_TEST_NOW = new Date('2026-11-27T02:00:00Z');

export function handlerTest() {
  const t = testDatabase();
  const ctx: HandlerContext = {
    db: t.app.db,
    deviceId: t.app.deviceId,
    actor: t.actor,
    schemaVersion: t.app.migration.to,
    now: () => LEDGER_TEST_NOW,
    integrity: () => 'ok',
  };
  return { ...t, db: t.app.db, ctx, hash: () => contentHash(t.app.db) };
}

/** FTS5's b-tree pages: derived from the documents, laid out by the index's history (journal.ts). */
export const FTS_PAGE_TABLES = ['search_fts_data', 'search_fts_idx'] as const;

/**
 * A hash per table, as db/content-hash.ts hashes them (schema text, then every row in
 * full column order), plus `search_fts#rowids`: the search documents with their rowids,
 * which `SELECT *` on the virtual table leaves out.
 */
export function tableHashes(db: Db): Map<string, string> {
  const hashes = new Map<string, string>();
  const objects = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
  for (const object of objects) {
    const hash = createHash('sha256').update(`${object.type} ${object.name}: ${object.sql ?? ''}\n`);
    if (object.type === 'table') {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(object.name) as { name: string }[]).map((c) => `"${c.name}"`);
      for (const row of db.prepare(`SELECT * FROM "${object.name}" ORDER BY ${columns.join(', ')}`).raw().iterate()) {
        hash.update(`${JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value))}\n`);
      }
    }
    hashes.set(`${object.type} ${object.name}`, hash.digest('hex'));
  }
  const documents = createHash('sha256');
  for (const row of db.prepare('SELECT rowid, * FROM search_fts ORDER BY rowid').raw().iterate()) documents.update(`${JSON.stringify(row)}\n`);
  hashes.set('search_fts#rowids', documents.digest('hex'));
  hashes.set('user_version', String(db.pragma('user_version', { simple: true })));
  return hashes;
}

/** The names whose hashes differ between two `tableHashes`. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
