import { createHash, randomUUID } from 'node:crypto';
import { clockSkewMessage } from '../../shared/sync/errors';
import { checkMassDelete } from '../../shared/sync/guard';
import { changeContentHash } from '../../shared/sync/hash';
import type { HlcClock } from '../../shared/sync/hlc';
import { importChanges } from '../../shared/sync/import';
import { isSyncEntity } from '../../shared/sync/entities';
import { ImportSummarySchema, PullPageSchema, toChangeRecord, type ChangeRecord, type ImportSummary, type PullPage } from '../../shared/sync/schema';
import { SqliteImportStore } from '../features/weeklog/merge-store';
import type { Db } from '../sql';
import { ENTITIES, isEntityName } from '../store/entities';
import { statement } from '../store/statements';
import { ensureSyncSchema, getMeta, getNumber, recordConflict, setMeta } from './state';

/**
 * The app's sync loop against the platform's HTTP API (docs/sync-protocol.md):
 * push the outbox in batches (the same batch id on every retry), pull pages by cursor —
 * each page and its cursor applied in one transaction through the shared merge engine —
 * then push again what the pull may have let through. Stops and asks before a pull page
 * that would delete more than half of the live rows, and stops on clock skew.
 */
export interface SyncCredentials {
  platformUrl: string;
  token: string;
}

export interface SyncClientOptions {
  db: Db;
  deviceId: string;
  clock: HlcClock;
  schemaVersion: number;
  credentials: () => SyncCredentials | null;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  /** Upper bound of a push body in bytes (the platform takes 1 MiB). */
  maxBatchBytes?: number;
  pageLimit?: number;
  /** Attempts per request on network errors, 5xx and 429. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Fewer deletions than this never stop a pull (the rule is "more than half"). */
  massDeleteMin?: number;
  /** Test hook, called inside each page's transaction after the merge (throw = the app dies mid-apply). */
  onPageApplied?: (page: PullPage) => void;
}

export type SyncOutcome =
  | { kind: 'ok'; pushed: number; pulled: number; conflicts: number; errors: number }
  | { kind: 'not-enrolled' }
  | { kind: 'blocked'; reason: 'clock-skew' | 'mass-delete' | 'unauthorized'; message: string };

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A network error, 5xx or 429 that outlasted the retries: try again later. */
export class SyncOfflineError extends Error {}

export interface MassDeletePending {
  cursor: number;
  deletions: number;
  liveRows: number;
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export class SyncClient {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => Date;
  private progressValue: { pulled: number; cursor: number } = { pulled: 0, cursor: 0 };

  constructor(private readonly options: SyncClientOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
    ensureSyncSchema(options.db);
  }

  get progress(): { pulled: number; cursor: number } {
    return this.progressValue;
  }

  /** push → pull → push. */
  async sync(): Promise<SyncOutcome> {
    const credentials = this.options.credentials();
    if (!credentials) return { kind: 'not-enrolled' };
    const { db } = this.options;
    try {
      const first = await this.push(credentials);
      const pulled = await this.pull(credentials);
      if (pulled.kind === 'blocked') return pulled;
      const second = await this.push(credentials);
      setMeta(db, 'sync_last_ok', this.now().toISOString());
      setMeta(db, 'sync_last_error', null);
      return { kind: 'ok', pushed: first.pushed + second.pushed, pulled: pulled.pulled, conflicts: first.conflicts + second.conflicts + pulled.conflicts, errors: first.errors + second.errors };
    } catch (error) {
      if (error instanceof SyncHttpError && error.code === 'E_CLOCK_SKEW') {
        const hours = Number(error.body.skewHours ?? 0);
        const message = error.message || clockSkewMessage(hours * 3_600_000);
        setMeta(db, 'sync_blocked', message);
        return { kind: 'blocked', reason: 'clock-skew', message };
      }
      if (error instanceof SyncHttpError && (error.status === 401 || error.status === 403)) {
        setMeta(db, 'sync_last_error', error.message);
        return { kind: 'blocked', reason: 'unauthorized', message: error.message };
      }
      setMeta(db, 'sync_last_error', error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /**
   * Pushes every outbox entry after the acked seq, batch by batch. Pushed entries stay in the
   * outbox: the weekly-log export reads them too (pruning old ones is for later).
   */
  async push(credentials: SyncCredentials): Promise<{ pushed: number; conflicts: number; errors: number }> {
    const { db } = this.options;
    let pushed = 0;
    let conflicts = 0;
    let errors = 0;
    for (let guard = 0; guard < 100_000; guard += 1) {
      const batch = this.currentBatch();
      if (!batch) break;
      let summary: ImportSummary;
      try {
        summary = ImportSummarySchema.parse(await this.request(credentials, 'POST', '/api/v1/sync/push', batch.body));
      } catch (error) {
        if (error instanceof SyncHttpError && error.code === 'E_SYNC_SEQ_GAP') {
          // The platform has less than we thought: rebuild from its lastAppliedSeq + 1.
          db.transaction(() => {
            setMeta(db, 'sync_acked_seq', String(Number(error.body.lastAppliedSeq ?? 0)));
            setMeta(db, 'sync_batch', null);
          })();
          continue;
        }
        if (error instanceof SyncHttpError && error.code === 'E_SYNC_BATCH_MISMATCH') {
          setMeta(db, 'sync_batch', null);
          continue;
        }
        throw error;
      }
      setMeta(db, 'sync_blocked', null);
      db.transaction(() => this.takeSummary(batch, summary))();
      pushed += batch.count;
      conflicts += summary.conflicts.length;
      errors += summary.errors.length;
    }
    return { pushed, conflicts, errors };
  }

  /** The batch in flight (persisted), or a new one from the outbox; null when nothing waits. */
  private currentBatch(): { body: string; toSeq: number; count: number } | null {
    const { db } = this.options;
    const stored = getMeta(db, 'sync_batch');
    if (stored) return JSON.parse(stored) as { body: string; toSeq: number; count: number };
    const acked = getNumber(db, 'sync_acked_seq');
    const limit = this.options.maxBatchBytes ?? 900_000;
    const rows = statement(db, 'SELECT seq, change_id, entity, row_id, op, fields, base, hlc FROM outbox WHERE seq > ? ORDER BY seq LIMIT 20000').all(acked) as OutboxRow[];
    if (rows.length === 0) return null;
    const changes: string[] = [];
    let bytes = 300;
    let toSeq = acked;
    for (const row of rows) {
      if (!isSyncEntity(row.entity)) {
        // Local-only entities (week notes) travel in weekly files, not through the platform.
        toSeq = row.seq;
        continue;
      }
      const text = JSON.stringify(outboxChange(row));
      if (changes.length > 0 && bytes + text.length * 3 + 1 > limit) break;
      bytes += Buffer.byteLength(text) + 1;
      changes.push(text);
      toSeq = row.seq;
    }
    const fromSeq = acked + 1;
    const batchId = randomUUID();
    const body = `{"deviceId":${JSON.stringify(this.options.deviceId)},"batchId":"${batchId}","fromSeq":${fromSeq},"toSeq":${Math.max(toSeq, fromSeq)},"schemaVersion":${this.options.schemaVersion},"changes":[${changes.join(',')}]}`;
    const batch = { body, toSeq, count: changes.length };
    if (changes.length === 0) {
      // Only local-only entries: consume them without a request.
      db.transaction(() => {
        setMeta(db, 'sync_acked_seq', String(toSeq));
      })();
      return this.currentBatch();
    }
    setMeta(db, 'sync_batch', JSON.stringify(batch));
    return batch;
  }

  private takeSummary(batch: { toSeq: number }, summary: ImportSummary): void {
    const { db } = this.options;
    const at = this.now().toISOString();
    const acked = Math.max(getNumber(db, 'sync_acked_seq'), summary.lastAppliedSeq, 0);
    for (const error of summary.errors) {
      const row = statement(db, 'SELECT seq, change_id, entity, row_id, op, fields FROM outbox WHERE change_id = ?').get(error.changeId) as OutboxRow | undefined;
      statement(
        db,
        `INSERT INTO sync_attention (change_id, seq, entity, row_id, op, fields, code, message, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (change_id) DO UPDATE SET code = excluded.code, message = excluded.message`,
      ).run(error.changeId, row?.seq ?? 0, row?.entity ?? '', row?.row_id ?? '', row?.op ?? '', row?.fields ?? '{}', error.code, error.message, at);
    }
    for (const conflict of summary.conflicts) recordConflict(db, conflict, at);
    setMeta(db, 'sync_acked_seq', String(acked));
    // Pushed entries leave the outbox (parked errors keep a copy in sync_attention).
    setMeta(db, 'sync_batch', null);
  }

  /** Pulls pages until the platform has no more; each page with its cursor in one transaction. */
  async pull(credentials: SyncCredentials): Promise<{ kind: 'ok'; pulled: number; conflicts: number } | Extract<SyncOutcome, { kind: 'blocked' }>> {
    const { db } = this.options;
    let pulled = 0;
    let conflicts = 0;
    for (;;) {
      const cursor = getNumber(db, 'sync_cursor');
      const limit = this.options.pageLimit ?? 1000;
      const page = PullPageSchema.parse(await this.request(credentials, 'GET', `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`));
      const records = page.changes.filter((change) => isEntityName(change.entity)).map(toChangeRecord);
      const confirmed = getMeta(db, 'sync_mass_delete_ok') === String(cursor);
      if (!confirmed) {
        const check = this.massDeleteCheck(records);
        if (check.stop) {
          const pending: MassDeletePending = { cursor, deletions: check.deletions, liveRows: check.liveRows };
          setMeta(db, 'sync_mass_delete', JSON.stringify(pending));
          return { kind: 'blocked', reason: 'mass-delete', message: `这次同步会删除 ${check.deletions} 条记录（本机共 ${check.liveRows} 条），请确认后再继续。` };
        }
      }
      const applied = db.transaction(() => {
        const store = new SqliteImportStore(db, { source: 'sync', userId: null });
        const result = importChanges(store, records, {
          hash: (change) => changeContentHash(change, sha256),
          onMerged: (change) => this.options.clock.receive(change.hlc),
        });
        const at = this.now().toISOString();
        for (const conflict of result.conflicts) recordConflict(db, conflict, at);
        setMeta(db, 'hlc_last', this.options.clock.current());
        setMeta(db, 'sync_cursor', String(page.nextCursor));
        setMeta(db, 'sync_mass_delete', null);
        setMeta(db, 'sync_mass_delete_ok', null);
        this.options.onPageApplied?.(page);
        return result;
      })();
      pulled += records.length;
      conflicts += applied.conflicts.length;
      this.progressValue = { pulled: this.progressValue.pulled + page.changes.length, cursor: page.nextCursor };
      if (!page.hasMore || page.changes.length === 0) return { kind: 'ok', pulled, conflicts };
    }
  }

  private massDeleteCheck(records: readonly ChangeRecord[]) {
    const { db } = this.options;
    if (!records.some((change) => change.op === 'delete')) return { stop: false, deletions: 0, liveRows: 0 };
    let liveRows = 0;
    for (const spec of Object.values(ENTITIES)) liveRows += statement(db, `SELECT count(*) FROM ${spec.table} WHERE deleted = 0`).pluck().get() as number;
    return checkMassDelete(
      records,
      (entity, rowId, deleteHlc) => {
        if (!isEntityName(entity)) return false;
        const live = statement(db, `SELECT 1 FROM ${ENTITIES[entity].table} WHERE id = ? AND deleted = 0`).pluck().get(rowId) !== undefined;
        if (!live) return false;
        const clock = statement(db, "SELECT hlc FROM field_clock WHERE row_id = ? AND field = 'deleted' AND entity = ?").pluck().get(rowId, entity) as string | undefined;
        return clock === undefined || deleteHlc > clock;
      },
      liveRows,
      { minDeletions: this.options.massDeleteMin ?? 5 },
    );
  }

  /** One request with retries (backoff with jitter) on network errors, 5xx and 429. */
  private async request(credentials: SyncCredentials, method: 'GET' | 'POST', path: string, body?: string): Promise<unknown> {
    const attempts = this.options.maxAttempts ?? 6;
    const url = credentials.platformUrl.replace(/\/+$/, '') + path;
    let lastError: unknown = null;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (attempt > 0) await this.sleep(this.delay(attempt, lastError));
      let response: Response;
      try {
        const headers: Record<string, string> = { authorization: `Bearer ${credentials.token}` };
        if (body !== undefined) headers['content-type'] = 'application/json';
        response = await this.fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
      } catch (error) {
        lastError = error;
        continue;
      }
      const text = await response.text().catch(() => '');
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      if (response.ok) return json;
      const payload = ((json as { error?: Record<string, unknown> } | null)?.error ?? {}) as Record<string, unknown>;
      const error = new SyncHttpError(response.status, String(payload.code ?? `HTTP_${response.status}`), String(payload.message ?? `平台返回 ${response.status}`), {
        ...payload,
        retryAfter: response.headers.get('retry-after'),
      });
      if (response.status === 429 || response.status >= 500) {
        lastError = error;
        continue;
      }
      throw error;
    }
    throw new SyncOfflineError(lastError instanceof Error ? `无法连接平台：${lastError.message}` : '无法连接平台');
  }

  private delay(attempt: number, error: unknown): number {
    const retryAfter = error instanceof SyncHttpError ? Number(error.body.retryAfter ?? error.body.retryAfterSeconds ?? NaN) : NaN;
    if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
    const base = this.options.baseDelayMs ?? 500;
    const cap = this.options.maxDelayMs ?? 30_000;
    const exp = Math.min(cap, base * 2 ** (attempt - 1));
    return Math.round(exp * (0.5 + this.random() / 2));
  }
}

interface OutboxRow {
  seq: number;
  change_id: string;
  entity: string;
  row_id: string;
  op: ChangeRecord['op'];
  fields: string;
  base: string;
  hlc: string;
}

/** An outbox entry as a change record; `base` only where it matters (updates). */
function outboxChange(row: OutboxRow): ChangeRecord {
  const change: ChangeRecord = { changeId: row.change_id, seq: row.seq, hlc: row.hlc, entity: row.entity, rowId: row.row_id, op: row.op, fields: JSON.parse(row.fields) as ChangeRecord['fields'] };
  if (row.op === 'update') {
    const base = JSON.parse(row.base) as Record<string, unknown>;
    if (Object.keys(base).length > 0) change.base = base as ChangeRecord['fields'];
  }
  return change;
}
