import { DELETED_FIELD, longTextFields } from './entities';
import { hlcNode } from './hlc';
import { canonicalJson, jsonEqual, type JsonValue } from './json';
import type { ChangeRecord, SyncConflict } from './schema';

/**
 * THE merge engine (DESIGN §4), pure. Given a row's fields — each with the clock that
 * wrote it — and an incoming change, it decides field by field:
 *
 * - the later stamp wins; an equal stamp is the same write again and changes nothing;
 * - edits to different fields of one row both survive (the clock is per field);
 * - a long free-text field edited on both sides since the common base still resolves by
 *   stamp, and the other value becomes a visible conflict;
 * - the tombstone is the boolean field `deleted`, written only by delete and restore, so
 *   an edit never revives a row: the tombstone wins, and an edit stamped later than the
 *   delete is kept (hidden, and in history) and flagged;
 * - whatever loses — an overwritten value or a rejected incoming one — goes to history.
 *
 * Merging is commutative, associative and idempotent over the row's field states, so
 * every replica that has seen the same set of changes holds the same row.
 */

export interface FieldState {
  value: JsonValue;
  hlc: string;
}

/** A row as the merge sees it: every synced field with the stamp that wrote it. */
export interface RowState {
  fields: Readonly<Record<string, FieldState>>;
}

export type HistoryReason =
  /** The row's value, replaced by a later one. */
  | 'overwritten'
  /** An incoming value that lost to a later one already here. */
  | 'rejected'
  /** An edit stamped after the row's delete: kept under the tombstone and flagged. */
  | 'hidden-by-delete';

export interface HistoryEntry {
  entity: string;
  rowId: string;
  field: string;
  value: JsonValue;
  hlc: string;
  /** The change whose merge produced this entry. */
  changeId: string;
  reason: HistoryReason;
}

export type MergeOutcome = 'created' | 'updated' | 'deleted' | 'restored' | 'ignored';

export interface MergeDecision {
  /** Whether the row had any field before this change. */
  rowExisted: boolean;
  outcome: MergeOutcome;
  /** Fields to store (value and stamp); fields not listed keep what they have. */
  writes: Record<string, FieldState>;
  history: HistoryEntry[];
  conflicts: SyncConflict[];
}

/**
 * Total order of field states: by stamp, and — only for equal stamps with different
 * values, which honest devices never produce — by the canonical value, so that even then
 * every replica picks the same winner.
 */
export function compareFieldStates(a: FieldState, b: FieldState): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  const left = canonicalJson(a.value);
  const right = canonicalJson(b.value);
  return left === right ? 0 : left < right ? -1 : 1;
}

export function isDeleted(row: RowState | null): boolean {
  return row?.fields[DELETED_FIELD]?.value === true;
}

export function mergeChange(current: RowState | null, change: ChangeRecord): MergeDecision {
  const existing = current?.fields ?? {};
  const rowExisted = Object.keys(existing).length > 0;
  const longText = longTextFields(change.entity);
  const writes: Record<string, FieldState> = {};
  const history: HistoryEntry[] = [];
  const conflicts: SyncConflict[] = [];
  const note = (field: string, state: FieldState, reason: HistoryReason): void => {
    history.push({ entity: change.entity, rowId: change.rowId, field, value: state.value, hlc: state.hlc, changeId: change.changeId, reason });
  };
  const flag = (field: string, kind: SyncConflict['kind'], kept: FieldState, other: FieldState): void => {
    conflicts.push({ changeId: change.changeId, entity: change.entity, rowId: change.rowId, field, kind, kept, other });
  };

  for (const [field, value] of Object.entries(change.fields)) {
    const incoming: FieldState = { value, hlc: change.hlc };
    const here = existing[field];
    if (!here) {
      writes[field] = incoming;
      continue;
    }
    const order = compareFieldStates(incoming, here);
    if (order === 0) continue;
    if (order > 0) writes[field] = incoming;
    if (jsonEqual(here.value, value)) continue;
    const [winner, loser] = order > 0 ? [incoming, here] : [here, incoming];
    note(field, loser, order > 0 ? 'overwritten' : 'rejected');
    if (longText.includes(field) && editedOnBothSides(change, field, here)) flag(field, 'text', winner, loser);
  }

  const tombstone = writes[DELETED_FIELD] ?? existing[DELETED_FIELD];
  if (tombstone?.value === true) {
    if (change.op === 'create' || change.op === 'update') {
      // An edit that met a tombstone it had not seen: the row stays deleted.
      for (const [field, value] of Object.entries(change.fields)) {
        const edit: FieldState = { value, hlc: change.hlc };
        if (compareFieldStates(edit, tombstone) <= 0) continue;
        note(field, edit, 'hidden-by-delete');
        flag(field, 'deleted', tombstone, edit);
      }
    } else if (writes[DELETED_FIELD] && !isDeleted(current)) {
      // A delete arriving after edits stamped later than itself: they end up under the tombstone.
      for (const [field, state] of Object.entries(existing)) {
        if (field === DELETED_FIELD || compareFieldStates(state, tombstone) <= 0) continue;
        note(field, state, 'hidden-by-delete');
        flag(field, 'deleted', tombstone, state);
      }
    }
  }

  return { rowExisted, outcome: outcomeOf(rowExisted, writes), writes, history, conflicts };
}

/**
 * Did the sender edit `field` without having seen the value here? Its base (what it saw
 * before editing) must differ from our value, and our value must come from another
 * device (one device's edits are ordered, never concurrent). When the change carries the
 * base's stamp the test is exact: our value was written after the base the sender saw.
 */
function editedOnBothSides(change: ChangeRecord, field: string, here: FieldState): boolean {
  if (!change.base || !Object.hasOwn(change.base, field)) return false;
  if (jsonEqual(change.base[field], here.value)) return false;
  if (hlcNode(here.hlc) === hlcNode(change.hlc)) return false;
  const baseHlc = change.baseHlc?.[field];
  return baseHlc === undefined || here.hlc > baseHlc;
}

function outcomeOf(rowExisted: boolean, writes: Record<string, FieldState>): MergeOutcome {
  const deleted = writes[DELETED_FIELD];
  if (deleted) return deleted.value === true ? 'deleted' : 'restored';
  if (Object.keys(writes).length === 0) return 'ignored';
  return rowExisted ? 'updated' : 'created';
}

/** Where a merge reads and writes rows. The platform, the app's pull and file import each implement it. */
export interface MergeStore {
  readRow(entity: string, rowId: string): RowState | null;
  /** Stores `decision.writes` (and its history and conflicts) for the change's row. */
  writeRow(change: ChangeRecord, decision: MergeDecision): void;
}

export function applyChange(store: MergeStore, change: ChangeRecord): MergeDecision {
  const decision = mergeChange(store.readRow(change.entity, change.rowId), change);
  store.writeRow(change, decision);
  return decision;
}
