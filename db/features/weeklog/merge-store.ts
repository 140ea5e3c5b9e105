import { SYNC_ENTITIES, DELETED_FIELD } from '../../../shared/sync/entities';
import { hlcNode } from '../../../shared/sync/hlc';
import type { ImportStore } from '../../../shared/sync/import';
import { canonicalJson, jsonEqual, type JsonValue } from '../../../shared/sync/json';
import type { FieldState, MergeDecision, RowState } from '../../../shared/sync/merge';
import type { ChangeRecord } from '../../../shared/sync/schema';
import type { Db } from '../../sql';
import { ENTITIES, fromColumn, isEntityName, toColumn, type EntityName, type FieldKind } from '../../store/entities';
import { reindexRow } from '../../store/search-index';
import { statement } from '../../store/statements';

/**
 * The app's SQLite side of shared/sync's merge engine: reads a row's fields with their
 * clocks, stores what the engine decided (values, clocks, history), and remembers merged
 * change ids. The engine decides; this only reads and writes.
 *
 * Rows that cannot exist yet — an edit that arrived before its row's create, a visit whose
 * company has not arrived — wait as field states in `import_parked_field` and become a
 * row the moment the missing part arrives. So the end state does not depend on the order
 * files come in: the engine's state is the same, and a row is in its table exactly when
 * its required fields and the rows it points to are there.
 *
 * Row times are order-free too: created_at is the earliest and updated_at the latest wall
 * time of any change merged into the row (min and max commute).
 */
export interface StoreSource {
  /** field_history.source for values that won, and `<source>-lost` for those that lost. */
  source: string;
  /** The member whose file this is: field_history.user_id. */
  userId: string | null;
}

interface ReadCache {
  entity: string;
  rowId: string;
  state: RowState | null;
  row: Record<string, unknown> | undefined;
}

const REFERENCE_FIELDS = [...new Set(Object.values(SYNC_ENTITIES).flatMap((spec) => Object.keys(spec.references)))];

export class SqliteImportStore implements ImportStore {
  private last: ReadCache | null = null;
  private readonly requiredColumns = new Map<EntityName, string[]>();
  /** False while nothing waits: then reads skip the waiting table (most imports never park a row). */
  private anyParked: boolean;

  constructor(
    private readonly db: Db,
    private origin: StoreSource,
  ) {
    this.anyParked = statement(db, 'SELECT EXISTS (SELECT 1 FROM import_parked_field)').pluck().get() === 1;
  }

  setOrigin(origin: StoreSource): void {
    this.origin = origin;
  }

  readRow(entity: string, rowId: string): RowState | null {
    if (!isEntityName(entity)) return null;
    const spec = ENTITIES[entity];
    const kinds = spec.fields as Record<string, FieldKind>;
    const row = statement(this.db, `SELECT * FROM ${spec.table} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
    const fields: Record<string, FieldState> = {};
    if (row) {
      for (const clock of statement(this.db, 'SELECT field, hlc FROM field_clock WHERE row_id = ? AND entity = ?').all(rowId, entity) as { field: string; hlc: string }[]) {
        if (clock.field === DELETED_FIELD) fields[DELETED_FIELD] = { value: row.deleted === 1, hlc: clock.hlc };
        else if (kinds[clock.field]) fields[clock.field] = { value: fromColumn(kinds[clock.field]!, row[clock.field]) as JsonValue, hlc: clock.hlc };
      }
    }
    if (this.anyParked) for (const parked of this.parkedFields(entity, rowId)) fields[parked.field] = { value: JSON.parse(parked.value) as JsonValue, hlc: parked.hlc };
    const state = Object.keys(fields).length > 0 ? { fields } : null;
    this.last = { entity, rowId, state, row };
    return state;
  }

  writeRow(change: ChangeRecord, decision: MergeDecision): void {
    const entity = change.entity as EntityName;
    const read = this.last?.entity === entity && this.last.rowId === change.rowId ? this.last : this.freshRead(entity, change.rowId);
    this.last = null;
    const at = new Date(Number(change.hlc.slice(0, 15))).toISOString();
    this.recordHistory(change, read.state, decision, at);

    if (read.row) {
      const direct: Record<string, FieldState> = {};
      const waiting: Record<string, FieldState> = {};
      for (const [field, state] of Object.entries(decision.writes)) {
        if (this.danglingReference(entity, field, state.value)) waiting[field] = state;
        else direct[field] = state;
      }
      this.updateRow(entity, change.rowId, direct, at);
      this.unpark(entity, change.rowId, Object.keys(direct));
      this.park(entity, change.rowId, waiting, null);
      return;
    }
    if (!read.state && this.insertRow(entity, change.rowId, decision.writes, at, at)) return;
    this.park(entity, change.rowId, decision.writes, at);
    this.materialize(entity, change.rowId);
  }

  private freshRead(entity: string, rowId: string): ReadCache {
    this.readRow(entity, rowId);
    return this.last!;
  }

  knownChange(changeId: string): string | null {
    return (statement(this.db, 'SELECT content_hash FROM import_change WHERE change_id = ?').pluck().get(changeId) as string | undefined) ?? null;
  }

  rememberChange(change: ChangeRecord, hash: string): void {
    statement(this.db, 'INSERT INTO import_change (change_id, content_hash) VALUES (?, ?)').run(change.changeId, hash);
  }

  /** Rows (of any entity) still waiting for a parent or their create. */
  countWaiting(): number {
    return statement(this.db, 'SELECT count(*) FROM (SELECT DISTINCT entity, row_id FROM import_parked_field)').pluck().get() as number;
  }

  private parkedFields(entity: string, rowId: string): { field: string; value: string; hlc: string }[] {
    return statement(this.db, 'SELECT field, value, hlc FROM import_parked_field WHERE entity = ? AND row_id = ?').all(entity, rowId) as {
      field: string;
      value: string;
      hlc: string;
    }[];
  }

  /**
   * Every incoming value goes to field history, winner or loser, so the history holds
   * every value any device wrote with its stamp whatever order files came in. A value
   * seen before with the same stamp is the same write again and is not repeated.
   * One multi-row INSERT per change: a create carries a dozen fields.
   */
  private recordHistory(change: ChangeRecord, current: RowState | null, decision: MergeDecision, at: string): void {
    const device = hlcNode(change.hlc) ?? '';
    const values: unknown[] = [];
    for (const [field, value] of Object.entries(change.fields)) {
      const here = current?.fields[field];
      if (here && here.hlc === change.hlc && jsonEqual(here.value, value)) continue;
      const won = Object.hasOwn(decision.writes, field);
      values.push(change.entity, change.rowId, field, here ? jsonOrNull(here.value) : null, jsonOrNull(value), change.hlc, device, this.origin.userId, at, won ? this.origin.source : `${this.origin.source}-lost`);
    }
    const rows = values.length / 10;
    if (rows === 0) return;
    statement(
      this.db,
      `INSERT INTO field_history (entity, row_id, field, old_value, new_value, hlc, device_id, user_id, changed_at, source) VALUES ${placeholders(rows, 10)}`,
    ).run(...values);
  }

  /** `at`: the change's wall time, folded into created_at (min) and updated_at (max); null leaves them. */
  private updateRow(entity: EntityName, rowId: string, writes: Record<string, FieldState>, at: string | null): void {
    const spec = ENTITIES[entity];
    const names = this.storedFields(entity, writes);
    const sets = names.map((field) => `${field} = ?`);
    if (at !== null) sets.push('created_at = min(created_at, ?)', 'updated_at = max(updated_at, ?)');
    if (sets.length === 0) return;
    statement(this.db, `UPDATE ${spec.table} SET ${sets.join(', ')} WHERE id = ?`).run(...this.columnValues(entity, writes, names), ...(at === null ? [] : [at, at]), rowId);
    this.stampClocks(entity, rowId, writes, names);
    if (touchesSearch(entity, names)) reindexRow(this.db, entity, rowId);
  }

  /**
   * Inserts a row from field states when it can exist: all NOT NULL columns have values
   * and every row it points to is here. Returns false (and writes nothing) otherwise.
   */
  private insertRow(entity: EntityName, rowId: string, writes: Record<string, FieldState>, firstAt: string, lastAt: string): boolean {
    if (this.required(entity).some((column) => writes[column] === undefined || writes[column]!.value === null)) return false;
    for (const [field, state] of Object.entries(writes)) if (this.danglingReference(entity, field, state.value)) return false;
    const names = this.storedFields(entity, writes);
    const columns = ['id', 'created_at', 'updated_at', ...names];
    statement(this.db, `INSERT INTO ${ENTITIES[entity].table} (${columns.join(', ')}) VALUES ${placeholders(1, columns.length)}`).run(
      rowId,
      firstAt,
      lastAt,
      ...this.columnValues(entity, writes, names),
    );
    this.stampClocks(entity, rowId, writes, names);
    reindexRow(this.db, entity, rowId);
    if (this.anyParked) this.releaseWaitingFor(rowId);
    return true;
  }

  private storedFields(entity: EntityName, writes: Record<string, FieldState>): string[] {
    const kinds = ENTITIES[entity].fields as Record<string, FieldKind>;
    return Object.keys(writes).filter((field) => field === DELETED_FIELD || kinds[field] !== undefined);
  }

  private columnValues(entity: EntityName, writes: Record<string, FieldState>, names: readonly string[]): (string | number | null)[] {
    const kinds = ENTITIES[entity].fields as Record<string, FieldKind>;
    return names.map((field) => (field === DELETED_FIELD ? (writes[field]!.value === true ? 1 : 0) : toColumn(kinds[field]!, writes[field]!.value)));
  }

  private stampClocks(entity: string, rowId: string, writes: Record<string, FieldState>, names: readonly string[]): void {
    if (names.length === 0) return;
    const values = names.flatMap((field) => [entity, rowId, field, writes[field]!.hlc]);
    statement(
      this.db,
      `INSERT INTO field_clock (entity, row_id, field, hlc) VALUES ${placeholders(names.length, 4)} ON CONFLICT (row_id, field, entity) DO UPDATE SET hlc = excluded.hlc`,
    ).run(...values);
  }

  /** Keeps field states of a row that cannot be written yet; `at` (for a row not in its table) widens its time span. */
  private park(entity: EntityName, rowId: string, writes: Record<string, FieldState>, at: string | null): void {
    const entries = Object.entries(writes);
    if (entries.length === 0) return;
    this.anyParked = true;
    statement(
      this.db,
      `INSERT INTO import_parked_field (entity, row_id, field, value, hlc) VALUES ${placeholders(entries.length, 5)}
       ON CONFLICT (entity, row_id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc`,
    ).run(...entries.flatMap(([field, state]) => [entity, rowId, field, canonicalJson(state.value), state.hlc]));
    if (at === null) return;
    statement(
      this.db,
      `INSERT INTO import_parked_row (entity, row_id, first_at, last_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (entity, row_id) DO UPDATE SET first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`,
    ).run(entity, rowId, at, at);
  }

  private unpark(entity: string, rowId: string, fields: readonly string[]): void {
    if (!this.anyParked) return;
    const remove = statement(this.db, 'DELETE FROM import_parked_field WHERE entity = ? AND row_id = ? AND field = ?');
    for (const field of fields) remove.run(entity, rowId, field);
  }

  /** A reference to a row this database does not have (yet): writing it would break the foreign key. */
  private danglingReference(entity: EntityName, field: string, value: JsonValue): boolean {
    const target = (SYNC_ENTITIES[entity as keyof typeof SYNC_ENTITIES]?.references as Record<string, string> | undefined)?.[field];
    if (!target || value === null || !isEntityName(target)) return false;
    return statement(this.db, `SELECT 1 FROM ${ENTITIES[target].table} WHERE id = ?`).pluck().get(String(value)) === undefined;
  }

  private required(entity: EntityName): string[] {
    let columns = this.requiredColumns.get(entity);
    if (!columns) {
      const info = this.db.prepare('SELECT name, "notnull", dflt_value FROM pragma_table_info(?)').all(ENTITIES[entity].table) as { name: string; notnull: number; dflt_value: unknown }[];
      columns = info.filter((column) => column.notnull === 1 && column.dflt_value === null && !['id', 'created_at', 'updated_at'].includes(column.name)).map((column) => column.name);
      this.requiredColumns.set(entity, columns);
    }
    return columns;
  }

  /**
   * Turns a waiting row into a real one when it can be (insertRow), then rows waiting for
   * *it* get their turn. For a row already in its table, applies waiting references whose
   * targets have arrived.
   */
  private materialize(entity: EntityName, rowId: string): void {
    const parked = this.parkedFields(entity, rowId);
    if (parked.length === 0) return;
    const writes: Record<string, FieldState> = Object.fromEntries(parked.map((item) => [item.field, { value: JSON.parse(item.value) as JsonValue, hlc: item.hlc }]));
    const spec = ENTITIES[entity];
    if (statement(this.db, `SELECT 1 FROM ${spec.table} WHERE id = ?`).pluck().get(rowId) !== undefined) {
      const ready = Object.fromEntries(Object.entries(writes).filter(([field, state]) => !this.danglingReference(entity, field, state.value)));
      if (Object.keys(ready).length === 0) return;
      this.updateRow(entity, rowId, ready, null);
      this.unpark(entity, rowId, Object.keys(ready));
      return;
    }
    const times = statement(this.db, 'SELECT first_at, last_at FROM import_parked_row WHERE entity = ? AND row_id = ?').get(entity, rowId) as
      | { first_at: string; last_at: string }
      | undefined;
    const first = times?.first_at ?? new Date(0).toISOString();
    // Delete first: insertRow releases rows waiting for this one, and they must not see it as waiting.
    statement(this.db, 'DELETE FROM import_parked_field WHERE entity = ? AND row_id = ?').run(entity, rowId);
    if (this.insertRow(entity, rowId, writes, first, times?.last_at ?? first)) {
      statement(this.db, 'DELETE FROM import_parked_row WHERE entity = ? AND row_id = ?').run(entity, rowId);
      return;
    }
    this.park(entity, rowId, writes, null);
  }

  /** Rows that were waiting for `targetId` to exist. */
  private releaseWaitingFor(targetId: string): void {
    const waiting = statement(
      this.db,
      `SELECT DISTINCT entity, row_id FROM import_parked_field WHERE field IN (${REFERENCE_FIELDS.map((field) => `'${field}'`).join(', ')}) AND value = ?`,
    ).all(JSON.stringify(targetId)) as { entity: EntityName; row_id: string }[];
    for (const row of waiting) this.materialize(row.entity, row.row_id);
  }
}

/** Fields the search document is built from (search-index.ts): only these need a reindex. */
const SEARCH_FIELDS: Partial<Record<EntityName, ReadonlySet<string>>> = {
  company: new Set(['name', 'aliases', DELETED_FIELD]),
  contact: new Set(['name', 'title', 'company_id', DELETED_FIELD]),
  project: new Set(['name', 'company_id', DELETED_FIELD]),
};

function touchesSearch(entity: EntityName, fields: readonly string[]): boolean {
  const watched = SEARCH_FIELDS[entity];
  return watched !== undefined && fields.some((field) => watched.has(field));
}

const placeholderCache = new Map<number, string>();

/** `(?, ?), (?, ?)` for rows × columns, built once per shape (statement() keys its cache on the SQL text). */
function placeholders(rows: number, columns: number): string {
  const key = rows * 1000 + columns;
  let text = placeholderCache.get(key);
  if (text === undefined) {
    const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    text = Array.from({ length: rows }, () => row).join(', ');
    placeholderCache.set(key, text);
  }
  return text;
}

function jsonOrNull(value: JsonValue | undefined): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
