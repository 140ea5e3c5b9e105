import type { Page, ParsedInputOf, ProjectRecord } from '../../../shared/contract';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { orderBy, where, type SortTerms } from '../common/list-query';
import { PROJECT_SELECT, toProjectRecord, type ProjectRow } from './mapping';

type ListInput = ParsedInputOf<'projects.list'>;

/** Pipeline order (线索 … 投产, then 搁置, 终止); character for character the expression of index project_live_by_stage_order. */
const STAGE_ORDER = `(CASE stage WHEN 'lead' THEN 0 WHEN 'negotiating' THEN 1 WHEN 'signed' THEN 2 WHEN 'started' THEN 3
        WHEN 'producing' THEN 4 WHEN 'on_hold' THEN 5 ELSE 6 END)`;

/** Ascending forms, each the order of a live-rows index of migration 0003; 'desc' is the exact reverse. */
const SORTS: Record<ListInput['sort'], SortTerms> = {
  updatedAt: [['p.updated_at', 'ASC'], ['p.id', 'ASC']],
  createdAt: [['p.created_at', 'ASC'], ['p.id', 'ASC']],
  name: [['p.name', 'ASC'], ['p.id', 'ASC']],
  stage: [[STAGE_ORDER, 'ASC'], ['p.updated_at', 'ASC'], ['p.id', 'ASC']],
  investment: [['p.investment_yuan', 'ASC'], ['p.id', 'ASC']],
};

export function listProjects(db: Db, input: ListInput): Page<ProjectRecord> {
  const filter = where('p.deleted = 0', [
    ['p.company_id = ?', input.companyId],
    ['p.stage = ?', input.stage],
    ['p.industry = ?', input.industry],
    ['p.target_city = ?', input.targetCity],
    ['p.owner_user_id = ?', input.ownerUserId],
  ]);
  const rows = statement(db, `SELECT ${PROJECT_SELECT} FROM project p WHERE ${filter.sql} ORDER BY ${orderBy(SORTS[input.sort], input.order)} LIMIT ? OFFSET ?`).all(
    ...filter.params,
    input.limit,
    input.offset,
  ) as ProjectRow[];
  const { total } = statement(db, `SELECT count(*) AS total FROM project p WHERE ${filter.sql}`).get(...filter.params) as { total: number };
  return { items: rows.map(toProjectRecord), total };
}
