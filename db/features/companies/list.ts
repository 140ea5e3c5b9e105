import type { CompanySummary, Page, ParsedInputOf } from '../../../shared/contract';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { orderBy, where, type SortTerms } from '../common/list-query';
import { SUMMARY_COLUMNS, toCompanySummary, type SummaryRow } from './mapping';

type ListInput = ParsedInputOf<'companies.list'>;

/**
 * Each sort reads off an index (migrations 0001–0003) in its ascending form; 'desc' is
 * the exact reverse. The `(created_at DESC, id)` shape is 0001's.
 */
const SORTS: Record<ListInput['sort'], SortTerms> = {
  createdAt: [['created_at', 'ASC'], ['id', 'DESC']],
  updatedAt: [['updated_at', 'ASC'], ['id', 'ASC']],
  name: [['name', 'ASC'], ['rowid', 'ASC']],
  industry: [['industry', 'ASC'], ['created_at', 'DESC'], ['id', 'ASC']],
  district: [['district', 'ASC'], ['created_at', 'DESC'], ['id', 'ASC']],
};

export function listCompanies(db: Db, input: ListInput): Page<CompanySummary> {
  const filter = where('deleted = 0', [
    ['industry = ?', input.industry],
    ['district = ?', input.district],
    ['owner_user_id = ?', input.ownerUserId],
  ]);
  const rows = statement(db, `SELECT ${SUMMARY_COLUMNS} FROM company WHERE ${filter.sql} ORDER BY ${orderBy(SORTS[input.sort], input.order)} LIMIT ? OFFSET ?`).all(
    ...filter.params,
    input.limit,
    input.offset,
  ) as SummaryRow[];
  const { total } = statement(db, `SELECT count(*) AS total FROM company WHERE ${filter.sql}`).get(...filter.params) as { total: number };
  return { items: rows.map(toCompanySummary), total };
}
