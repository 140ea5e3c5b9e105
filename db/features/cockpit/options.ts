import type { CockpitOptions } from '../../../shared/contract/cockpit';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { idLabel, memberLabels } from './labels';

/** Distinct values of live projects, read off the list indexes (migration 0003). */
export function cockpitOptions(db: Db, localUserId: string | null): CockpitOptions {
  const distinct = (column: string): string[] =>
    statement(db, `SELECT DISTINCT ${column} FROM project WHERE deleted = 0 AND ${column} IS NOT NULL ORDER BY ${column}`).pluck().all() as string[];
  const members = memberLabels(db, localUserId);
  return {
    industries: distinct('industry'),
    cities: distinct('target_city'),
    members: distinct('owner_user_id').map((id) => ({ id, label: idLabel(id, members, '成员') })),
    teams: distinct('team_id').map((id) => ({ id, label: idLabel(id, new Map(), '工作队') })),
  };
}
