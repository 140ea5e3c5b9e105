import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { createRow, setDeleted, updateRow, type Actor } from '../../store/writer';

export function followUpTitle(companyName: string): string {
  return `跟进：${companyName}`;
}

interface VisitLink {
  visitId: string;
  companyId: string;
  companyName: string;
}

/**
 * Keeps a visit's open follow-up task in step with its follow-up date: a new date moves
 * the open task (or creates one, e.g. when the last one is done); a cleared date
 * deletes the open task (softly). Done tasks are history and stay as they are.
 */
export function syncFollowUp(db: Db, actor: Actor, link: VisitLink, followUpDate: string | null): void {
  const open = statement(db, 'SELECT id FROM task WHERE visit_id = ? AND deleted = 0 AND done = 0 ORDER BY created_at, id LIMIT 1').get(link.visitId) as
    | { id: string }
    | undefined;
  if (followUpDate === null) {
    if (open) setDeleted(db, actor, 'task', open.id, true);
  } else if (open) {
    updateRow(db, actor, 'task', open.id, { due_date: followUpDate });
  } else {
    createRow(db, actor, 'task', { title: followUpTitle(link.companyName), due_date: followUpDate, company_id: link.companyId, visit_id: link.visitId, done: false });
  }
}
