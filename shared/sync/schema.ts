import { z } from 'zod';
import { isHlc } from './hlc';
import type { JsonValue } from './json';

/**
 * The wire format of sync (docs/sync-protocol.md): change records, push batches, import
 * summaries and pull pages. Entity and field names are checked separately
 * (`validate.ts`), so that one bad change is reported on its own and never fails a batch.
 */

const ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_.:-]{0,99}$/;
const FIELD_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export const SyncIdSchema = z.string().regex(ID_PATTERN, '编号只能包含字母、数字和 _ . : -，最长 100 个字符');
export const HlcSchema = z.string().refine(isHlc, '时间戳（HLC）格式不正确');
export const ChangeOpSchema = z.enum(['create', 'update', 'delete', 'restore']);
export type ChangeOp = z.infer<typeof ChangeOpSchema>;

export const JsonValueSchema = z.json() as z.ZodType<JsonValue>;
const FieldMapSchema = z.record(z.string().regex(FIELD_PATTERN, '字段名格式不正确'), JsonValueSchema);

export const ChangeRecordSchema = z
  .object({
    changeId: SyncIdSchema,
    /** The device's own sequence number (its outbox position), 1, 2, 3 … */
    seq: z.int().min(1),
    /** One hybrid logical clock stamp for every field of this change. */
    hlc: HlcSchema,
    entity: z.string().regex(FIELD_PATTERN, '数据类型名称格式不正确'),
    rowId: SyncIdSchema,
    op: ChangeOpSchema,
    fields: FieldMapSchema,
    /** Each changed field's value as the device saw it before this change. */
    base: FieldMapSchema.optional(),
    /** Each changed field's clock as the device saw it before this change (makes conflict detection exact). */
    baseHlc: z.record(z.string().regex(FIELD_PATTERN), HlcSchema).optional(),
  })
  .strict();
export type ChangeRecord = z.infer<typeof ChangeRecordSchema>;

/** A change as pull serves it: the pushed record plus where it sits in the platform's log. */
export const PulledChangeSchema = ChangeRecordSchema.extend({
  serverSeq: z.int().min(1),
  /** The device that pushed it; null for the platform's own changes (reference data). */
  deviceId: z.string().nullable(),
}).strict();
export type PulledChange = z.infer<typeof PulledChangeSchema>;

/** The change record inside a pulled change (what the merge takes and the content hash covers). */
export function toChangeRecord(pulled: PulledChange): ChangeRecord {
  const { serverSeq: _serverSeq, deviceId: _deviceId, ...change } = pulled;
  return change;
}

/**
 * The envelope of a push. Each change must at least carry an id and a seq (its place in
 * the device's queue); everything else about it is checked change by change.
 */
export const PushEnvelopeSchema = z
  .object({
    deviceId: SyncIdSchema,
    batchId: SyncIdSchema,
    fromSeq: z.int().min(1),
    toSeq: z.int().min(1),
    schemaVersion: z.int().min(1).max(1_000_000),
    changes: z.array(z.looseObject({ changeId: z.string().min(1).max(100), seq: z.int().min(1) })).max(20_000),
  })
  .strict();

export const PushBatchSchema = PushEnvelopeSchema.extend({ changes: z.array(ChangeRecordSchema) });
export type PushBatch = z.infer<typeof PushBatchSchema>;

const FieldStateSchema = z.object({ value: JsonValueSchema, hlc: HlcSchema });

export const SyncConflictSchema = z.object({
  changeId: z.string(),
  entity: z.string(),
  rowId: z.string(),
  field: z.string(),
  /** `text`: long text edited on both sides; `deleted`: an edit met a tombstone. */
  kind: z.enum(['text', 'deleted']),
  /** The value the row keeps (the later stamp; for `deleted`, the tombstone). */
  kept: FieldStateSchema,
  /** The value that lost; it is also in field history. */
  other: FieldStateSchema,
});
export type SyncConflict = z.infer<typeof SyncConflictSchema>;

export const ChangeErrorSchema = z.object({ changeId: z.string(), code: z.string(), message: z.string() });
export type ChangeError = z.infer<typeof ChangeErrorSchema>;

export const ImportStatsSchema = z.object({
  created: z.int(),
  updated: z.int(),
  deleted: z.int(),
  ignored: z.int(),
  conflicts: z.int(),
  errors: z.int(),
  total: z.int(),
});
export type ImportStats = z.infer<typeof ImportStatsSchema>;

/** DHIS2's import summary shape. */
export const ImportSummarySchema = z.object({
  status: z.enum(['OK', 'WARNING', 'ERROR']),
  batchId: z.string(),
  stats: ImportStatsSchema,
  conflicts: z.array(SyncConflictSchema),
  errors: z.array(ChangeErrorSchema),
  lastAppliedSeq: z.int(),
  serverTime: z.string(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const PullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const PullPageSchema = z.object({
  changes: z.array(PulledChangeSchema),
  /** Pass back as `cursor` for the next page; it never goes backwards. */
  nextCursor: z.int().min(0),
  hasMore: z.boolean(),
  serverTime: z.string(),
});
export type PullPage = z.infer<typeof PullPageSchema>;
