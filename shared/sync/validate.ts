import { DELETED_FIELD, MAX_TEXT_LENGTH, entitySpec, type SyncEntitySpec, type SyncFieldKind } from './entities';
import { syncMessage, type SyncErrorCode } from './errors';
import type { JsonValue } from './json';
import type { ChangeRecord } from './schema';

export interface ChangeIssue {
  code: SyncErrorCode;
  message: string;
}

function issue(code: SyncErrorCode, detail: string): ChangeIssue {
  return { code, message: `${syncMessage(code)}：${detail}` };
}

/**
 * Checks a well-formed change against the entity table: known entity and fields, value
 * types and ranges, required fields of a create, and an op that matches its fields.
 * Returns null when the change may be merged. Pure; used by every receiver.
 */
export function validateChange(change: ChangeRecord): ChangeIssue | null {
  const spec = entitySpec(change.entity);
  if (!spec) return issue('E_SYNC_UNKNOWN_ENTITY', change.entity);
  const names = Object.keys(change.fields);
  if (change.op === 'delete' || change.op === 'restore') {
    const expected = change.op === 'delete';
    if (names.length !== 1 || change.fields[DELETED_FIELD] !== expected) {
      return issue('E_SYNC_BAD_OP', `${change.op} 只能包含 ${DELETED_FIELD}: ${String(expected)}`);
    }
  } else {
    if (names.length === 0) return issue('E_SYNC_BAD_OP', `${change.op} 没有任何字段`);
    if (names.includes(DELETED_FIELD)) return issue('E_SYNC_BAD_OP', `${DELETED_FIELD} 只能由删除或恢复操作修改`);
    for (const name of names) {
      const problem = checkField(change.entity, spec, name, change.fields[name]!);
      if (problem) return problem;
    }
    if (change.op === 'create') {
      const missing = spec.required.find((name) => change.fields[name] === undefined);
      if (missing) return issue('E_SYNC_REQUIRED_FIELD', `${change.entity}.${missing}`);
    }
  }
  for (const map of [change.base, change.baseHlc]) {
    for (const name of Object.keys(map ?? {})) {
      if (name !== DELETED_FIELD && spec.fields[name] === undefined) return issue('E_SYNC_UNKNOWN_FIELD', `${change.entity}.${name}`);
    }
  }
  return null;
}

function checkField(entity: string, spec: SyncEntitySpec, name: string, value: JsonValue): ChangeIssue | null {
  const kind = spec.fields[name];
  if (kind === undefined) return issue('E_SYNC_UNKNOWN_FIELD', `${entity}.${name}`);
  const where = `${entity}.${name}`;
  if (value === null) return spec.notNull.includes(name) ? issue('E_SYNC_REQUIRED_FIELD', `${where} 不能为空`) : null;
  if (!hasKind(kind, value)) return issue('E_SYNC_FIELD_TYPE', `${where} 应为 ${KIND_LABEL[kind]}`);
  const minimum = spec.minimum[name];
  if (minimum !== undefined && (value as number) < minimum) return issue('E_SYNC_FIELD_TYPE', `${where} 不能小于 ${minimum}`);
  if (typeof value === 'string') {
    const [min, max] = spec.lengths[name] ?? [0, MAX_TEXT_LENGTH];
    if (value.length < min || value.length > max) return issue('E_SYNC_FIELD_TYPE', `${where} 长度应在 ${min}–${max} 之间`);
  }
  return null;
}

const KIND_LABEL: Record<SyncFieldKind, string> = { text: '文本', int: '整数', bool: '是/否', json: '列表或对象' };

function hasKind(kind: SyncFieldKind, value: JsonValue): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'json':
      return typeof value === 'object';
  }
}
