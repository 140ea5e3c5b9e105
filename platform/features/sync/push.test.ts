import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportSummarySchema } from '../../../shared/sync/schema';
import { ALL_TABLES, SYNC_TABLES, TestPlatform } from '../../test-support/harness';
import { STORE_KINDS, useStores } from '../../test-support/stores';

describe.each(STORE_KINDS)('push on %s', (kind) => {
  const stores = useStores(kind);
  let t: TestPlatform;
  let f: Awaited<ReturnType<TestPlatform['fixture']>>;
  beforeEach(async () => {
    t = await TestPlatform.open(await stores.newConfig());
    f = await t.fixture();
  });
  afterEach(() => t.close());

  it('applies a batch in one go and answers a DHIS2-style summary', async () => {
    const created = f.a1.company('华为技术有限公司', { tags: ['通信'], is_listed: false });
    const updated = f.a1.change('company', created.rowId, 'update', { address: '深圳市龙岗区' }, { base: { address: null } });
    const other = f.a1.company('比亚迪股份有限公司');
    const deleted = f.a1.change('company', other.rowId, 'delete', { deleted: true }, { base: { deleted: false } });
    const reply = await t.push(f.a1, [created, updated, other, deleted]);
    expect(reply.status).toBe(200);
    expect(ImportSummarySchema.parse(reply.json)).toEqual(reply.json);
    expect(reply.summary).toMatchObject({ status: 'OK', stats: { created: 2, updated: 1, deleted: 1, ignored: 0, conflicts: 0, errors: 0, total: 4 }, lastAppliedSeq: 4 });
    expect(await t.row('company', created.rowId)).toMatchObject({ name: '华为技术有限公司', address: '深圳市龙岗区', tags: ['通信'] });
    expect(await t.row('company', other.rowId)).toMatchObject({ deleted: true });
    const log = await t.db.selectFrom('change_log').select(['seq', 'change_id', 'team_id', 'device_id']).where('device_id', '=', f.a1.deviceId).orderBy('seq').execute();
    expect(log.map((entry) => entry.change_id)).toEqual([created, updated, other, deleted].map((c) => c.changeId));
    expect(new Set(log.map((entry) => entry.team_id))).toEqual(new Set([f.teamA]));
  });

  it('returns the stored summary byte for byte when the same batch comes again, and writes nothing', async () => {
    const batch = f.a1.batch([f.a1.company('甲公司'), f.a1.company('乙公司')]);
    const first = await t.request('POST', '/api/v1/sync/push', { token: f.a1.token, body: batch });
    const before = await t.dump();
    // Key order and whitespace do not make it another batch.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(batch).reverse()), null, 2);
    const again = await t.request('POST', '/api/v1/sync/push', { token: f.a1.token, raw: reordered });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(await t.dump()).toBe(before);
  });

  it('refuses the same batch id with other content (409) and writes nothing', async () => {
    const batch = f.a1.batch([f.a1.company('甲公司')]) as { changes: { fields: Record<string, unknown> }[] };
    await t.request('POST', '/api/v1/sync/push', { token: f.a1.token, body: batch });
    const before = await t.dump();
    batch.changes[0]!.fields.name = '篡改后的名称';
    const replay = await t.request('POST', '/api/v1/sync/push', { token: f.a1.token, body: batch });
    expect(replay.status).toBe(409);
    expect(replay.json.error.code).toBe('E_SYNC_BATCH_MISMATCH');
    expect(await t.dump()).toBe(before);
  });

  it('ignores changes at or below the last applied seq and applies the rest of an overlapping batch', async () => {
    const one = f.a1.company('甲公司');
    const two = f.a1.company('乙公司');
    await t.push(f.a1, [one, two]);
    const three = f.a1.company('丙公司');
    const overlap = await t.push(f.a1, [two, three]);
    expect(overlap.summary.stats).toMatchObject({ created: 1, ignored: 1, total: 2 });
    expect(overlap.summary.lastAppliedSeq).toBe(3);
    const old = await t.push(f.a1, [one]);
    expect(old.summary).toMatchObject({ status: 'OK', stats: { ignored: 1, total: 1 }, lastAppliedSeq: 3 });
    expect(await t.db.selectFrom('change_log').select('change_id').where('device_id', '=', f.a1.deviceId).execute()).toHaveLength(3);
  });

  it('refuses a gap in the device sequence with 409 and the seq to resume from', async () => {
    await t.push(f.a1, [f.a1.company('甲公司')]);
    f.a1.seq += 5;
    const before = await t.dump();
    const reply = await t.push(f.a1, [f.a1.company('乙公司')]);
    expect(reply.status).toBe(409);
    expect(reply.json.error).toMatchObject({ code: 'E_SYNC_SEQ_GAP', lastAppliedSeq: 1 });
    expect(reply.json.error.message).toContain('第 2 条');
    expect(await t.dump()).toBe(before);
  });

  it('one bad change never blocks the batch: each is reported, the rest applied', async () => {
    const theirs = f.b.company('广州某公司');
    await t.push(f.b, [theirs]);
    const changes = [
      f.a1.change('secret', 'x1', 'create', { a: 1 }),
      f.a1.change('company', 'x2', 'create', { name: '甲', password: 'x' }),
      f.a1.change('company', 'x3', 'create', { name: 42 }),
      f.a1.change('company', theirs.rowId, 'update', { notes: '改别队的记录' }),
      f.a1.change('contact', 'x5', 'create', { company_id: 'no-such-company', name: '张三' }),
      f.a1.change('contact', 'x6', 'create', { company_id: theirs.rowId, name: '李四' }),
      f.a1.change('company', 'x7', 'create', { name: '乙', team_id: f.teamB }),
      f.a1.change('reference', 'industry:x', 'create', { kind: 'industry', code: 'x', label: 'X' }),
      f.a1.company('好公司'),
    ];
    const good = changes.at(-1)!;
    const reply = await t.push(f.a1, changes);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.summary.status).toBe('WARNING');
    expect(reply.summary.stats).toMatchObject({ created: 1, errors: 8, total: 9 });
    expect(reply.summary.errors.map((e) => e.code)).toEqual([
      'E_SYNC_UNKNOWN_ENTITY',
      'E_SYNC_UNKNOWN_FIELD',
      'E_SYNC_FIELD_TYPE',
      'E_SYNC_FORBIDDEN_ROW',
      'E_SYNC_REF_MISSING',
      'E_SYNC_REF_MISSING',
      'E_SYNC_FORBIDDEN_ROW',
      'E_SYNC_FORBIDDEN_ENTITY',
    ]);
    expect(reply.summary.errors.map((e) => e.changeId)).toEqual(changes.slice(0, 8).map((c) => c.changeId));
    expect(await t.row('company', theirs.rowId)).not.toHaveProperty('notes');
    expect(await t.row('company', good.rowId)).toMatchObject({ name: '好公司' });
    expect(await t.row('company', 'x2')).toBeNull();
  });

  it('a change id seen before: same content is a duplicate, other content an error on that change only', async () => {
    const shared = f.a1.company('甲公司');
    await t.push(f.a1, [shared]);
    // The lead re-pushes a member's change (from a weekly file) under the lead's own seq.
    const same = await t.push(f.leadA, [{ ...shared, seq: ++f.leadA.seq }]);
    expect(same.summary.stats).toMatchObject({ ignored: 1, errors: 0 });
    const altered = { ...shared, seq: ++f.leadA.seq, fields: { ...shared.fields, name: '改过的' } };
    const next = f.leadA.company('乙公司');
    const reply = await t.push(f.leadA, [altered, next]);
    expect(reply.summary.errors).toEqual([{ changeId: shared.changeId, code: 'E_SYNC_CHANGE_ALTERED', message: expect.any(String) }]);
    expect(reply.summary.stats).toMatchObject({ created: 1, errors: 1 });
    expect(await t.row('company', shared.rowId)).toMatchObject({ name: '甲公司' });
  });

  it('concurrent edits of long text become a visible conflict; the loser stays in history', async () => {
    const company = f.a1.company('甲公司', { notes: '起初' });
    await t.push(f.a1, [company]);
    const fromA1 = f.a1.change('company', company.rowId, 'update', { notes: 'A1 的补充' }, { base: { notes: '起初' } });
    f.a2.clockOffsetMs = 5_000;
    const fromA2 = f.a2.change('company', company.rowId, 'update', { notes: 'A2 的补充' }, { base: { notes: '起初' } });
    await t.push(f.a2, [fromA2]);
    const reply = await t.push(f.a1, [fromA1]);
    expect(reply.summary.status).toBe('WARNING');
    expect(reply.summary.conflicts).toEqual([
      expect.objectContaining({ changeId: fromA1.changeId, kind: 'text', field: 'notes', kept: { value: 'A2 的补充', hlc: fromA2.hlc }, other: { value: 'A1 的补充', hlc: fromA1.hlc } }),
    ]);
    expect(await t.row('company', company.rowId)).toMatchObject({ notes: 'A2 的补充' });
    const history = await t.db.selectFrom('field_history').select(['value', 'reason']).where('row_id', '=', company.rowId).execute();
    expect(history).toContainEqual({ value: '"A1 的补充"', reason: 'rejected' });
    expect(await t.db.selectFrom('sync_conflicts').select(['kind', 'team_id']).execute()).toEqual([{ kind: 'text', team_id: f.teamA }]);
  });

  it('a delete wins over a concurrent edit; the edit is kept in history and flagged', async () => {
    const company = f.a1.company('甲公司');
    await t.push(f.a1, [company]);
    await t.push(f.a1, [f.a1.change('company', company.rowId, 'delete', { deleted: true })]);
    f.a2.clockOffsetMs = 5_000;
    const edit = f.a2.change('company', company.rowId, 'update', { address: '福田区' });
    const reply = await t.push(f.a2, [edit]);
    expect(reply.summary.conflicts).toEqual([expect.objectContaining({ kind: 'deleted', field: 'address', other: { value: '福田区', hlc: edit.hlc } })]);
    expect(await t.row('company', company.rowId)).toMatchObject({ deleted: true, address: '福田区' });
    expect((await t.db.selectFrom('sync_rows').select('deleted').where('row_id', '=', company.rowId).executeTakeFirst())?.deleted).toBe(1);
  });

  it('refuses a clock more than a day ahead, naming the skew in hours, and writes nothing', async () => {
    await t.push(f.a1, [f.a1.company('甲公司')]);
    const before = await t.dump(ALL_TABLES);
    f.a1.clockOffsetMs = 30 * 3_600_000;
    const reply = await t.push(f.a1, [f.a1.company('乙公司')]);
    expect(reply.status).toBe(422);
    expect(reply.json.error).toMatchObject({ code: 'E_CLOCK_SKEW', skewHours: 30 });
    expect(reply.json.error.message).toContain('设备时钟快了约 30 小时');
    expect(await t.dump(ALL_TABLES)).toBe(before);
  });

  it('checks whose batch it is and that its seqs make sense', async () => {
    const stranger = await t.push(f.a1, [f.a1.company('甲公司')], { deviceId: f.a2.deviceId });
    expect([stranger.status, stranger.json.error.code]).toEqual([403, 'E_SYNC_DEVICE_MISMATCH']);
    const c1 = f.a1.company('乙公司');
    const c2 = f.a1.company('丙公司');
    const unordered = await t.push(f.a1, [c2, c1], { fromSeq: c1.seq, toSeq: c2.seq });
    expect([unordered.status, unordered.json.error.code]).toEqual([400, 'E_SYNC_BAD_BATCH']);
    const admin = await t.request('POST', '/api/v1/sync/push', { token: t.adminToken, body: f.a1.batch([]) });
    expect([admin.status, admin.json.error.code]).toEqual([403, 'E_FORBIDDEN']);
    expect(await t.dump(SYNC_TABLES)).not.toContain('乙公司');
  });

  it('an empty batch covering coalesced seqs just moves the device on', async () => {
    f.a1.seq = 3;
    const reply = await t.request('POST', '/api/v1/sync/push', { token: f.a1.token, body: { ...f.a1.batch([]), fromSeq: 1, toSeq: 3 } });
    expect(reply.json).toMatchObject({ status: 'OK', stats: { total: 0 }, lastAppliedSeq: 3 });
  });
});
