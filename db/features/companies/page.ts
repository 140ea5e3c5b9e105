import type { CompanyPage, TimelineItem } from '../../../shared/contract';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { notFound } from '../common/records';
import { CONTACT_COLUMNS, toContactRecord, type ContactRow } from '../contacts/mapping';
import { PROJECT_SELECT, STAGE_EVENT_COLUMNS, toProjectRecord, toStageEvent, type ProjectRow, type StageEventRow } from '../projects/mapping';
import { HISTORY_COLUMNS, SHOWN_FIELDS, toHistoryEntry, type HistoryRow } from '../records/history';
import { TASK_SELECT, toTaskRecord, type TaskRow } from '../tasks/mapping';
import { toVisitRecord, VISIT_SELECT, type VisitRow } from '../visits/mapping';
import { COMPANY_COLUMNS, toCompanyRecord, type CompanyRow } from './mapping';

export const TIMELINE_LIMIT = 200;
export const HISTORY_LIMIT = 100;
/** Done tasks shown below the open ones. */
const RECENT_DONE_TASKS = 20;

/**
 * Everything the company page shows, in a handful of indexed look-ups: each query
 * starts from the company id (contact_by_company, visit_live_by_company,
 * project_by_company, task_by_company, field_history_by_row).
 */
export function companyPage(db: Db, id: string): CompanyPage {
  const row = statement(db, `SELECT ${COMPANY_COLUMNS} FROM company WHERE id = ? AND deleted = 0`).get(id) as CompanyRow | undefined;
  if (!row) throw notFound('企业不存在或已删除');

  const contacts = statement(db, `SELECT ${CONTACT_COLUMNS} FROM contact WHERE company_id = ? AND deleted = 0 ORDER BY created_at, id`).all(id) as ContactRow[];
  const projects = statement(db, `SELECT ${PROJECT_SELECT} FROM project p WHERE p.company_id = ? AND p.deleted = 0 ORDER BY p.updated_at DESC, p.id DESC`).all(id) as ProjectRow[];
  const openTasks = statement(db, `SELECT ${TASK_SELECT} FROM task t WHERE t.company_id = ? AND t.deleted = 0 AND t.done = 0 ORDER BY t.due_date, t.created_at, t.id`).all(id) as TaskRow[];
  const doneTasks = statement(
    db,
    `SELECT ${TASK_SELECT} FROM task t WHERE t.company_id = ? AND t.deleted = 0 AND t.done = 1 ORDER BY t.done_at DESC, t.id DESC LIMIT ${RECENT_DONE_TASKS}`,
  ).all(id) as TaskRow[];

  return {
    company: toCompanyRecord(row),
    contacts: contacts.map(toContactRecord),
    projects: projects.map(toProjectRecord),
    tasks: [...openTasks, ...doneTasks].map(toTaskRecord),
    timeline: timeline(db, id),
    history: statement(db, HISTORY_SQL).all(id, id, id, id, HISTORY_LIMIT).map((entry) => toHistoryEntry(entry as HistoryRow)),
  };
}

/** Visits and stage moves, newest first; on one day, the later-entered first. */
function timeline(db: Db, companyId: string): TimelineItem[] {
  const visits = statement(
    db,
    `SELECT ${VISIT_SELECT} FROM visit v WHERE v.company_id = ? AND v.deleted = 0 ORDER BY v.visit_date DESC, v.id DESC LIMIT ${TIMELINE_LIMIT}`,
  ).all(companyId) as VisitRow[];
  const events = statement(
    db,
    `SELECT ${STAGE_EVENT_COLUMNS}, p.name AS project_name FROM project p JOIN project_stage_event e ON e.project_id = p.id
     WHERE p.company_id = ? AND p.deleted = 0 AND e.deleted = 0 ORDER BY e.moved_on DESC, e.created_at DESC LIMIT ${TIMELINE_LIMIT}`,
  ).all(companyId) as (StageEventRow & { project_name: string })[];

  const items: (TimelineItem & { enteredAt: string })[] = [
    ...visits.map((visit) => ({ kind: 'visit' as const, date: visit.visit_date, visit: toVisitRecord(visit), enteredAt: visit.created_at })),
    ...events.map((event) => ({ kind: 'stage' as const, date: event.moved_on, projectName: event.project_name, event: toStageEvent(event), enteredAt: event.created_at })),
  ];
  items.sort((a, b) => (a.date === b.date ? compare(b.enteredAt, a.enteredAt) : compare(b.date, a.date)));
  return items.slice(0, TIMELINE_LIMIT).map(({ enteredAt: _enteredAt, ...item }) => item);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The company's own field changes and those of its contacts, visits and projects (deleted
 * ones too: their deletion is history). Each branch walks field_history_by_row.
 */
const HISTORY_SQL = `
  SELECT ${HISTORY_COLUMNS} FROM field_history
  WHERE ${SHOWN_FIELDS} AND row_id IN (
    SELECT ? UNION ALL
    SELECT id FROM contact WHERE company_id = ? UNION ALL
    SELECT id FROM visit WHERE company_id = ? UNION ALL
    SELECT id FROM project WHERE company_id = ?)
  ORDER BY id DESC LIMIT ?`;
