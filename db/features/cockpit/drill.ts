/**
 * The records behind a cockpit figure, with the same SQL conditions as the figure: a
 * count is the drill's total; for money, the drill lists the projects the money is of.
 */
import type { CockpitDrill, CockpitFigure, CockpitFilters, CockpitProjectRow, CockpitVisitRow } from '../../../shared/contract/cockpit';
import type { Stage } from '../../../shared/domain/stages';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { cohortScope, projectScope, RATE_CONDITIONS, visitScope, type Sql } from './filters';

const FUNDS_BY_END = 'EXISTS (SELECT 1 FROM funds_entry f WHERE f.project_id = p.id AND f.deleted = 0 AND f.entry_date <= ?)';
const WITH_AMOUNT = 'p.signed_amount_yuan IS NOT NULL';

const and = (base: Sql, sql: string, ...params: unknown[]): Sql => ({ sql: `${base.sql} AND ${sql}`, params: [...base.params, ...params] });

/** The projects (or visits) behind one figure. */
export function drillCondition(filters: CockpitFilters, figure: CockpitFigure): { kind: 'projects' | 'visits'; where: Sql } {
  const scope = projectScope(filters);
  const cohort = cohortScope(filters);
  switch (figure.type) {
    case 'stage':
      return { kind: 'projects', where: and(scope, 'p.stage = ?', figure.stage) };
    case 'cohort':
      return { kind: 'projects', where: cohort };
    case 'rate': {
      if (figure.rate === 'funds') {
        const base = and(cohort, WITH_AMOUNT);
        return { kind: 'projects', where: figure.part === 'denominator' ? base : and(base, FUNDS_BY_END, filters.to) };
      }
      if (figure.part === 'denominator') return { kind: 'projects', where: cohort };
      const condition = RATE_CONDITIONS[figure.rate];
      return { kind: 'projects', where: figure.rate === 'park' ? and(cohort, condition) : and(cohort, condition, filters.to) };
    }
    case 'month':
      return figure.series === 'signed'
        ? { kind: 'projects', where: and(cohort, 'substr(p.signed_date, 1, 7) = ?', figure.month) }
        : {
            kind: 'projects',
            where: and(scope, 'EXISTS (SELECT 1 FROM funds_entry f WHERE f.project_id = p.id AND f.deleted = 0 AND f.entry_date BETWEEN ? AND ? AND substr(f.entry_date, 1, 7) = ?)', filters.from, filters.to, figure.month),
          };
    case 'group': {
      const column = { industry: 'p.industry', place: filters.targetCity === null ? 'p.target_city' : 'p.target_county', member: 'p.owner_user_id', team: 'p.team_id' }[figure.by];
      const key = figure.key ?? null;
      if (figure.measure === 'pipeline') return { kind: 'projects', where: and(and(scope, `${column} IS ?`, key), "p.stage <> 'terminated'") };
      const signed = and(cohort, `${column} IS ?`, key);
      return { kind: 'projects', where: figure.measure === 'signed' ? signed : and(and(signed, WITH_AMOUNT), FUNDS_BY_END, filters.to) };
    }
    case 'visits': {
      let where = visitScope(filters);
      if (figure.week) {
        const sunday = new Date(Date.parse(`${figure.week}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
        where = and(where, 'v.visit_date BETWEEN ? AND ?', figure.week, sunday);
      }
      if (figure.kind) where = and(where, 'v.kind = ?', figure.kind);
      return { kind: 'visits', where };
    }
  }
}

interface ProjectDrillRow {
  id: string;
  name: string;
  company_id: string;
  company_name: string | null;
  stage: string;
  industry: string | null;
  target_city: string | null;
  target_county: string | null;
  target_park: string | null;
  signed_date: string | null;
  signed_amount_yuan: number | null;
  start_date: string | null;
  production_date: string | null;
  funds: number;
  owner_user_id: string | null;
}

export function drill(db: Db, filters: CockpitFilters, figure: CockpitFigure, limit: number, offset: number): CockpitDrill {
  const { kind, where } = drillCondition(filters, figure);
  if (kind === 'visits') {
    const rows = statement(
      db,
      `SELECT v.id, v.visit_date, v.kind, v.company_id, c.name AS company_name, v.summary, v.owner_user_id
       FROM visit v LEFT JOIN company c ON c.id = v.company_id WHERE ${where.sql} ORDER BY v.visit_date DESC, v.id LIMIT ? OFFSET ?`,
    ).all(...where.params, limit, offset) as { id: string; visit_date: string; kind: string; company_id: string; company_name: string | null; summary: string | null; owner_user_id: string | null }[];
    const total = statement(db, `SELECT count(*) FROM visit v WHERE ${where.sql}`).pluck().get(...where.params) as number;
    const items: CockpitVisitRow[] = rows.map((row) => ({
      id: row.id,
      visitDate: row.visit_date,
      kind: row.kind,
      companyId: row.company_id,
      companyName: row.company_name ?? '',
      summary: row.summary,
      ownerUserId: row.owner_user_id,
    }));
    return { kind: 'visits', page: { items, total } };
  }
  const rows = statement(
    db,
    `SELECT p.id, p.name, p.company_id, c.name AS company_name, p.stage, p.industry, p.target_city, p.target_county, p.target_park,
       p.signed_date, p.signed_amount_yuan, p.start_date, p.production_date, p.owner_user_id,
       (SELECT coalesce(sum(f.amount_yuan), 0) FROM funds_entry f WHERE f.project_id = p.id AND f.deleted = 0 AND f.entry_date <= ?) AS funds
     FROM project p LEFT JOIN company c ON c.id = p.company_id
     WHERE ${where.sql} ORDER BY p.signed_date DESC NULLS LAST, p.name, p.id LIMIT ? OFFSET ?`,
  ).all(filters.to, ...where.params, limit, offset) as ProjectDrillRow[];
  const total = statement(db, `SELECT count(*) FROM project p WHERE ${where.sql}`).pluck().get(...where.params) as number;
  return { kind: 'projects', page: { items: rows.map(toProjectRow), total } };
}

export function toProjectRow(row: ProjectDrillRow): CockpitProjectRow {
  return {
    id: row.id,
    name: row.name,
    companyId: row.company_id,
    companyName: row.company_name ?? '',
    stage: row.stage as Stage,
    industry: row.industry,
    targetCity: row.target_city,
    targetCounty: row.target_county,
    targetPark: row.target_park,
    signedDate: row.signed_date,
    signedAmountYuan: row.signed_amount_yuan,
    startDate: row.start_date,
    productionDate: row.production_date,
    fundsYuan: row.funds,
    ownerUserId: row.owner_user_id,
  };
}
