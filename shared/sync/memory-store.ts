import type { MergeDecision, HistoryEntry, RowState, FieldState } from './merge';
import type { ImportStore } from './import';
import { canonicalJson } from './json';
import type { ChangeRecord, SyncConflict } from './schema';

/**
 * An in-memory merge store: the model replicas of the convergence tests, and a scratch
 * store for dry runs (e.g. "what would this import do?").
 */
export class MemoryStore implements ImportStore {
  readonly rows = new Map<string, Record<string, FieldState>>();
  readonly history: HistoryEntry[] = [];
  readonly conflicts: SyncConflict[] = [];
  private readonly known = new Map<string, string>();

  readRow(entity: string, rowId: string): RowState | null {
    const fields = this.rows.get(rowKey(entity, rowId));
    return fields ? { fields } : null;
  }

  writeRow(change: ChangeRecord, decision: MergeDecision): void {
    const key = rowKey(change.entity, change.rowId);
    const fields = this.rows.get(key) ?? {};
    Object.assign(fields, decision.writes);
    this.rows.set(key, fields);
    this.history.push(...decision.history);
    this.conflicts.push(...decision.conflicts);
  }

  knownChange(changeId: string): string | null {
    return this.known.get(changeId) ?? null;
  }

  rememberChange(change: ChangeRecord, hash: string): void {
    this.known.set(change.changeId, hash);
  }

  /** Every row's fields in canonical form: equal strings mean equal states. */
  snapshot(): string {
    const keys = [...this.rows.keys()].sort();
    return canonicalJson(keys.map((key) => [key, this.rows.get(key)]));
  }
}

export function rowKey(entity: string, rowId: string): string {
  return `${entity}\u0000${rowId}`;
}
