/**
 * What an import needs to be undone exactly. The writer is the only door to synced
 * tables, and every write through it changes: the row, field_history (append-only),
 * field_clock, the outbox (append-only), meta.hlc_last, search_doc and the FTS5 search
 * index. So the journal records, before the import writes anything, the high-water marks
 * of the append-only tables (and of the outbox's AUTOINCREMENT and the index's rowids)
 * and meta as a whole (a handful of rows); and during the import, the before-image of
 * each row it changes, with that row's field clocks and search document. At the end it
 * records a digest of the state the import left (`after`): a revert is exact only while
 * that digest still holds, i.e. while nothing else has been written since.
 *
 * The search index is restored by content, through FTS5 itself: the same documents under
 * the same rowids (search_fts_content, _docsize and _config come back byte for byte).
 * Its b-tree pages (search_fts_data, _idx) do not: FTS5 writes a segment at every
 * savepoint the writer opens and merges segments as it goes, so their layout depends on
 * history, and putting them back bit for bit would mean copying the whole index before
 * every import. See docs/ledger-import.md, "撤销".
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../sql';
import { ENTITIES, type EntityName } from '../../store/entities';
import { isEmpty, restoreInPlace, restoreRows, snapshot, type Snapshot } from './snapshot';

const FTS = 'search_fts';
const FTS_CONTENT = `${FTS}_content`;

export interface JournalState {
  version: 1;
  userVersion: number;
  fieldHistoryMax: number;
  outboxMax: number;
  /** sqlite_sequence for the outbox, null when it had none. */
  outboxSequence: number | null;
  meta: Snapshot;
  /** The search index's highest document rowid before the import. */
  ftsContentMax: number;
  /** Digest of the state the import left; see `stateDigest`. */
  after: string;
}

/** A row the import changed, as it was before. */
export interface RowBefore {
  row: Snapshot;
  clocks: Snapshot;
  doc: Snapshot;
  /** The row's search document as stored by FTS5 (rowid, kind, row_id, company_id, terms). */
  ftsContent: Snapshot;
}

export interface JournalEntry {
  entity: EntityName;
  rowId: string;
  kind: 'created' | 'updated';
  before: RowBefore | null;
}

const maxOf = (db: Db, sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;

/**
 * Opened inside the import's transaction before its first write; `finish` before the
 * transaction commits. The writer's calls go between; the importer reports each row it
 * creates (`created`) and each row it is about to change (`willUpdate`).
 */
export class ImportJournal {
  readonly entries: JournalEntry[] = [];
  private readonly seen = new Set<string>();
  private readonly state: Omit<JournalState, 'after'>;

  constructor(private readonly db: Db) {
    this.state = {
      version: 1,
      userVersion: Number(db.pragma('user_version', { simple: true })),
      fieldHistoryMax: maxOf(db, 'SELECT max(id) FROM field_history'),
      outboxMax: maxOf(db, 'SELECT max(seq) FROM outbox'),
      outboxSequence: (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").pluck().get() as number | undefined) ?? null,
      meta: snapshot(db, 'meta', '1'),
      ftsContentMax: maxOf(db, `SELECT max(id) FROM ${FTS_CONTENT}`),
    };
  }

  created(entity: EntityName, rowId: string): void {
    this.seen.add(rowId);
    this.entries.push({ entity, rowId, kind: 'created', before: null });
  }

  /** Call before each change to an existing row; only the first call per row records it. */
  willUpdate(entity: EntityName, rowId: string): void {
    if (this.seen.has(rowId)) return;
    this.seen.add(rowId);
    const { db } = this;
    const doc = snapshot(db, 'search_doc', 'row_id = ?', [rowId]);
    const ftsRowid = db.prepare('SELECT fts_rowid FROM search_doc WHERE row_id = ?').pluck().get(rowId) as number | undefined;
    this.entries.push({
      entity,
      rowId,
      kind: 'updated',
      before: {
        row: snapshot(db, ENTITIES[entity].table, 'id = ?', [rowId]),
        clocks: snapshot(db, 'field_clock', 'row_id = ?', [rowId]),
        doc,
        ftsContent: snapshot(db, FTS_CONTENT, 'id = ?', [ftsRowid ?? null]),
      },
    });
  }

  /** Describes what the import left, for the check that nothing was written since. */
  finish(): JournalState {
    return { ...this.state, after: stateDigest(this.db) };
  }
}

/**
 * What any later write, or anything that let the import's changes leave the device, would
 * change: every write through the writer (or a sync merge) appends field history and
 * stamps meta.hlc_last; sync keeps its batch in flight and its acked seq in meta before
 * and after a push; a weekly-log export is recorded in weeklog_export. The search index
 * is not in it: its pages change with every reindex, the revert's own included.
 */
export function stateDigest(db: Db): string {
  const parts = [
    db.pragma('user_version', { simple: true }),
    maxOf(db, 'SELECT max(id) FROM field_history'),
    db.prepare('SELECT count(*) || \':\' || coalesce(max(seq), 0) FROM outbox').pluck().get(),
    db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").pluck().get() ?? null,
    snapshot(db, 'meta', '1').rows,
    countIfPresent(db, 'weeklog_export'),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function countIfPresent(db: Db, table: string): number | null {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);
  return exists ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : null;
}

/**
 * Puts back everything the import wrote, in the caller's transaction. Only valid while
 * `stateDigest(db) === state.after` (the caller checks). Rows, clocks and search_doc are
 * written back directly; search documents go through FTS5, which keeps its index whole.
 */
export function undoImport(db: Db, state: JournalState, entries: readonly JournalEntry[]): void {
  // Rows the import created: deleted set by set, with their clocks and search documents.
  const created = new Map<EntityName, string[]>();
  for (const entry of entries) if (entry.kind === 'created') created.set(entry.entity, [...(created.get(entry.entity) ?? []), entry.rowId]);
  for (const [entity, ids] of created) {
    const list = JSON.stringify(ids);
    db.prepare(`DELETE FROM ${ENTITIES[entity].table} WHERE id IN (SELECT value FROM json_each(?))`).run(list);
    db.prepare('DELETE FROM field_clock WHERE row_id IN (SELECT value FROM json_each(?))').run(list);
    db.prepare('DELETE FROM search_doc WHERE row_id IN (SELECT value FROM json_each(?))').run(list);
  }
  // Rows it changed: put back as they were.
  for (const entry of entries) {
    if (entry.kind !== 'updated') continue;
    const before = entry.before!;
    restoreInPlace(db, before.row, 'id', entry.rowId);
    db.prepare('DELETE FROM field_clock WHERE row_id = ?').run(entry.rowId);
    restoreRows(db, before.clocks);
    db.prepare('DELETE FROM search_doc WHERE row_id = ?').run(entry.rowId);
    restoreRows(db, before.doc);
  }
  db.prepare('DELETE FROM field_history WHERE id > ?').run(state.fieldHistoryMax);
  db.prepare('DELETE FROM outbox WHERE seq > ?').run(state.outboxMax);
  // Not part of any content, but keeps the outbox's sequence gap-free for sync.
  if (state.outboxSequence === null) db.prepare("DELETE FROM sqlite_sequence WHERE name = 'outbox'").run();
  else db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'").run(state.outboxSequence);
  db.prepare('DELETE FROM meta').run();
  restoreRows(db, state.meta);

  // The documents the import added, then the ones it replaced, under their old rowids.
  db.prepare(`DELETE FROM ${FTS} WHERE rowid > ?`).run(state.ftsContentMax);
  const restoreDoc = db.prepare(
    `INSERT INTO ${FTS} (rowid, kind, row_id, company_id, terms)
     SELECT json_extract(value, '$[1]'), json_extract(value, '$[3]'), json_extract(value, '$[5]'), json_extract(value, '$[7]'), json_extract(value, '$[9]') FROM json_each(?)`,
  );
  for (const entry of entries) {
    const doc = entry.before?.ftsContent;
    if (!doc || isEmpty(doc)) continue;
    db.prepare(`DELETE FROM ${FTS} WHERE rowid = (SELECT json_extract(value, '$[1]') FROM json_each(?))`).run(doc.rows);
    restoreDoc.run(doc.rows);
  }
}
