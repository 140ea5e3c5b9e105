import { v7 as uuidv7 } from 'uuid';
import { MERGE_FIELDS, type CompanyMergeEntry, type MergeField, type UndoMergeResult } from '../../../shared/contract/team';
import { normalizeCompanyName } from '../../../shared/domain/names';
import { AppError } from '../../../shared/errors';
import { WEEKLOG_ERRORS } from '../../../shared/weeklog/errors';
import type { Db } from '../../sql';
import type { FieldValue, RowValues } from '../../store/entities';
import { statement } from '../../store/statements';
import { setDeleted, updateRow, type Actor } from '../../store/writer';
import { companyValues } from './duplicates';

/**
 * The lead merges duplicate companies into one. Everything goes through the writer, so
 * each step is in field history, stamped, and synced like any edit: the survivor takes the
 * values the lead picked, contacts/visits/projects/tasks move to it, the others are
 * deleted (softly). What the merge changed is recorded, so it can be undone: the merged
 * companies come back, records that moved go home, and the survivor's fields return to
 * their old values — except where someone edited them since (that edit wins, and is named).
 */
const CHILD_TABLES = ['contact', 'visit', 'project', 'task'] as const;
type ChildEntity = (typeof CHILD_TABLES)[number];

interface MergeRow {
  id: string;
  survivor_id: string;
  merged_ids: string;
  survivor_before: string;
  survivor_after: string;
  repointed: string;
  merged_at: string;
  undone_at: string | null;
}

interface Repointed {
  entity: ChildEntity;
  id: string;
  from: string;
}

function refuse(message: string): AppError {
  return new AppError('E_TEAM_MERGE_INVALID', message, [{ path: '', code: 'E_TEAM_MERGE_INVALID', message }]);
}

function liveCompany(db: Db, id: string): Record<string, unknown> {
  const row = statement(db, 'SELECT * FROM company WHERE id = ? AND deleted = 0').get(id) as Record<string, unknown> | undefined;
  if (!row) throw refuse('所选企业不存在或已删除，请刷新后重试');
  return row;
}

/** The value a field keeps unless the lead picks another: the survivor's, or the first non-empty one. */
export function defaultChoices(survivor: Record<MergeField, unknown>, others: readonly { id: string; values: Record<MergeField, unknown> }[], survivorId: string): Record<MergeField, string> {
  const empty = (value: unknown) => value === null || value === '' || (Array.isArray(value) && value.length === 0);
  return Object.fromEntries(
    MERGE_FIELDS.map((field) => {
      if (!empty(survivor[field])) return [field, survivorId];
      const donor = others.find((other) => !empty(other.values[field]));
      return [field, donor?.id ?? survivorId];
    }),
  ) as Record<MergeField, string>;
}

export function mergeCompanies(
  db: Db,
  actor: Actor,
  input: { survivorId: string; mergedIds: readonly string[]; choices: Partial<Record<MergeField, string>> },
  now: Date,
): CompanyMergeEntry {
  const mergedIds = [...new Set(input.mergedIds)];
  if (mergedIds.includes(input.survivorId)) throw refuse('保留的企业不能同时被并入');
  const id = db.transaction((): string => {
    const survivorRow = liveCompany(db, input.survivorId);
    const mergedRows = mergedIds.map((mergedId) => liveCompany(db, mergedId));
    const leadTeam = statement(db, "SELECT value FROM meta WHERE key = 'team_id'").pluck().get() as string | undefined;
    if (leadTeam && [survivorRow, ...mergedRows].some((row) => row.team_id !== null && row.team_id !== leadTeam)) {
      throw refuse('不能合并其他工作队登记的企业；请与对方工作队协商');
    }
    const survivor = companyValues(survivorRow);
    const others = mergedRows.map((row) => ({ id: String(row.id), values: companyValues(row) }));
    const valuesById = new Map([[input.survivorId, survivor], ...others.map((other) => [other.id, other.values] as const)]);
    const choices = { ...defaultChoices(survivor, others, input.survivorId), ...input.choices };
    const after: Partial<Record<MergeField | 'name_norm', FieldValue>> = {};
    for (const field of MERGE_FIELDS) {
      const source = valuesById.get(choices[field]);
      if (!source) throw refuse(`“${field}”选择的企业不在本次合并之中`);
      after[field] = source[field] as FieldValue;
    }
    // The names that go away stay findable: they become aliases of the survivor.
    const finalName = String(after.name);
    const aliases = new Set<string>((after.aliases as string[] | null) ?? []);
    for (const values of valuesById.values()) if (values.name !== finalName) aliases.add(String(values.name));
    after.aliases = [...aliases].slice(0, 20);
    after.name_norm = normalizeCompanyName(finalName);

    const before: Record<string, FieldValue> = {};
    const changed: Record<string, FieldValue> = {};
    const current = { ...survivor, name_norm: survivorRow.name_norm } as Record<string, unknown>;
    for (const [field, value] of Object.entries(after)) {
      if (JSON.stringify(current[field] ?? null) === JSON.stringify(value ?? null)) continue;
      before[field] = (current[field] ?? null) as FieldValue;
      changed[field] = value ?? null;
    }
    updateRow(db, actor, 'company', input.survivorId, changed as RowValues<'company'>);

    const repointed: Repointed[] = [];
    for (const mergedId of mergedIds) {
      for (const entity of CHILD_TABLES) {
        const children = statement(db, `SELECT id FROM ${entity} WHERE company_id = ? AND deleted = 0`).pluck().all(mergedId) as string[];
        for (const child of children) {
          updateRow(db, actor, entity, child, { company_id: input.survivorId });
          repointed.push({ entity, id: child, from: mergedId });
        }
      }
      setDeleted(db, actor, 'company', mergedId, true);
    }
    const mergeId = uuidv7();
    statement(
      db,
      `INSERT INTO company_merge (id, survivor_id, merged_ids, survivor_before, survivor_after, repointed, merged_at, undone_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
    ).run(mergeId, input.survivorId, JSON.stringify(mergedIds), JSON.stringify(before), JSON.stringify(changed), JSON.stringify(repointed), now.toISOString());
    return mergeId;
  })();
  return readMerge(db, id);
}

export function undoMerge(db: Db, actor: Actor, mergeId: string, now: Date): UndoMergeResult {
  const result = db.transaction((): { keptFields: string[]; keptRecords: number } => {
    const merge = statement(db, 'SELECT * FROM company_merge WHERE id = ?').get(mergeId) as MergeRow | undefined;
    if (!merge) throw new AppError('E_TEAM_MERGE_NOT_FOUND', WEEKLOG_ERRORS.E_TEAM_MERGE_NOT_FOUND);
    if (merge.undone_at) throw new AppError('E_TEAM_MERGE_ALREADY_UNDONE', WEEKLOG_ERRORS.E_TEAM_MERGE_ALREADY_UNDONE);
    for (const mergedId of JSON.parse(merge.merged_ids) as string[]) setDeleted(db, actor, 'company', mergedId, false);

    let keptRecords = 0;
    for (const moved of JSON.parse(merge.repointed) as Repointed[]) {
      const row = statement(db, `SELECT company_id, deleted FROM ${moved.entity} WHERE id = ?`).get(moved.id) as { company_id: string; deleted: number } | undefined;
      if (row && row.deleted === 0 && row.company_id === merge.survivor_id) updateRow(db, actor, moved.entity, moved.id, { company_id: moved.from });
      else keptRecords += 1;
    }

    const keptFields: string[] = [];
    const survivor = statement(db, 'SELECT * FROM company WHERE id = ?').get(merge.survivor_id) as Record<string, unknown> | undefined;
    if (survivor && survivor.deleted === 0) {
      const present = { ...companyValues(survivor), name_norm: survivor.name_norm } as Record<string, unknown>;
      const after = JSON.parse(merge.survivor_after) as Record<string, FieldValue>;
      const before = JSON.parse(merge.survivor_before) as Record<string, FieldValue>;
      const restore: Record<string, FieldValue> = {};
      for (const [field, value] of Object.entries(after)) {
        if (JSON.stringify(present[field] ?? null) === JSON.stringify(value ?? null)) restore[field] = before[field] ?? null;
        else if (field !== 'name_norm') keptFields.push(field);
      }
      if (typeof restore.name === 'string') restore.name_norm = normalizeCompanyName(restore.name);
      updateRow(db, actor, 'company', merge.survivor_id, restore as RowValues<'company'>);
    } else {
      keptFields.push('name');
    }
    statement(db, 'UPDATE company_merge SET undone_at = ? WHERE id = ?').run(now.toISOString(), mergeId);
    return { keptFields, keptRecords };
  })();
  return { merge: readMerge(db, mergeId), ...result };
}

export function readMerge(db: Db, id: string): CompanyMergeEntry {
  const row = statement(db, 'SELECT * FROM company_merge WHERE id = ?').get(id) as MergeRow | undefined;
  if (!row) throw new AppError('E_TEAM_MERGE_NOT_FOUND', WEEKLOG_ERRORS.E_TEAM_MERGE_NOT_FOUND);
  return toEntry(db, row);
}

export function listMerges(db: Db, limit: number): CompanyMergeEntry[] {
  return (statement(db, 'SELECT * FROM company_merge ORDER BY merged_at DESC, id DESC LIMIT ?').all(limit) as MergeRow[]).map((row) => toEntry(db, row));
}

function toEntry(db: Db, row: MergeRow): CompanyMergeEntry {
  const nameOfCompany = (id: string) => (statement(db, 'SELECT name FROM company WHERE id = ?').pluck().get(id) as string | undefined) ?? '（已不存在）';
  const mergedIds = JSON.parse(row.merged_ids) as string[];
  const repointed = JSON.parse(row.repointed) as Repointed[];
  const count = (entity: ChildEntity) => repointed.filter((item) => item.entity === entity).length;
  return {
    id: row.id,
    survivorId: row.survivor_id,
    survivorName: nameOfCompany(row.survivor_id),
    mergedIds,
    mergedNames: mergedIds.map(nameOfCompany),
    repointed: { contacts: count('contact'), visits: count('visit'), projects: count('project'), tasks: count('task') },
    mergedAt: row.merged_at,
    undoneAt: row.undone_at,
  };
}
