import { createHash } from 'node:crypto';
import { clockSkewMessage, seqGapMessage } from '../../../shared/sync/errors';
import { excessiveClockLead } from '../../../shared/sync/guard';
import { changeContentHash, jsonHash, type Sha256Hex } from '../../../shared/sync/hash';
import { buildSummary, importChanges, newResult } from '../../../shared/sync/import';
import type { ImportStats, PushEnvelopeSchema } from '../../../shared/sync/schema';
import type { z } from 'zod';
import type { PlatformDeps, Principal } from '../../context';
import { ApiError, errors } from '../../http/errors';
import { forUpdate } from '../../store/dialect';
import { flushOverlay } from './flush';
import { BatchOverlay } from './overlay';

export const nodeSha256: Sha256Hex = (data) => createHash('sha256').update(data).digest('hex');

export type PushEnvelope = z.infer<typeof PushEnvelopeSchema>;

/** Envelope rules that need no database: whose batch it is, and a sane seq range. */
export function checkEnvelope(envelope: PushEnvelope, principal: Principal): void {
  if (principal.kind !== 'device' || principal.deviceId === null) throw errors.forbidden('只有已注册的设备可以上传变更');
  if (principal.role === 'admin' || principal.teamId === null) throw errors.forbidden('只有工作队成员的设备可以上传变更');
  if (envelope.deviceId !== principal.deviceId) throw new ApiError('E_SYNC_DEVICE_MISMATCH', 403);
  if (envelope.fromSeq > envelope.toSeq) throw new ApiError('E_SYNC_BAD_BATCH', 400, `同步批次的序号范围不正确：fromSeq ${envelope.fromSeq} 大于 toSeq ${envelope.toSeq}`);
  let previous = envelope.fromSeq - 1;
  for (const change of envelope.changes) {
    if (change.seq <= previous || change.seq > envelope.toSeq) {
      throw new ApiError('E_SYNC_BAD_BATCH', 400, `同步批次的序号范围不正确：变更 ${change.changeId.slice(0, 100)} 的序号 ${change.seq} 应递增且在 ${envelope.fromSeq}–${envelope.toSeq} 之间`);
    }
    previous = change.seq;
  }
}

/**
 * Applies one push batch in one transaction (DESIGN §4) and returns the import summary
 * as the exact text to send — stored with the batch, so a repeat gets the same bytes.
 *
 * Exactly once, on any number of instances: the device row is locked first (so one
 * device's batches apply one at a time, and a repeat waits and then finds the stored
 * summary); `change_log.change_id` is unique; the batch is keyed by (device, batch id).
 */
export async function applyPush(deps: PlatformDeps, principal: Principal & { deviceId: string; teamId: string }, envelope: PushEnvelope): Promise<string> {
  const bodyHash = jsonHash(envelope, nodeSha256);
  const { store } = deps;
  const outcome = await store.transaction(async (trx): Promise<{ summary: string; stats: ImportStats | null }> => {
    const device = await forUpdate(store.kind, trx.selectFrom('devices').select(['id', 'last_seq', 'revoked_at']).where('id', '=', principal.deviceId)).executeTakeFirst();
    if (!device || device.revoked_at !== null) throw errors.unauthorized();

    const stored = await trx.selectFrom('push_batches').select(['body_hash', 'summary']).where('device_id', '=', device.id).where('batch_id', '=', envelope.batchId).executeTakeFirst();
    if (stored) {
      if (stored.body_hash !== bodyHash) throw errors.conflict('E_SYNC_BATCH_MISMATCH');
      return { summary: stored.summary, stats: null };
    }
    const lastSeq = device.last_seq;
    if (envelope.fromSeq > lastSeq + 1) throw errors.conflict('E_SYNC_SEQ_GAP', seqGapMessage(lastSeq, envelope.fromSeq), { lastAppliedSeq: lastSeq });

    const fresh = envelope.changes.filter((change) => change.seq > lastSeq);
    const now = deps.now();
    const lead = excessiveClockLead(
      fresh.map((change) => change.hlc).filter((hlc): hlc is string => typeof hlc === 'string'),
      now.getTime(),
      deps.limits.maxClockAheadMs,
    );
    if (lead !== null) {
      throw new ApiError('E_CLOCK_SKEW', 422, clockSkewMessage(lead), { skewHours: Math.round(lead / 3_600_000), serverTime: now.toISOString() });
    }

    const result = newResult();
    // Changes at or below the device's last applied seq arrived before: duplicates.
    result.stats.total = envelope.changes.length - fresh.length;
    result.stats.ignored = result.stats.total;
    const overlay = await BatchOverlay.load(trx, store.kind, fresh, { teamId: principal.teamId, allowPlatformEntities: false });
    importChanges(overlay, fresh, { hash: (change) => changeContentHash(change, nodeSha256), check: overlay.check }, result);
    await flushOverlay(trx, overlay, { deviceId: device.id, now });

    const lastAppliedSeq = Math.max(lastSeq, envelope.toSeq);
    await trx
      .updateTable('devices')
      .set({ last_seq: lastAppliedSeq, last_seen_at: now.toISOString(), schema_version: envelope.schemaVersion })
      .where('id', '=', device.id)
      .execute();
    const summary = JSON.stringify(buildSummary({ batchId: envelope.batchId, result, lastAppliedSeq, serverTime: now.toISOString() }));
    await trx.insertInto('push_batches').values({ device_id: device.id, batch_id: envelope.batchId, body_hash: bodyHash, summary, created_at: now.toISOString() }).execute();
    return { summary, stats: result.stats };
  });
  deps.logger.info(outcome.stats ? 'push applied' : 'push repeated', {
    deviceId: principal.deviceId,
    batchId: envelope.batchId,
    fromSeq: envelope.fromSeq,
    toSeq: envelope.toSeq,
    ...outcome.stats,
  });
  return outcome.summary;
}
