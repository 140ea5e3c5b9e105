/**
 * The cockpit's filters as SQL. Two sets of projects matter (docs/cockpit-metrics.md):
 * the filtered live projects (funnel, pipeline, money by month) and the period's cohort,
 * those of them signed within [from, to] (rates, signed and funds figures).
 */
import type { CockpitFilters, CockpitFiltersInput } from '../../../shared/contract/cockpit';
import { AppError } from '../../../shared/errors';
import { localIsoDate } from '../common/dates';

export function resolveFilters(input: { [K in keyof CockpitFiltersInput]?: string | null }, today: Date): CockpitFilters {
  const to = input.to ?? localIsoDate(today);
  const from = input.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw new AppError('E_VALIDATION', '开始日期不能晚于结束日期', [{ path: 'from', code: 'E_VALIDATION', message: '开始日期不能晚于结束日期' }]);
  return {
    from,
    to,
    teamId: input.teamId ?? null,
    ownerUserId: input.ownerUserId ?? null,
    industry: input.industry ?? null,
    targetCity: input.targetCity ?? null,
  };
}

export interface Sql {
  sql: string;
  params: unknown[];
}

/**
 * Live projects (alias p) passing the team/member/industry/city filters. `viaCohortIndex`
 * writes them as `+p.col = ?`, which SQLite will not answer from that column's own index:
 * the cohort is a date range of a covering index that holds every filter column, cheaper
 * than looking up each of one member's (or one team's) project rows.
 */
export function projectScope(filters: CockpitFilters, viaCohortIndex = false): Sql {
  const parts = ['p.deleted = 0'];
  const params: unknown[] = [];
  const add = (column: string, value: string | null): void => {
    if (value === null) return;
    parts.push(`${viaCohortIndex ? '+' : ''}p.${column} = ?`);
    params.push(value);
  };
  add('team_id', filters.teamId);
  add('owner_user_id', filters.ownerUserId);
  add('industry', filters.industry);
  add('target_city', filters.targetCity);
  return { sql: parts.join(' AND '), params };
}

/** The period's cohort: the scope, signed within [from, to]. */
export function cohortScope(filters: CockpitFilters): Sql {
  const scope = projectScope(filters, true);
  return { sql: `${scope.sql} AND p.signed_date BETWEEN ? AND ?`, params: [...scope.params, filters.from, filters.to] };
}

/** Visits (alias v) in the period for the team/member filters (industry and city do not apply to visits). */
export function visitScope(filters: CockpitFilters): Sql {
  const parts = ['v.deleted = 0', 'v.visit_date BETWEEN ? AND ?'];
  const params: unknown[] = [filters.from, filters.to];
  if (filters.teamId !== null) {
    parts.push('v.team_id = ?');
    params.push(filters.teamId);
  }
  if (filters.ownerUserId !== null) {
    parts.push('v.owner_user_id = ?');
    params.push(filters.ownerUserId);
  }
  return { sql: parts.join(' AND '), params };
}

/** SQL conditions on p for the rates' numerators (over the cohort). `?` is the period end. */
export const RATE_CONDITIONS = {
  park: "(p.target_park IS NOT NULL AND trim(p.target_park) <> '')",
  started: '(p.start_date IS NOT NULL AND p.start_date <= ?)',
  producing: '(p.production_date IS NOT NULL AND p.production_date <= ?)',
} as const;
