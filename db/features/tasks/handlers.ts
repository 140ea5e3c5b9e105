import type { TaskRecord } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../sql';
import type { FeatureHandlers } from '../../rpc/types';
import { statement } from '../../store/statements';
import { createRow, updateRow } from '../../store/writer';
import { notFound, requireLive, requireLiveCompany } from '../common/records';
import { TASK_SELECT, toTaskRecord, type TaskRow } from './mapping';
import { listTasks } from './views';

export function readTask(db: Db, id: string): TaskRecord {
  const row = statement(db, `SELECT ${TASK_SELECT} FROM task t WHERE t.id = ?`).get(id) as TaskRow | undefined;
  if (!row) throw notFound('待办不存在');
  return toTaskRecord(row);
}

/**
 * A task on a project also belongs to the project's company, so the company page shows it
 * and deleting the company takes it along.
 */
function linkedCompany(db: Db, companyId: string | null | undefined, projectId: string | null | undefined): string | null {
  if (!projectId) return companyId ? requireLiveCompany(db, companyId).id : null;
  const project = requireLive(db, 'project', projectId, '所选项目不存在或已删除', 'projectId') as { company_id: string };
  if (companyId && companyId !== project.company_id) {
    const message = '所选项目不属于所选企业';
    throw new AppError('E_TASK_LINK_MISMATCH', message, [{ path: 'projectId', code: 'E_TASK_LINK_MISMATCH', message }]);
  }
  return project.company_id;
}

export const taskHandlers: FeatureHandlers<'tasks.list' | 'tasks.create' | 'tasks.setDone'> = {
  'tasks.list': (input, { db }) => listTasks(db, input),

  'tasks.create': ({ title, dueDate, companyId, projectId }, { db, actor }) => {
    const id = db.transaction(() =>
      createRow(db, actor, 'task', { title, due_date: dueDate, company_id: linkedCompany(db, companyId, projectId), project_id: projectId ?? null, done: false }),
    )();
    return readTask(db, id);
  },

  /** Marking done again keeps the first done time; undoing clears it. */
  'tasks.setDone': ({ id, done }, { db, actor, now }) => {
    db.transaction(() => {
      const current = requireLive(db, 'task', id, '待办不存在或已删除') as { done: number };
      if ((current.done === 1) === done) return;
      updateRow(db, actor, 'task', id, { done, done_at: done ? now().toISOString() : null });
    })();
    return readTask(db, id);
  },
};
