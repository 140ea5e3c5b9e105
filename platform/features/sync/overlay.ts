import type { Kysely } from 'kysely';
import { DELETED_FIELD, entitySpec } from '../../../shared/sync/entities';
import type { ImportStore } from '../../../shared/sync/import';
import type { JsonValue } from '../../../shared/sync/json';
import type { FieldState, HistoryEntry, MergeDecision, RowState } from '../../../shared/sync/merge';
import type { ChangeRecord, SyncConflict } from '../../../shared/sync/schema';
import type { ChangeIssue } from '../../../shared/sync/validate';
import { syncMessage } from '../../../shared/sync/errors';
import { forUpdate, type StoreKind } from '../../store/dialect';
import type { PlatformDb } from '../../store/schema';

/** A row as loaded into (or created in) the overlay. */
export interface OverlayRow {
  entity: string;
  rowId: string;
  teamId: string | null;
  fields: Record<string, FieldState>;
  isNew: boolean;
  deletedAtLoad: boolean;
  dirty: Set<string>;
}

export interface AcceptedChange {
  change: ChangeRecord;
  hash: string;
  teamId: string | null;
}

const CHUNK = 400;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const key = (entity: string, rowId: string): string => `${entity}\u0000${rowId}`;

/**
 * The merge engine's store during one batch: every row the batch touches is loaded (and
 * on PostgreSQL locked, in key order so two batches never deadlock) before the first
 * merge; merges then run in memory, and `flush.ts` writes the result in a few bulk
 * statements. Also the receiver's own check: team scope and references.
 */
export class BatchOverlay implements ImportStore {
  readonly rows = new Map<string, OverlayRow>();
  /** Rows referenced by the batch but not changed by it: only their team matters. */
  private readonly refTeams = new Map<string, string | null>();
  private readonly known = new Map<string, string>();
  readonly accepted: AcceptedChange[] = [];
  readonly history: HistoryEntry[] = [];
  readonly conflicts: SyncConflict[] = [];

  private constructor(
    /** The team new rows belong to (the pushing user's), or null for the platform's reference data. */
    readonly teamId: string | null,
    private readonly allowPlatformEntities: boolean,
  ) {}

  static async load(trx: Kysely<PlatformDb>, kind: StoreKind, items: readonly unknown[], scope: { teamId: string | null; allowPlatformEntities: boolean }): Promise<BatchOverlay> {
    const overlay = new BatchOverlay(scope.teamId, scope.allowPlatformEntities);
    const targets = new Map<string, [string, string]>();
    const references = new Map<string, [string, string]>();
    const changeIds: string[] = [];
    for (const item of items) {
      const { entity, rowId, changeId, fields } = (item ?? {}) as Record<string, unknown>;
      if (typeof changeId === 'string') changeIds.push(changeId);
      if (typeof entity !== 'string' || typeof rowId !== 'string') continue;
      const spec = entitySpec(entity);
      // A device may not write platform data: do not even lock those rows for it.
      if (spec?.origin === 'platform' && !scope.allowPlatformEntities) continue;
      targets.set(key(entity, rowId), [entity, rowId]);
      if (!spec || typeof fields !== 'object' || fields === null) continue;
      for (const [field, target] of Object.entries(spec.references)) {
        const value = (fields as Record<string, unknown>)[field];
        if (typeof value === 'string') references.set(key(target, value), [target, value]);
      }
    }
    const sortedTargets = [...targets.values()].sort(([ea, ra], [eb, rb]) => (ea === eb ? (ra < rb ? -1 : ra > rb ? 1 : 0) : ea < eb ? -1 : 1));
    for (const part of chunks(sortedTargets)) {
      const rows = await forUpdate(
        kind,
        trx
          .selectFrom('sync_rows')
          .select(['entity', 'row_id', 'team_id', 'deleted'])
          .where(({ eb, refTuple, tuple }) => eb(refTuple('entity', 'row_id'), 'in', part.map(([e, r]) => tuple(e, r))))
          .orderBy('entity')
          .orderBy('row_id'),
      ).execute();
      for (const row of rows) {
        overlay.rows.set(key(row.entity, row.row_id), {
          entity: row.entity,
          rowId: row.row_id,
          teamId: row.team_id,
          fields: {},
          isNew: false,
          deletedAtLoad: row.deleted === 1,
          dirty: new Set(),
        });
      }
    }
    const loaded = [...overlay.rows.values()].map((row): [string, string] => [row.entity, row.rowId]);
    for (const part of chunks(loaded)) {
      const fields = await trx
        .selectFrom('sync_fields')
        .select(['entity', 'row_id', 'field', 'value', 'hlc'])
        .where(({ eb, refTuple, tuple }) => eb(refTuple('entity', 'row_id'), 'in', part.map(([e, r]) => tuple(e, r))))
        .execute();
      for (const field of fields) overlay.rows.get(key(field.entity, field.row_id))!.fields[field.field] = { value: JSON.parse(field.value) as JsonValue, hlc: field.hlc };
    }
    const missingRefs = [...references.entries()].filter(([k]) => !overlay.rows.has(k)).map(([, v]) => v);
    for (const part of chunks(missingRefs)) {
      const rows = await trx
        .selectFrom('sync_rows')
        .select(['entity', 'row_id', 'team_id'])
        .where(({ eb, refTuple, tuple }) => eb(refTuple('entity', 'row_id'), 'in', part.map(([e, r]) => tuple(e, r))))
        .execute();
      for (const row of rows) overlay.refTeams.set(key(row.entity, row.row_id), row.team_id);
    }
    for (const part of chunks([...new Set(changeIds)])) {
      const known = await trx.selectFrom('change_log').select(['change_id', 'content_hash']).where('change_id', 'in', part).execute();
      for (const row of known) overlay.known.set(row.change_id, row.content_hash);
    }
    return overlay;
  }

  readRow(entity: string, rowId: string): RowState | null {
    const row = this.rows.get(key(entity, rowId));
    return row ? { fields: row.fields } : null;
  }

  writeRow(change: ChangeRecord, decision: MergeDecision): void {
    const k = key(change.entity, change.rowId);
    let row = this.rows.get(k);
    if (!row) {
      row = { entity: change.entity, rowId: change.rowId, teamId: this.teamId, fields: {}, isNew: true, deletedAtLoad: false, dirty: new Set() };
      this.rows.set(k, row);
    }
    for (const [field, state] of Object.entries(decision.writes)) {
      row.fields[field] = state;
      row.dirty.add(field);
    }
    this.history.push(...decision.history);
    this.conflicts.push(...decision.conflicts);
  }

  knownChange(changeId: string): string | null {
    return this.known.get(changeId) ?? null;
  }

  rememberChange(change: ChangeRecord, hash: string): void {
    this.known.set(change.changeId, hash);
    this.accepted.push({ change, hash, teamId: this.rows.get(key(change.entity, change.rowId))!.teamId });
  }

  /** The team a row belongs to, if the platform knows the row (undefined otherwise). */
  teamOf(entity: string, rowId: string): string | null | undefined {
    const k = key(entity, rowId);
    const row = this.rows.get(k);
    if (row) return row.teamId;
    return this.refTeams.has(k) ? this.refTeams.get(k)! : undefined;
  }

  /** The receiver's own rules: a team writes only its own rows, and refers only to rows it can see. */
  readonly check = (change: ChangeRecord): ChangeIssue | null => {
    const spec = entitySpec(change.entity)!;
    if (spec.origin === 'platform' && !this.allowPlatformEntities) return issue('E_SYNC_FORBIDDEN_ENTITY', change.entity);
    const owner = this.teamOf(change.entity, change.rowId);
    if (owner !== undefined && owner !== this.teamId) return issue('E_SYNC_FORBIDDEN_ROW', `${change.entity} ${change.rowId}`);
    if (Object.hasOwn(change.fields, 'team_id') && change.fields.team_id !== this.teamId) return issue('E_SYNC_FORBIDDEN_ROW', `${change.entity}.team_id`);
    for (const [field, target] of Object.entries(spec.references)) {
      const value = change.fields[field];
      if (typeof value !== 'string') continue;
      if (this.teamOf(target, value) !== this.teamId) return issue('E_SYNC_REF_MISSING', `${change.entity}.${field} → ${target} ${value}`);
    }
    return null;
  };

  /** Rows whose tombstone flag differs from what was loaded. */
  deletedChanges(): OverlayRow[] {
    return [...this.rows.values()].filter((row) => !row.isNew && row.deletedAtLoad !== isTombstone(row));
  }
}

export function isTombstone(row: OverlayRow): boolean {
  return row.fields[DELETED_FIELD]?.value === true;
}

function issue(code: 'E_SYNC_FORBIDDEN_ROW' | 'E_SYNC_FORBIDDEN_ENTITY' | 'E_SYNC_REF_MISSING', detail: string): ChangeIssue {
  return { code, message: `${syncMessage(code)}：${detail}` };
}
