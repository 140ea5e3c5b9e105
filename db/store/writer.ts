import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../shared/errors';
import type { HlcClock } from '../../shared/sync/hlc';
import type { Db } from '../sql';
import { ENTITIES, fromColumn, toColumn, type EntityName, type FieldKind, type FieldValue, type RowValues } from './entities';
import { reindexRow } from './search-index';
import { statement } from './statements';

/** Who is writing: every change is stamped with these. */
export interface Actor {
  deviceId: string;
  userId: string | null;
  teamId: string | null;
  clock: HlcClock;
  now: () => Date;
}

export type ChangeOp = 'create' | 'update' | 'delete' | 'restore';

const outboxListeners = new WeakMap<Db, Set<() => void>>();

/** Called after every outbox append on `db` (sync debounces a push on it); returns the unsubscribe. */
export function onOutboxAppend(db: Db, listener: () => void): () => void {
  let set = outboxListeners.get(db);
  if (!set) outboxListeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * The one local write path. Each call runs in one transaction (nested into the caller's,
 * if any) that changes the row, records every changed field in field_history, stamps the
 * field's clock and appends an outbox entry for sync. Nothing else writes synced tables.
 */
export function createRow<E extends EntityName>(db: Db, actor: Actor, entity: E, values: RowValues<E>, id: string = uuidv7()): string {
  return db.transaction(() => {
    const spec = ENTITIES[entity];
    const kinds = spec.fields as Record<string, FieldKind>;
    const full: Record<string, FieldValue> = { owner_user_id: actor.userId, team_id: actor.teamId, ...(values as Record<string, FieldValue>) };
    const fields = Object.keys(full).filter((field) => kinds[field] !== undefined && full[field] !== null && full[field] !== undefined);
    for (const field of Object.keys(full)) if (kinds[field] === undefined) throw new Error(`${entity} has no field ${field}`);
    const stamp = actor.now().toISOString();
    const hlc = actor.clock.tick();
    const columns = ['id', 'created_at', 'updated_at', ...fields];
    statement(db, `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      id,
      stamp,
      stamp,
      ...fields.map((field) => toColumn(kinds[field]!, full[field])),
    );
    const changes = Object.fromEntries(fields.map((field) => [field, full[field]!]));
    record(db, actor, entity, id, 'create', changes, {}, hlc, stamp);
    reindexRow(db, entity, id);
    return id;
  })();
}

/** Applies the fields of `patch` that differ from the stored row; returns the changed field names. */
export function updateRow<E extends EntityName>(db: Db, actor: Actor, entity: E, id: string, patch: RowValues<E>): string[] {
  return db.transaction(() => {
    const spec = ENTITIES[entity];
    const kinds = spec.fields as Record<string, FieldKind>;
    const current = readLiveRow(db, entity, id);
    const changed: Record<string, FieldValue> = {};
    const base: Record<string, FieldValue> = {};
    for (const [field, value] of Object.entries(patch as Record<string, FieldValue | undefined>)) {
      const kind = kinds[field];
      if (kind === undefined) throw new Error(`${entity} has no field ${field}`);
      if (value === undefined) continue;
      const next = toColumn(kind, value);
      if (next === current[field]) continue;
      changed[field] = fromColumn(kind, next);
      base[field] = fromColumn(kind, current[field]);
    }
    const fields = Object.keys(changed);
    if (fields.length === 0) return [];
    const stamp = actor.now().toISOString();
    const hlc = actor.clock.tick();
    statement(db, `UPDATE ${spec.table} SET ${fields.map((field) => `${field} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
      ...fields.map((field) => toColumn(kinds[field]!, changed[field])),
      stamp,
      id,
    );
    record(db, actor, entity, id, 'update', changed, base, hlc, stamp);
    reindexRow(db, entity, id);
    return fields;
  })();
}

/** Soft delete (and its undo). Nothing is ever hard-deleted. */
export function setDeleted(db: Db, actor: Actor, entity: EntityName, id: string, deleted: boolean): boolean {
  return db.transaction(() => {
    const spec = ENTITIES[entity];
    const row = statement(db, `SELECT deleted FROM ${spec.table} WHERE id = ?`).get(id) as { deleted: number } | undefined;
    if (!row) throw new AppError('E_NOT_FOUND');
    if ((row.deleted === 1) === deleted) return false;
    const stamp = actor.now().toISOString();
    const hlc = actor.clock.tick();
    statement(db, `UPDATE ${spec.table} SET deleted = ?, updated_at = ? WHERE id = ?`).run(deleted ? 1 : 0, stamp, id);
    record(db, actor, entity, id, deleted ? 'delete' : 'restore', { deleted }, { deleted: !deleted }, hlc, stamp);
    reindexRow(db, entity, id);
    return true;
  })();
}

/** The stored row's columns, or E_NOT_FOUND when it is missing or deleted. */
export function readLiveRow(db: Db, entity: EntityName, id: string): Record<string, unknown> {
  const row = statement(db, `SELECT * FROM ${ENTITIES[entity].table} WHERE id = ? AND deleted = 0`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw new AppError('E_NOT_FOUND');
  return row;
}

function record(
  db: Db,
  actor: Actor,
  entity: EntityName,
  rowId: string,
  op: ChangeOp,
  fields: Record<string, FieldValue>,
  base: Record<string, FieldValue>,
  hlc: string,
  stamp: string,
): void {
  const history = statement(
    db,
    `INSERT INTO field_history (entity, row_id, field, old_value, new_value, hlc, device_id, user_id, changed_at, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'local')`,
  );
  const clock = statement(
    db,
    `INSERT INTO field_clock (entity, row_id, field, hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT (row_id, field, entity) DO UPDATE SET hlc = excluded.hlc`,
  );
  for (const [field, value] of Object.entries(fields)) {
    history.run(entity, rowId, field, jsonOrNull(base[field]), jsonOrNull(value), hlc, actor.deviceId, actor.userId, stamp);
    clock.run(entity, rowId, field, hlc);
  }
  statement(
    db,
    `INSERT INTO outbox (change_id, entity, row_id, op, fields, base, hlc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(uuidv7(), entity, rowId, op, JSON.stringify(fields), JSON.stringify(base), hlc, stamp);
  statement(db, `INSERT INTO meta (key, value) VALUES ('hlc_last', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(hlc);
  const listeners = outboxListeners.get(db);
  if (listeners) for (const listener of listeners) listener();
}

function jsonOrNull(value: FieldValue | undefined): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
