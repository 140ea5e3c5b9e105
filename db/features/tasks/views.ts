import type { ParsedInputOf, TaskCounts, TaskRecord, TaskView } from '../../../shared/contract';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { isoWeekOf } from '../common/dates';
import { TASK_SELECT, toTaskRecord, type TaskRow } from './mapping';

/**
 * The follow-up views. All but 'done' are open tasks and read task_open_by_due (open,
 * live tasks by due date); 'done' reads task_done_by_done_at, most recently done first.
 */
const VIEWS: Record<TaskView, { where: string; order: string }> = {
  today: { where: 't.done = 0 AND t.deleted = 0 AND t.due_date = :today', order: 't.due_date, t.created_at, t.id' },
  overdue: { where: 't.done = 0 AND t.deleted = 0 AND t.due_date < :today', order: 't.due_date, t.created_at, t.id' },
  week: { where: 't.done = 0 AND t.deleted = 0 AND t.due_date BETWEEN :monday AND :sunday', order: 't.due_date, t.created_at, t.id' },
  open: { where: 't.done = 0 AND t.deleted = 0', order: 't.due_date, t.created_at, t.id' },
  done: { where: 't.done = 1 AND t.deleted = 0', order: 't.done_at DESC, t.id DESC' },
};

const COUNTS_SQL = `SELECT
  (SELECT count(*) FROM task WHERE done = 0 AND deleted = 0 AND due_date = :today) AS today,
  (SELECT count(*) FROM task WHERE done = 0 AND deleted = 0 AND due_date < :today) AS overdue,
  (SELECT count(*) FROM task WHERE done = 0 AND deleted = 0 AND due_date BETWEEN :monday AND :sunday) AS week`;

export function listTasks(db: Db, { view, today, limit }: ParsedInputOf<'tasks.list'>): { items: TaskRecord[]; counts: TaskCounts } {
  const { monday, sunday } = isoWeekOf(today);
  const params = { today, monday, sunday };
  const { where, order } = VIEWS[view];
  const rows = statement(db, `SELECT ${TASK_SELECT} FROM task t WHERE ${where} ORDER BY ${order} LIMIT :limit`).all({ ...params, limit }) as TaskRow[];
  const counts = statement(db, COUNTS_SQL).get(params) as TaskCounts;
  return { items: rows.map(toTaskRecord), counts };
}
