import type { DeletableKind } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../sql';
import { ENTITIES, type EntityName } from '../../store/entities';
import { statement } from '../../store/statements';
import { setDeleted, type Actor } from '../../store/writer';

interface Link {
  entity: EntityName;
  /** The child's column holding the parent's id. */
  column: string;
  /** Done tasks are history and stay; only open ones go with their parent. */
  openOnly?: boolean;
}

/**
 * What a deleted record takes with it, so that nothing of a deleted company lingers in
 * the visit list, the follow-ups or search. Each link is indexed on its column.
 */
const CHILDREN: Partial<Record<DeletableKind, readonly Link[]>> = {
  company: [
    { entity: 'contact', column: 'company_id' },
    { entity: 'visit', column: 'company_id' },
    { entity: 'project', column: 'company_id' },
    { entity: 'task', column: 'company_id', openOnly: true },
  ],
  visit: [{ entity: 'task', column: 'visit_id', openOnly: true }],
  project: [{ entity: 'task', column: 'project_id', openOnly: true }],
};

/** The records a restored one hangs off; they must be live first. */
const PARENTS: Partial<Record<DeletableKind, readonly { column: string; entity: EntityName }[]>> = {
  contact: [{ column: 'company_id', entity: 'company' }],
  visit: [{ column: 'company_id', entity: 'company' }],
  project: [{ column: 'company_id', entity: 'company' }],
  funds_entry: [{ column: 'project_id', entity: 'project' }],
  task: [
    { column: 'company_id', entity: 'company' },
    { column: 'project_id', entity: 'project' },
    { column: 'visit_id', entity: 'visit' },
  ],
};

const PARENT_LABELS: Partial<Record<EntityName, string>> = { company: '企业', project: '项目', visit: '走访记录' };

function liveChildren(db: Db, link: Link, parentId: string): string[] {
  const sql = `SELECT id FROM ${ENTITIES[link.entity].table} WHERE ${link.column} = ? AND deleted = 0 ${link.openOnly ? 'AND done = 0' : ''}`;
  return (statement(db, sql).all(parentId) as { id: string }[]).map((row) => row.id);
}

/** Children deleted at or after `since`: the `deleted` field's clock says when. */
function childrenDeletedSince(db: Db, link: Link, parentId: string, since: string): string[] {
  const sql = `SELECT c.id FROM ${ENTITIES[link.entity].table} c
    JOIN field_clock f ON f.row_id = c.id AND f.field = 'deleted' AND f.entity = ?
    WHERE c.${link.column} = ? AND c.deleted = 1 ${link.openOnly ? 'AND c.done = 0' : ''} AND f.hlc >= ?`;
  return (statement(db, sql).all(link.entity, parentId, since) as { id: string }[]).map((row) => row.id);
}

/** Soft-deletes the record and what hangs off it, in the caller's transaction. */
export function deleteWithChildren(db: Db, actor: Actor, kind: DeletableKind, id: string): boolean {
  if (!setDeleted(db, actor, kind, id, true)) return false;
  for (const link of CHILDREN[kind] ?? []) {
    for (const childId of liveChildren(db, link, id)) deleteWithChildren(db, actor, link.entity as DeletableKind, childId);
  }
  return true;
}

/**
 * Restores the record and the children deleted with it: those whose deletion is stamped
 * at or after the record's own (HLCs only grow). Children deleted before it stay deleted.
 * A record whose parent is deleted is refused: restore the parent, and it comes along.
 */
export function restoreWithChildren(db: Db, actor: Actor, kind: DeletableKind, id: string): boolean {
  const deletedParent = findDeletedParent(db, kind, id);
  if (deletedParent) {
    const message = `所属${PARENT_LABELS[deletedParent.entity] ?? '记录'}已删除，请先恢复它`;
    throw new AppError('E_PARENT_DELETED', message, [{ path: 'id', code: 'E_PARENT_DELETED', message, refId: deletedParent.id }]);
  }
  return restoreTree(db, actor, kind, id);
}

function restoreTree(db: Db, actor: Actor, kind: DeletableKind, id: string): boolean {
  const clock = statement(db, "SELECT hlc FROM field_clock WHERE row_id = ? AND field = 'deleted' AND entity = ?").get(id, kind) as { hlc: string } | undefined;
  const deletedAt = clock?.hlc;
  if (!setDeleted(db, actor, kind, id, false)) return false;
  if (deletedAt === undefined) return true;
  for (const link of CHILDREN[kind] ?? []) {
    for (const childId of childrenDeletedSince(db, link, id, deletedAt)) {
      // A task of a visit deleted on its own, earlier, stays with that visit.
      if (!findDeletedParent(db, link.entity as DeletableKind, childId)) restoreTree(db, actor, link.entity as DeletableKind, childId);
    }
  }
  return true;
}

function findDeletedParent(db: Db, kind: DeletableKind, id: string): { entity: EntityName; id: string } | undefined {
  const row = statement(db, `SELECT * FROM ${ENTITIES[kind].table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw new AppError('E_NOT_FOUND');
  for (const parent of PARENTS[kind] ?? []) {
    const parentId = row[parent.column];
    if (typeof parentId !== 'string') continue;
    const state = statement(db, `SELECT deleted FROM ${ENTITIES[parent.entity].table} WHERE id = ?`).get(parentId) as { deleted: number } | undefined;
    if (state?.deleted === 1) return { entity: parent.entity, id: parentId };
  }
  return undefined;
}
