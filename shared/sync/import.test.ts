import { describe, expect, it } from 'vitest';
import { changeContentHash } from './hash';
import { buildSummary, importChanges } from './import';
import { MemoryStore } from './memory-store';
import { ImportSummarySchema } from './schema';
import { change, stamp } from './test-support';

const hash = (c: Parameters<typeof changeContentHash>[0]) => changeContentHash(c, (bytes) => new TextDecoder().decode(bytes));

describe('importChanges', () => {
  it('one bad change never stops the rest', () => {
    const store = new MemoryStore();
    const good = change({ op: 'create', rowId: 'a', fields: { name: '甲公司' } });
    const items = [{ changeId: 'broken', seq: 'x' }, change({ entity: 'nope', fields: { a: 1 } }), good, 'not even an object'];
    const result = importChanges(store, items, { hash });
    expect(result.stats).toMatchObject({ created: 1, errors: 3, total: 4 });
    expect(result.errors.map((e) => [e.changeId, e.code])).toEqual([
      ['broken', 'E_SYNC_INVALID_CHANGE'],
      [expect.any(String), 'E_SYNC_UNKNOWN_ENTITY'],
      ['', 'E_SYNC_INVALID_CHANGE'],
    ]);
    expect(store.readRow('company', 'a')).not.toBeNull();
  });

  it('a change id seen before: the same content is a duplicate, other content an error', () => {
    const store = new MemoryStore();
    const first = change({ op: 'create', rowId: 'a', fields: { name: '甲公司' } });
    importChanges(store, [first], { hash });
    const again = importChanges(store, [{ ...first, seq: 99 }, { ...first, fields: { name: '改过的' } }], { hash });
    expect(again.stats).toMatchObject({ ignored: 1, errors: 1 });
    expect(again.errors[0]?.code).toBe('E_SYNC_CHANGE_ALTERED');
    expect(store.readRow('company', 'a')?.fields.name?.value).toBe('甲公司');
  });

  it('runs the receiver’s own check before merging', () => {
    const store = new MemoryStore();
    const result = importChanges(store, [change({ fields: { name: 'x' } })], { hash, check: () => ({ code: 'E_SYNC_FORBIDDEN_ROW', message: 'no' }) });
    expect(result.errors[0]?.code).toBe('E_SYNC_FORBIDDEN_ROW');
    expect(store.rows.size).toBe(0);
  });

  it('builds a DHIS2-shaped summary whose status follows the counts', () => {
    const store = new MemoryStore();
    const base = { op: 'update' as const, rowId: 'r', base: { notes: '起初' } };
    const result = importChanges(
      store,
      [
        change({ op: 'create', rowId: 'r', hlc: stamp(1, 'dev-a'), fields: { name: '甲', notes: '起初' } }),
        change({ ...base, hlc: stamp(3, 'dev-b'), fields: { notes: 'B' } }),
        change({ ...base, hlc: stamp(2, 'dev-c'), fields: { notes: 'C' } }),
      ],
      { hash },
    );
    const summary = buildSummary({ batchId: 'b1', result, lastAppliedSeq: 3, serverTime: '2026-11-27T00:00:00.000Z' });
    expect(ImportSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({ status: 'WARNING', stats: { created: 1, updated: 1, ignored: 1, conflicts: 1, total: 3 } });
    const allBad = buildSummary({ batchId: 'b2', result: importChanges(new MemoryStore(), [{}], { hash }), lastAppliedSeq: 0, serverTime: '' });
    expect(allBad.status).toBe('ERROR');
    const empty = buildSummary({ batchId: 'b3', result: importChanges(new MemoryStore(), [], { hash }), lastAppliedSeq: 0, serverTime: '' });
    expect(empty.status).toBe('OK');
  });
});
