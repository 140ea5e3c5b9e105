import { describe, expect, it } from 'vitest';
import { buildLocalChange } from './local';
import { MemoryStore } from './memory-store';
import { applyChange, compareFieldStates, isDeleted, mergeChange, type RowState } from './merge';
import { change, stamp } from './test-support';

const row = (fields: RowState['fields']): RowState => ({ fields });

describe('per-field last writer wins', () => {
  it('a later stamp replaces the value and the old value goes to history', () => {
    const current = row({ address: { value: '南山区', hlc: stamp(1000, 'dev-a') } });
    const decision = mergeChange(current, change({ hlc: stamp(2000, 'dev-b'), fields: { address: '福田区' } }));
    expect(decision.writes).toEqual({ address: { value: '福田区', hlc: stamp(2000, 'dev-b') } });
    expect(decision.outcome).toBe('updated');
    expect(decision.history).toMatchObject([{ field: 'address', value: '南山区', reason: 'overwritten' }]);
    expect(decision.conflicts).toEqual([]);
  });

  it('an older stamp is ignored, and its value still goes to history', () => {
    const current = row({ address: { value: '福田区', hlc: stamp(2000, 'dev-b') } });
    const decision = mergeChange(current, change({ hlc: stamp(1000, 'dev-a'), fields: { address: '南山区' } }));
    expect(decision.writes).toEqual({});
    expect(decision.outcome).toBe('ignored');
    expect(decision.history).toMatchObject([{ field: 'address', value: '南山区', hlc: stamp(1000, 'dev-a'), reason: 'rejected' }]);
  });

  it('the same write again changes nothing and records nothing', () => {
    const current = row({ address: { value: '福田区', hlc: stamp(2000, 'dev-b') } });
    const decision = mergeChange(current, change({ hlc: stamp(2000, 'dev-b'), fields: { address: '福田区' } }));
    expect(decision).toMatchObject({ writes: {}, history: [], conflicts: [], outcome: 'ignored' });
  });

  it('edits to different fields of one row both survive', () => {
    const store = new MemoryStore();
    applyChange(store, change({ op: 'create', hlc: stamp(1000, 'dev-a'), fields: { name: '甲公司', address: 'A', scale: 'small' } }));
    applyChange(store, change({ hlc: stamp(3000, 'dev-b'), fields: { address: 'B' } }));
    applyChange(store, change({ hlc: stamp(2000, 'dev-c'), fields: { scale: 'large' } }));
    const fields = store.readRow('company', 'row-1')!.fields;
    expect([fields.name?.value, fields.address?.value, fields.scale?.value]).toEqual(['甲公司', 'B', 'large']);
  });

  it('equal stamps with different values (never from honest devices) still resolve the same everywhere', () => {
    const a = { value: 'x', hlc: stamp(1000, 'dev-a') };
    const b = { value: 'y', hlc: stamp(1000, 'dev-a') };
    expect(compareFieldStates(a, b)).toBe(-compareFieldStates(b, a));
    const one = mergeChange(row({ notes: a }), change({ hlc: b.hlc, fields: { notes: 'y' } }));
    const two = mergeChange(row({ notes: b }), change({ hlc: a.hlc, fields: { notes: 'x' } }));
    expect(one.writes.notes?.value ?? 'x').toBe(two.writes.notes?.value ?? 'y');
  });

  it('a change for an unknown row creates it', () => {
    expect(mergeChange(null, change({ op: 'update', fields: { address: 'A' } })).outcome).toBe('created');
  });
});

describe('long free text edited on two devices', () => {
  const base = { value: '初次拜访，对方有意向。', hlc: stamp(1000, 'dev-a') };
  const fromA = change({ hlc: stamp(2000, 'dev-a'), fields: { notes: 'A 的补充' }, base: { notes: base.value }, baseHlc: { notes: base.hlc } });
  const fromB = change({ hlc: stamp(3000, 'dev-b'), fields: { notes: 'B 的补充' }, base: { notes: base.value }, baseHlc: { notes: base.hlc } });

  it('keeps the later value and records the other as a conflict, whatever the arrival order', () => {
    for (const order of [[fromA, fromB], [fromB, fromA]]) {
      const store = new MemoryStore();
      applyChange(store, change({ op: 'create', hlc: base.hlc, fields: { name: '乙公司', notes: base.value } }));
      for (const c of order) applyChange(store, c);
      expect(store.readRow('company', 'row-1')!.fields.notes).toEqual({ value: 'B 的补充', hlc: fromB.hlc });
      expect(store.conflicts).toHaveLength(1);
      expect(store.conflicts[0]).toMatchObject({ kind: 'text', field: 'notes', kept: { value: 'B 的补充' }, other: { value: 'A 的补充' } });
      expect(store.history.map((h) => h.value)).toContain('A 的补充');
    }
  });

  it('a sequential edit (the editor saw the current value) is no conflict', () => {
    const current = row({ notes: { value: 'A 的补充', hlc: fromA.hlc } });
    const next = change({ hlc: stamp(4000, 'dev-b'), fields: { notes: 'B 看过后改' }, base: { notes: 'A 的补充' }, baseHlc: { notes: fromA.hlc } });
    expect(mergeChange(current, next).conflicts).toEqual([]);
  });

  it('one device never conflicts with itself, e.g. when its weekly files arrive out of order', () => {
    const current = row({ notes: { value: '第二周', hlc: stamp(5000, 'dev-a') } });
    const older = change({ hlc: stamp(2000, 'dev-a'), fields: { notes: '第一周' }, base: { notes: '起初' } });
    expect(mergeChange(current, older).conflicts).toEqual([]);
  });

  it('with base stamps, a receiver that is merely behind sees no conflict', () => {
    // Here still holds the original; the sender edited on top of a newer value we have not received yet.
    const current = row({ notes: { value: '起初', hlc: stamp(1000, 'dev-a') } });
    const later = change({ hlc: stamp(4000, 'dev-c'), fields: { notes: 'C 的版本' }, base: { notes: 'B 的版本' }, baseHlc: { notes: stamp(3000, 'dev-b') } });
    expect(mergeChange(current, later).conflicts).toEqual([]);
  });

  it('short fields never raise conflicts, they just resolve by stamp', () => {
    const current = row({ address: { value: 'X', hlc: stamp(2000, 'dev-a') } });
    const other = change({ hlc: stamp(3000, 'dev-b'), fields: { address: 'Y' }, base: { address: 'W' } });
    const decision = mergeChange(current, other);
    expect(decision.conflicts).toEqual([]);
    expect(decision.history).toHaveLength(1);
  });
});

describe('tombstones', () => {
  const created = change({ op: 'create', hlc: stamp(1000, 'dev-a'), fields: { name: '丙公司', address: 'A' } });
  const deleted = change({ op: 'delete', hlc: stamp(2000, 'dev-a'), fields: { deleted: true }, base: { deleted: false } });
  const edited = change({ op: 'update', hlc: stamp(3000, 'dev-b'), fields: { address: 'B' }, base: { address: 'A' } });

  it('delete wins over a concurrent edit in either order; the edit is kept in history and flagged', () => {
    const results = [[deleted, edited], [edited, deleted]].map((order) => {
      const store = new MemoryStore();
      applyChange(store, created);
      for (const c of order) applyChange(store, c);
      return store;
    });
    for (const store of results) {
      expect(isDeleted(store.readRow('company', 'row-1'))).toBe(true);
      expect(store.history).toContainEqual(expect.objectContaining({ field: 'address', value: 'B', reason: 'hidden-by-delete' }));
      expect(store.conflicts).toContainEqual(expect.objectContaining({ kind: 'deleted', field: 'address', other: { value: 'B', hlc: edited.hlc } }));
    }
    expect(results[0]!.snapshot()).toBe(results[1]!.snapshot());
  });

  it('a later restore brings the row back with its latest values', () => {
    const store = new MemoryStore();
    for (const c of [created, deleted, edited]) applyChange(store, c);
    const restored = applyChange(store, change({ op: 'restore', hlc: stamp(4000, 'dev-a'), fields: { deleted: false } }));
    expect(restored.outcome).toBe('restored');
    const fields = store.readRow('company', 'row-1')!.fields;
    expect([isDeleted({ fields }), fields.address?.value]).toEqual([false, 'B']);
  });

  it('an edit older than the delete is not flagged', () => {
    const store = new MemoryStore();
    for (const c of [created, deleted]) applyChange(store, c);
    const old = applyChange(store, change({ hlc: stamp(1500, 'dev-b'), fields: { address: 'old' } }));
    expect(old.conflicts).toEqual([]);
  });

  it('a delete for a row never seen still leaves a tombstone, so a late create stays deleted', () => {
    const store = new MemoryStore();
    expect(applyChange(store, deleted).outcome).toBe('deleted');
    applyChange(store, created);
    expect(isDeleted(store.readRow('company', 'row-1'))).toBe(true);
  });
});

describe('buildLocalChange', () => {
  it('records what the editor saw as base and baseHlc; a create has none', () => {
    const current = row({ notes: { value: 'old', hlc: stamp(1000, 'dev-a') } });
    const input = { changeId: 'x', seq: 1, hlc: stamp(2000, 'dev-a'), entity: 'company', rowId: 'r', fields: { notes: 'new', address: 'A' } };
    expect(buildLocalChange(current, { ...input, op: 'update' })).toMatchObject({
      base: { notes: 'old', address: null },
      baseHlc: { notes: stamp(1000, 'dev-a') },
    });
    expect(buildLocalChange(null, { ...input, op: 'create' })).not.toHaveProperty('base');
  });
});
