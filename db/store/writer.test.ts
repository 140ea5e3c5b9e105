import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseSearchQuery } from '../../shared/domain/search-keys';
import { contentHash } from '../content-hash';
import { matchExpression } from './search-index';
import { testDatabase } from './test-support';
import { createRow, setDeleted, updateRow } from './writer';

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.dispose());

const history = (rowId: string) =>
  t.app.db.prepare('SELECT field, old_value, new_value FROM field_history WHERE row_id = ? ORDER BY id').all(rowId);
const outbox = (rowId: string) => t.app.db.prepare('SELECT op, fields, base FROM outbox WHERE row_id = ? ORDER BY seq').all(rowId) as { op: string; fields: string; base: string }[];

describe('the write path', () => {
  it('create records each field in history, stamps clocks and appends one outbox entry', () => {
    const id = createRow(t.app.db, t.actor, 'company', { name: '华为技术有限公司', name_norm: '华为技术', tags: ['通信'], is_listed: false });
    expect(history(id)).toEqual(
      expect.arrayContaining([
        { field: 'name', old_value: null, new_value: '"华为技术有限公司"' },
        { field: 'tags', old_value: null, new_value: '["通信"]' },
        { field: 'is_listed', old_value: null, new_value: 'false' },
      ]),
    );
    const [entry] = outbox(id);
    expect(entry?.op).toBe('create');
    expect(JSON.parse(entry!.fields)).toMatchObject({ name: '华为技术有限公司', tags: ['通信'], owner_user_id: t.app.userId });
    const clocks = t.app.db.prepare('SELECT count(*) AS n FROM field_clock WHERE row_id = ?').get(id) as { n: number };
    expect(clocks.n).toBe(Object.keys(JSON.parse(entry!.fields)).length);
  });

  it('update writes only changed fields, with their old values as base', () => {
    const id = createRow(t.app.db, t.actor, 'company', { name: '甲公司', name_norm: '甲', address: '南山区' });
    expect(updateRow(t.app.db, t.actor, 'company', id, { name: '甲公司', address: '福田区' })).toEqual(['address']);
    const last = outbox(id).at(-1)!;
    expect(last.op).toBe('update');
    expect(JSON.parse(last.fields)).toEqual({ address: '福田区' });
    expect(JSON.parse(last.base)).toEqual({ address: '南山区' });
    expect(updateRow(t.app.db, t.actor, 'company', id, { address: '福田区' })).toEqual([]);
    expect(outbox(id)).toHaveLength(2);
  });

  it('clocks only move forward, in write order', () => {
    const id = createRow(t.app.db, t.actor, 'company', { name: '乙公司', name_norm: '乙' });
    updateRow(t.app.db, t.actor, 'company', id, { address: 'A' });
    updateRow(t.app.db, t.actor, 'company', id, { address: 'B' });
    const hlcs = t.app.db.prepare('SELECT hlc FROM outbox ORDER BY seq').pluck().all() as string[];
    expect([...hlcs].sort()).toEqual(hlcs);
  });

  it('soft delete hides the row from search and can be undone', () => {
    const id = createRow(t.app.db, t.actor, 'company', { name: '深圳市腾讯计算机系统有限公司', name_norm: '腾讯计算机系统' });
    const find = (q: string) =>
      t.app.db.prepare('SELECT row_id FROM search_fts WHERE search_fts MATCH ?').pluck().all(matchExpression(normaliseSearchQuery(q))!);
    expect(find('腾讯')).toEqual([id]);
    expect(setDeleted(t.app.db, t.actor, 'company', id, true)).toBe(true);
    expect(find('腾讯')).toEqual([]);
    expect(t.app.db.prepare('SELECT deleted FROM company WHERE id = ?').pluck().get(id)).toBe(1);
    setDeleted(t.app.db, t.actor, 'company', id, false);
    expect(find('腾讯')).toEqual([id]);
    expect(outbox(id).map((e) => e.op)).toEqual(['create', 'delete', 'restore']);
  });

  it('a failing write inside a caller’s transaction leaves nothing behind', () => {
    const before = contentHash(t.app.db);
    expect(() =>
      t.app.db.transaction(() => {
        createRow(t.app.db, t.actor, 'company', { name: '丙公司', name_norm: '丙' });
        createRow(t.app.db, t.actor, 'contact', { company_id: 'no-such-company', name: '张三' });
      })(),
    ).toThrow(/FOREIGN KEY/);
    expect(contentHash(t.app.db)).toBe(before);
  });

  it('refuses fields the entity does not have', () => {
    expect(() => createRow(t.app.db, t.actor, 'company', { name: 'x', nonsense: 1 } as never)).toThrow(/no field nonsense/);
  });
});

describe('search terms', () => {
  it('finds 1-, 2- and 4-character substrings, full pinyin and initials', () => {
    const id = createRow(t.app.db, t.actor, 'company', { name: '深圳华为技术有限公司', name_norm: '华为技术' });
    const find = (q: string) => {
      const expression = matchExpression(normaliseSearchQuery(q));
      return expression ? t.app.db.prepare('SELECT row_id FROM search_fts WHERE search_fts MATCH ?').pluck().all(expression) : [];
    };
    for (const q of ['华', '华为', '华为技术', '深圳华为', 'szhw', 'shenzhenhua', 'huawei', 'hwjs']) expect(find(q), q).toEqual([id]);
    for (const q of ['为华', '腾讯', 'xyz']) expect(find(q), q).toEqual([]);
  });

  it.each(['"', '%', '*', 'NEAR', 'a OR b', '华" OR "x', "'; DROP TABLE company; --", '\\', 'NEAR(华 为)'])('hostile input %s is plain text', (q) => {
    const expression = matchExpression(normaliseSearchQuery(q));
    if (expression === null) return;
    expect(() => t.app.db.prepare('SELECT row_id FROM search_fts WHERE search_fts MATCH ?').all(expression)).not.toThrow();
  });
});
