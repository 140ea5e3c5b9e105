import type { ProjectDetail, ProjectRecord } from '../../../shared/contract';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { notFound } from '../common/records';
import { PROJECT_SELECT, STAGE_EVENT_COLUMNS, toProjectRecord, toStageEvent, withRunningTotal, type FundsRow, type ProjectRow, type StageEventRow } from './mapping';

export function readProject(db: Db, id: string, { liveOnly = false } = {}): ProjectRecord {
  const row = statement(db, `SELECT ${PROJECT_SELECT} FROM project p WHERE p.id = ?`).get(id) as ProjectRow | undefined;
  if (!row || (liveOnly && row.deleted === 1)) throw notFound('项目不存在或已删除');
  return toProjectRecord(row);
}

/**
 * The project with its stage history in the order the moves were made (each move starts
 * where the previous one ended, whatever dates were typed) and its 到位资金 in date order.
 */
export function readProjectDetail(db: Db, id: string, options: { liveOnly?: boolean } = {}): ProjectDetail {
  const project = readProject(db, id, options);
  const events = statement(db, `SELECT ${STAGE_EVENT_COLUMNS} FROM project_stage_event e WHERE e.project_id = ? AND e.deleted = 0 ORDER BY e.created_at, e.id`).all(
    id,
  ) as StageEventRow[];
  const funds = statement(
    db,
    `SELECT id, created_at, updated_at, deleted, owner_user_id, team_id, project_id, entry_date, amount_yuan, note
     FROM funds_entry WHERE project_id = ? AND deleted = 0 ORDER BY entry_date, created_at, id`,
  ).all(id) as FundsRow[];
  return { project, stageHistory: events.map(toStageEvent), funds: withRunningTotal(funds) };
}
