import { describe, expect, it } from 'vitest';
import { ChangeRecordSchema, PulledChangeSchema, PushBatchSchema, PushEnvelopeSchema } from './schema';
import { change } from './test-support';

describe('wire schemas', () => {
  it('a change record is strict: unknown keys, bad stamps and bad ids are refused', () => {
    const good = change({ fields: { name: '甲' } });
    expect(ChangeRecordSchema.safeParse(good).success).toBe(true);
    expect(ChangeRecordSchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
    expect(ChangeRecordSchema.safeParse({ ...good, hlc: '2026-11-27' }).success).toBe(false);
    expect(ChangeRecordSchema.safeParse({ ...good, rowId: '../etc' }).success).toBe(false);
    expect(ChangeRecordSchema.safeParse({ ...good, fields: { Name: 'x' } }).success).toBe(false);
    expect(PulledChangeSchema.safeParse({ ...good, serverSeq: 1, deviceId: null }).success).toBe(true);
  });

  it('the envelope needs only ids and seqs of its changes; the full batch schema checks them all', () => {
    const batch = { deviceId: 'd', batchId: 'b', fromSeq: 1, toSeq: 1, schemaVersion: 3, changes: [{ changeId: 'c', seq: 1, junk: true }] };
    expect(PushEnvelopeSchema.safeParse(batch).success).toBe(true);
    expect(PushBatchSchema.safeParse(batch).success).toBe(false);
    expect(PushEnvelopeSchema.safeParse({ ...batch, extra: 1 }).success).toBe(false);
    expect(PushEnvelopeSchema.safeParse({ ...batch, changes: [{ changeId: 'c' }] }).success).toBe(false);
  });
});
