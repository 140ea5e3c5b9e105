import type { Page, ParsedInputOf, VisitRecord } from '../../../shared/contract';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { orderBy, where, type SortTerms } from '../common/list-query';
import { toVisitRecord, VISIT_SELECT, type VisitRow } from './mapping';

type ListInput = ParsedInputOf<'visits.list'>;

/**
 * Ascending forms; 'desc' is the exact reverse. Each filter has a live-rows index
 * starting with its column and continuing (visit_date, id) — migration 0003 — so
 * "this company's / kind's / owner's visits, newest first" pages off the index and
 * counts index entries only.
 */
const SORTS: Record<ListInput['sort'], SortTerms> = {
  visitDate: [['v.visit_date', 'ASC'], ['v.id', 'ASC']],
  createdAt: [['v.created_at', 'ASC'], ['v.id', 'ASC']],
  kind: [['v.kind', 'ASC'], ['v.visit_date', 'ASC'], ['v.id', 'ASC']],
  intent: [['v.intent', 'ASC'], ['v.visit_date', 'ASC'], ['v.id', 'ASC']],
};

export function listVisits(db: Db, input: ListInput): Page<VisitRecord> {
  const filter = where('v.deleted = 0', [
    ['v.company_id = ?', input.companyId],
    ['v.kind = ?', input.kind],
    ['v.intent = ?', input.intent],
    ['v.owner_user_id = ?', input.ownerUserId],
    ['v.visit_date >= ?', input.dateFrom],
    ['v.visit_date <= ?', input.dateTo],
  ]);
  const rows = statement(db, `SELECT ${VISIT_SELECT} FROM visit v WHERE ${filter.sql} ORDER BY ${orderBy(SORTS[input.sort], input.order)} LIMIT ? OFFSET ?`).all(
    ...filter.params,
    input.limit,
    input.offset,
  ) as VisitRow[];
  const { total } = statement(db, `SELECT count(*) AS total FROM visit v WHERE ${filter.sql}`).get(...filter.params) as { total: number };
  return { items: rows.map(toVisitRecord), total };
}
