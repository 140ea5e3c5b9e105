import { canonicalJson } from '../../shared/sync/json';
import { changeContentHash } from '../../shared/sync/hash';
import { importChanges } from '../../shared/sync/import';
import type { JsonValue } from '../../shared/sync/json';
import { buildLocalChange } from '../../shared/sync/local';
import { MemoryStore } from '../../shared/sync/memory-store';
import { toChangeRecord, type ChangeOp, type ChangeRecord, type ImportSummary, type PullPage } from '../../shared/sync/schema';
import { nodeSha256 } from '../features/sync/push';
import type { SimDevice } from './harness';

const hash = (change: ChangeRecord) => changeContentHash(change, nodeSha256);

export type Send = (method: string, path: string, token: string, body?: unknown) => Promise<{ status: number; json: unknown }>;

/**
 * A model of the app's sync client over an in-memory store: local edits go to an
 * outbox; push sends what the platform has not acknowledged, retrying a batch with the
 * same id after a lost answer; pull applies pages and moves its cursor only when a page
 * was applied. It exists so tests can drive the real platform the way devices will.
 */
export class Replica {
  readonly store = new MemoryStore();
  readonly outbox: ChangeRecord[] = [];
  acked = 0;
  cursor = 0;
  /** A batch whose answer was lost: sent again as is (same id) next time, like a retry. */
  private pending: Record<string, unknown> | null = null;
  private batches = 0;

  constructor(readonly device: SimDevice) {}

  edit(entity: string, rowId: string, op: ChangeOp, fields: Record<string, JsonValue>): ChangeRecord {
    this.device.seq += 1;
    const change = buildLocalChange(this.store.readRow(entity, rowId), {
      changeId: `${this.device.deviceId}-${this.device.seq}`,
      seq: this.device.seq,
      hlc: this.device.clock.tick(),
      entity,
      rowId,
      op,
      fields,
    });
    importChanges(this.store, [change], { hash });
    this.outbox.push(change);
    return change;
  }

  /** Pushes up to `max` unacknowledged changes; with `loseAnswer` the platform's reply never arrives. */
  async push(send: Send, max: number, loseAnswer = false): Promise<ImportSummary | null> {
    let batch = this.pending;
    if (!batch) {
      const changes = this.outbox.filter((change) => change.seq > this.acked).slice(0, max);
      if (changes.length === 0) return null;
      this.batches += 1;
      batch = { deviceId: this.device.deviceId, batchId: `${this.device.deviceId}-b${this.batches}`, fromSeq: changes[0]!.seq, toSeq: changes.at(-1)!.seq, schemaVersion: 3, changes };
    }
    const reply = await send('POST', '/api/v1/sync/push', this.device.token, batch);
    if (reply.status !== 200) throw new Error(`push ${reply.status}: ${JSON.stringify(reply.json)}`);
    if (loseAnswer) {
      this.pending = batch;
      return null;
    }
    this.pending = null;
    const summary = reply.json as ImportSummary;
    if (summary.errors.length > 0) throw new Error(`push errors: ${JSON.stringify(summary.errors)}`);
    this.acked = summary.lastAppliedSeq;
    return summary;
  }

  async pull(send: Send, limit: number, loseAnswer = false): Promise<boolean> {
    const reply = await send('GET', `/api/v1/sync/pull?cursor=${this.cursor}&limit=${limit}`, this.device.token);
    if (reply.status !== 200) throw new Error(`pull ${reply.status}`);
    const page = reply.json as PullPage;
    if (loseAnswer) return true;
    const result = importChanges(this.store, page.changes.map(toChangeRecord), {
      hash,
      onMerged: (change) => this.device.clock.receive(change.hlc),
    });
    if (result.errors.length > 0) throw new Error(`pull errors: ${JSON.stringify(result.errors)}`);
    this.cursor = page.nextCursor;
    return page.hasMore;
  }

  async syncFully(send: Send): Promise<void> {
    while (this.pending || this.outbox.some((change) => change.seq > this.acked)) await this.push(send, 50);
    while (await this.pull(send, 200));
  }

  /** This replica's rows among `rowIds`, canonical. */
  snapshot(entity: string, rowIds: Iterable<string>): string {
    return canonicalJson([...rowIds].sort().map((rowId) => [rowId, this.store.readRow(entity, rowId)?.fields ?? null]));
  }
}
