import { z } from 'zod';
import { method } from './define';
import { requiredDate, requiredText, rowId, type RecordMeta } from './fields';

export interface TaskRecord extends RecordMeta {
  title: string;
  dueDate: string;
  companyId: string | null;
  companyName: string | null;
  projectId: string | null;
  visitId: string | null;
  done: boolean;
  doneAt: string | null;
}

/** today: due today · overdue: due before today, open · week: due this ISO week (Mon–Sun) · open: all open · done. */
export const TASK_VIEWS = ['today', 'overdue', 'week', 'open', 'done'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export interface TaskCounts {
  today: number;
  overdue: number;
  week: number;
}

export const tasksContract = {
  'tasks.list': method<{ items: TaskRecord[]; counts: TaskCounts }>()(
    z
      .object({
        view: z.enum(TASK_VIEWS).default('open'),
        /** The user's local date (YYYY-MM-DD): "today" is the user's, not the server's. */
        today: requiredDate('今天'),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
  'tasks.create': method<TaskRecord>()(
    z
      .object({
        title: requiredText(200, '待办事项'),
        dueDate: requiredDate('截止日期'),
        companyId: rowId.nullish(),
        projectId: rowId.nullish(),
      })
      .strict(),
  ),
  'tasks.setDone': method<TaskRecord>()(z.object({ id: rowId, done: z.boolean() }).strict()),
};
