import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../shared/sync/json';
import type { PulledChange } from '../../../shared/sync/schema';
import type { PlatformDb } from '../../store/schema';
import { chunks, isTombstone, type BatchOverlay } from './overlay';

/**
 * Writes one batch's merge result: new rows, changed tombstone flags, the fields that
 * changed, history and conflicts, and the accepted changes appended to the change log.
 *
 * The log's sequence numbers are reserved from `counters` as the *last* thing before
 * commit. That row stays locked until commit, so transactions take numbers in commit
 * order: a puller that has seen seq N can never later find a committed N−1 appearing
 * behind its cursor. On SQLite the file's write lock already orders everything.
 */
export async function flushOverlay(trx: Kysely<PlatformDb>, overlay: BatchOverlay, origin: { deviceId: string | null; now: Date }): Promise<number[]> {
  const now = origin.now.toISOString();
  const rows = [...overlay.rows.values()];

  const fresh = rows.filter((row) => row.isNew);
  for (const part of chunks(fresh)) {
    await trx
      .insertInto('sync_rows')
      .values(part.map((row) => ({ entity: row.entity, row_id: row.rowId, team_id: row.teamId, deleted: isTombstone(row) ? 1 : 0, created_at: now })))
      .execute();
  }
  for (const row of overlay.deletedChanges()) {
    await trx
      .updateTable('sync_rows')
      .set({ deleted: isTombstone(row) ? 1 : 0 })
      .where('entity', '=', row.entity)
      .where('row_id', '=', row.rowId)
      .execute();
  }

  const fields = rows.flatMap((row) => [...row.dirty].map((field) => ({ entity: row.entity, row_id: row.rowId, field, value: canonicalJson(row.fields[field]!.value), hlc: row.fields[field]!.hlc })));
  for (const part of chunks(fields, 200)) {
    await trx
      .insertInto('sync_fields')
      .values(part)
      .onConflict((oc) => oc.columns(['entity', 'row_id', 'field']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), hlc: eb.ref('excluded.hlc') })))
      .execute();
  }

  const teamOf = (entity: string, rowId: string) => overlay.teamOf(entity, rowId) ?? null;
  for (const part of chunks(overlay.history, 200)) {
    await trx
      .insertInto('field_history')
      .values(
        part.map((entry) => ({
          change_id: entry.changeId,
          field: entry.field,
          reason: entry.reason,
          entity: entry.entity,
          row_id: entry.rowId,
          team_id: teamOf(entry.entity, entry.rowId),
          value: canonicalJson(entry.value),
          hlc: entry.hlc,
          recorded_at: now,
        })),
      )
      .execute();
  }
  for (const part of chunks(overlay.conflicts, 200)) {
    await trx
      .insertInto('sync_conflicts')
      .values(
        part.map((conflict) => ({
          change_id: conflict.changeId,
          field: conflict.field,
          kind: conflict.kind,
          entity: conflict.entity,
          row_id: conflict.rowId,
          team_id: teamOf(conflict.entity, conflict.rowId),
          kept_value: canonicalJson(conflict.kept.value),
          kept_hlc: conflict.kept.hlc,
          other_value: canonicalJson(conflict.other.value),
          other_hlc: conflict.other.hlc,
          created_at: now,
        })),
      )
      .execute();
  }

  const accepted = overlay.accepted;
  if (accepted.length === 0) return [];
  const { value: last } = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', accepted.length) }))
    .where('name', '=', 'change_log')
    .returning('value')
    .executeTakeFirstOrThrow();
  const first = last - accepted.length + 1;
  const seqs = accepted.map((_, i) => first + i);
  const entries = accepted.map(({ change, hash, teamId }, i) => {
    const serverSeq = seqs[i]!;
    // The platform's own changes (reference data) have no device queue; their seq is their place in the log.
    const record: PulledChange = { ...change, seq: origin.deviceId === null ? serverSeq : change.seq, serverSeq, deviceId: origin.deviceId };
    return {
      seq: serverSeq,
      change_id: change.changeId,
      content_hash: hash,
      device_id: origin.deviceId,
      team_id: teamId,
      entity: change.entity,
      row_id: change.rowId,
      hlc: change.hlc,
      record: JSON.stringify(record),
      received_at: now,
    };
  });
  for (const part of chunks(entries, 200)) await trx.insertInto('change_log').values(part).execute();
  return seqs;
}
