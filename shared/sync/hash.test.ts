import { describe, expect, it } from 'vitest';
import { changeContentHash, changeContentHashAsync, subtleSha256, toHex } from './hash';
import { canonicalJson, jsonEqual } from './json';
import { change } from './test-support';

describe('canonical JSON and content hashes', () => {
  it('is independent of key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });

  it('hashes the content of a change: not its seq, not its key order; any edit changes it', async () => {
    const sha = async (bytes: Uint8Array) => subtleSha256(bytes);
    const a = change({ fields: { name: '甲', tags: ['x'] } });
    const reordered = { fields: { tags: ['x'], name: '甲' }, op: a.op, rowId: a.rowId, entity: a.entity, hlc: a.hlc, seq: 777, changeId: a.changeId };
    const h = await changeContentHashAsync(a, sha);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await changeContentHashAsync(reordered, sha)).toBe(h);
    expect(await changeContentHashAsync({ ...a, fields: { name: '乙', tags: ['x'] } }, sha)).not.toBe(h);
    expect(await changeContentHashAsync({ ...a, base: { name: null } }, sha)).not.toBe(h);
  });

  it('the sync and async forms agree (same bytes, any SHA-256)', async () => {
    const c = change({ fields: { notes: '走访纪要' } });
    const bytesSeen: string[] = [];
    changeContentHash(c, (bytes) => (bytesSeen.push(toHex(bytes)), 'x'));
    await changeContentHashAsync(c, async (bytes) => (bytesSeen.push(toHex(bytes)), 'x'));
    expect(bytesSeen[0]).toBe(bytesSeen[1]);
  });

  it('subtleSha256 matches the standard test vector', async () => {
    expect(await subtleSha256(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
