import type { TaskRecord } from '../../../shared/contract';
import { recordMeta, type MetaRow } from '../common/records';

export interface TaskRow extends MetaRow {
  title: string;
  due_date: string;
  company_id: string | null;
  company_name: string | null;
  project_id: string | null;
  visit_id: string | null;
  done: number;
  done_at: string | null;
}

/** Select list for `task t`, with the linked company's name. */
export const TASK_SELECT = `t.id, t.created_at, t.updated_at, t.deleted, t.owner_user_id, t.team_id, t.title, t.due_date, t.company_id,
  (SELECT name FROM company WHERE id = t.company_id) AS company_name, t.project_id, t.visit_id, t.done, t.done_at`;

export function toTaskRecord(row: TaskRow): TaskRecord {
  return {
    ...recordMeta(row),
    title: row.title,
    dueDate: row.due_date,
    companyId: row.company_id,
    companyName: row.company_id === null ? null : row.company_name,
    projectId: row.project_id,
    visitId: row.visit_id,
    done: row.done === 1,
    doneAt: row.done_at,
  };
}
