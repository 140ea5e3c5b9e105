import { describe, expect, it } from 'vitest';
import { SYNC_ENTITIES } from './entities';
import { change } from './test-support';
import { validateChange } from './validate';

const codeOf = (partial: Parameters<typeof change>[0]) => validateChange(change(partial))?.code ?? null;

describe('validateChange', () => {
  it('accepts well-formed creates, updates, deletes and restores', () => {
    expect(codeOf({ op: 'create', fields: { name: '甲公司', tags: ['通信'], is_listed: true } })).toBeNull();
    expect(codeOf({ op: 'update', fields: { address: null, notes: '备注' } })).toBeNull();
    expect(codeOf({ op: 'delete', fields: { deleted: true } })).toBeNull();
    expect(codeOf({ op: 'restore', fields: { deleted: false } })).toBeNull();
    expect(codeOf({ entity: 'project', op: 'update', fields: { investment_yuan: 120_000_000 } })).toBeNull();
  });

  it('names unknown entities and fields', () => {
    expect(codeOf({ entity: 'secret', fields: { a: 1 } })).toBe('E_SYNC_UNKNOWN_ENTITY');
    expect(codeOf({ fields: { password: 'x' } })).toBe('E_SYNC_UNKNOWN_FIELD');
    expect(codeOf({ fields: { name: 'x' }, base: { nope: 1 } })).toBe('E_SYNC_UNKNOWN_FIELD');
    expect(validateChange(change({ fields: { salary: 1 } }))?.message).toContain('company.salary');
  });

  it('checks types, ranges, required and not-null fields', () => {
    expect(codeOf({ fields: { name: 42 } })).toBe('E_SYNC_FIELD_TYPE');
    expect(codeOf({ fields: { is_listed: 'yes' } })).toBe('E_SYNC_FIELD_TYPE');
    expect(codeOf({ fields: { tags: '通信' } })).toBe('E_SYNC_FIELD_TYPE');
    expect(codeOf({ entity: 'project', fields: { investment_yuan: 1.5 } })).toBe('E_SYNC_FIELD_TYPE');
    expect(codeOf({ entity: 'project', fields: { investment_yuan: -1 } })).toBe('E_SYNC_FIELD_TYPE');
    expect(codeOf({ entity: 'funds_entry', fields: { amount_yuan: 0 } })).toBe('E_SYNC_FIELD_TYPE');
    expect(codeOf({ fields: { name: '' } })).toBe('E_SYNC_FIELD_TYPE');
    expect(codeOf({ fields: { name: '长'.repeat(201) } })).toBe('E_SYNC_FIELD_TYPE');
    expect(codeOf({ fields: { notes: 'x'.repeat(20_001) } })).toBe('E_SYNC_FIELD_TYPE');
    expect(codeOf({ op: 'create', fields: { address: 'A' } })).toBe('E_SYNC_REQUIRED_FIELD');
    expect(codeOf({ fields: { name: null } })).toBe('E_SYNC_REQUIRED_FIELD');
  });

  it('refuses ops whose fields do not match', () => {
    expect(codeOf({ op: 'delete', fields: { deleted: false } })).toBe('E_SYNC_BAD_OP');
    expect(codeOf({ op: 'delete', fields: { deleted: true, name: 'x' } })).toBe('E_SYNC_BAD_OP');
    expect(codeOf({ op: 'update', fields: { deleted: false } })).toBe('E_SYNC_BAD_OP');
    expect(codeOf({ op: 'update', fields: {} })).toBe('E_SYNC_BAD_OP');
  });

  it('every long-text field is a text field of its entity', () => {
    for (const spec of Object.values(SYNC_ENTITIES)) {
      for (const field of spec.longText) expect(spec.fields[field as keyof typeof spec.fields]).toBe('text');
      for (const field of [...spec.required, ...spec.notNull, ...Object.keys(spec.references)]) expect(spec.fields).toHaveProperty(field);
    }
  });
});
