import type { RecordMeta } from '../../../shared/contract/fields';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../sql';
import { ENTITIES, type EntityName } from '../../store/entities';
import { statement } from '../../store/statements';

/** The columns every synced row has. */
export interface MetaRow {
  id: string;
  created_at: string;
  updated_at: string;
  deleted: number;
  owner_user_id: string | null;
  team_id: string | null;
}

export function recordMeta(row: MetaRow): RecordMeta {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deleted: row.deleted === 1,
    ownerUserId: row.owner_user_id,
    teamId: row.team_id,
  };
}

/** A JSON list column ('[]' by default in the schema). */
export function stringList(value: string | null): string[] {
  return value ? (JSON.parse(value) as string[]) : [];
}

export function notFound(message: string, path = 'id'): AppError {
  return new AppError('E_NOT_FOUND', message, [{ path, code: 'E_NOT_FOUND', message }]);
}

export interface CompanyName {
  id: string;
  name: string;
}

/** The live company a new record hangs off, or E_NOT_FOUND naming the input field. */
export function requireLiveCompany(db: Db, id: string, path = 'companyId'): CompanyName {
  const row = statement(db, 'SELECT id, name FROM company WHERE id = ? AND deleted = 0').get(id) as CompanyName | undefined;
  if (!row) throw notFound('所选企业不存在或已删除', path);
  return row;
}

/** The stored row of a live record, or E_NOT_FOUND with a message naming what is missing. */
export function requireLive(db: Db, entity: EntityName, id: string, message: string, path = 'id'): Record<string, unknown> {
  const row = statement(db, `SELECT * FROM ${ENTITIES[entity].table} WHERE id = ? AND deleted = 0`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw notFound(message, path);
  return row;
}
