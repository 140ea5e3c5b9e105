/**
 * Every cockpit figure, from SQL over the live tables, each read off covering indexes
 * (migrations 0003 and 0005): the funnel and each dimension's pipeline by GROUP BY on
 * that column's index; the period's cohort grouped once by every dimension (its partial
 * sums added up per dimension here); its 到位资金 likewise; months and visits by ranges.
 * Integers throughout: money is integer 元, counts are counts.
 */
import type { CockpitData, CockpitFilters, CockpitGroupRow, CockpitMonth, CockpitRate, CockpitVisitWeeks, GroupDimension } from '../../../shared/contract/cockpit';
import { VISIT_KINDS } from '../../../shared/domain/reference';
import { STAGES, type Stage } from '../../../shared/domain/stages';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { cohortScope, projectScope, RATE_CONDITIONS, visitScope, type Sql } from './filters';
import { idLabel, memberLabels } from './labels';

/** The cohort grouped by every dimension: one row per combination, with partial sums. */
interface CohortRow {
  industry: string | null;
  target_city: string | null;
  target_county: string | null;
  owner_user_id: string | null;
  team_id: string | null;
  signed: number;
  signed_amount: number;
  amount_base: number;
  park: number;
  started: number;
  producing: number;
}

interface FundsRow {
  industry: string | null;
  target_city: string | null;
  target_county: string | null;
  owner_user_id: string | null;
  team_id: string | null;
  funds: number;
}

type DimensionRow = Pick<CohortRow, 'industry' | 'target_city' | 'target_county' | 'owner_user_id' | 'team_id'>;
const DIMENSIONS = 'p.industry, p.target_city, p.target_county, p.owner_user_id, p.team_id';

function sum<R, K extends keyof R>(rows: readonly R[], column: K): number {
  return rows.reduce((total, row) => total + (row[column] as number), 0);
}

export function cockpitFigures(db: Db, filters: CockpitFilters, localUserId: string | null): CockpitData {
  const scope = projectScope(filters);
  const cohort = cohortScope(filters);
  const placeLevel = filters.targetCity === null ? 'city' : 'county';
  const columns: Record<GroupDimension, string> = {
    industry: 'p.industry',
    place: placeLevel === 'city' ? 'p.target_city' : 'p.target_county',
    member: 'p.owner_user_id',
    team: 'p.team_id',
  };

  const funnelCounts = new Map(
    (statement(db, `SELECT p.stage, count(*) AS n FROM project p WHERE ${scope.sql} GROUP BY p.stage`).all(...scope.params) as { stage: string; n: number }[]).map((row) => [row.stage, row.n]),
  );
  const funnel = STAGES.map(({ code }) => ({ stage: code as Stage, count: funnelCounts.get(code) ?? 0 }));

  const cohortRows = statement(
    db,
    `SELECT ${DIMENSIONS}, count(*) AS signed, coalesce(sum(p.signed_amount_yuan), 0) AS signed_amount,
       coalesce(sum(CASE WHEN p.signed_amount_yuan IS NOT NULL THEN p.signed_amount_yuan END), 0) AS amount_base,
       coalesce(sum(${RATE_CONDITIONS.park}), 0) AS park,
       coalesce(sum(${RATE_CONDITIONS.started}), 0) AS started,
       coalesce(sum(${RATE_CONDITIONS.producing}), 0) AS producing
     FROM project p WHERE ${cohort.sql} GROUP BY ${DIMENSIONS}`,
  ).all(filters.to, filters.to, ...cohort.params) as CohortRow[];
  const fundsRows = statement(
    db,
    `SELECT ${DIMENSIONS}, sum(f.amount_yuan) AS funds
     FROM project p JOIN funds_entry f ON f.project_id = p.id AND f.deleted = 0 AND f.entry_date <= ?
     WHERE ${cohort.sql} AND p.signed_amount_yuan IS NOT NULL GROUP BY ${DIMENSIONS}`,
  ).all(filters.to, ...cohort.params) as FundsRow[];

  const signed = sum(cohortRows, 'signed');
  const fundsYuan = sum(fundsRows, 'funds');
  const rate = (key: CockpitRate['key'], numerator: number, denominator: number): CockpitRate => ({ key, numerator, denominator, ratio: denominator === 0 ? null : numerator / denominator });

  const members = memberLabels(db, localUserId);
  const keyOf: Record<GroupDimension, (row: DimensionRow) => string | null> = {
    industry: (row) => row.industry,
    place: (row) => (placeLevel === 'city' ? row.target_city : row.target_county),
    member: (row) => row.owner_user_id,
    team: (row) => row.team_id,
  };
  const labelOf: Record<GroupDimension, (key: string | null) => string> = {
    industry: (key) => key ?? '未填行业',
    place: (key) => key ?? (placeLevel === 'city' ? '未填落地市（州）' : '未填落地县（区）'),
    member: (key) => idLabel(key, members, '成员'),
    team: (key) => idLabel(key, new Map(), '工作队'),
  };
  const groups = Object.fromEntries(
    (['industry', 'place', 'member', 'team'] as const).map((dimension) => [
      dimension,
      groupRows(pipelineBy(db, scope, columns[dimension]), cohortRows, fundsRows, keyOf[dimension], labelOf[dimension]),
    ]),
  ) as Record<GroupDimension, CockpitGroupRow[]>;

  return {
    filters,
    funnel,
    rates: [
      rate('park', sum(cohortRows, 'park'), signed),
      rate('started', sum(cohortRows, 'started'), signed),
      rate('producing', sum(cohortRows, 'producing'), signed),
      rate('funds', fundsYuan, sum(cohortRows, 'amount_base')),
    ],
    cohort: { projects: signed, signedAmountYuan: sum(cohortRows, 'signed_amount'), fundsYuan },
    months: monthFigures(db, filters),
    groups,
    placeLevel,
    visits: visitFigures(db, filters),
  };
}

/**
 * Live projects not terminated, per value of `column`: all live projects (a scan of that
 * column's own index) less the terminated ones (a range of the stage index). Asking for
 * "stage <> terminated" directly would read every project row for its stage.
 */
function pipelineBy(db: Db, scope: Sql, column: string): Map<string | null, number> {
  const all = statement(db, `SELECT ${column} AS key, count(*) AS n FROM project p WHERE ${scope.sql} GROUP BY ${column}`).all(...scope.params) as { key: string | null; n: number }[];
  const ended = statement(db, `SELECT ${column} AS key, count(*) AS n FROM project p WHERE ${scope.sql} AND p.stage = 'terminated' GROUP BY ${column}`).all(...scope.params) as { key: string | null; n: number }[];
  const counts = new Map(all.map((row) => [row.key, row.n]));
  for (const row of ended) counts.set(row.key, (counts.get(row.key) ?? 0) - row.n);
  return counts;
}

function groupRows(
  pipeline: Map<string | null, number>,
  cohortRows: readonly CohortRow[],
  fundsRows: readonly FundsRow[],
  keyOf: (row: DimensionRow) => string | null,
  labelOf: (key: string | null) => string,
): CockpitGroupRow[] {
  const rows = new Map<string | null, CockpitGroupRow>();
  const rowFor = (key: string | null): CockpitGroupRow => {
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, label: labelOf(key), pipeline: 0, signed: 0, signedAmountYuan: 0, fundsYuan: 0 }));
    return row;
  };
  for (const [key, count] of pipeline) if (count > 0) rowFor(key).pipeline = count;
  for (const part of cohortRows) {
    const row = rowFor(keyOf(part));
    row.signed += part.signed;
    row.signedAmountYuan += part.signed_amount;
  }
  for (const part of fundsRows) rowFor(keyOf(part)).fundsYuan += part.funds;
  // Largest first; "not filled in" last; ties by label.
  return [...rows.values()].sort((a, b) => Number(a.key === null) - Number(b.key === null) || b.signedAmountYuan - a.signedAmountYuan || b.pipeline - a.pipeline || a.label.localeCompare(b.label, 'zh-CN'));
}

/** Every month of the period, zero-filled. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

function monthFigures(db: Db, filters: CockpitFilters): CockpitMonth[] {
  const cohort = cohortScope(filters);
  const scope = projectScope(filters);
  const signed = statement(db, `SELECT substr(p.signed_date, 1, 7) AS month, count(*) AS n, coalesce(sum(p.signed_amount_yuan), 0) AS amount FROM project p WHERE ${cohort.sql} GROUP BY month`).all(
    ...cohort.params,
  ) as { month: string; n: number; amount: number }[];
  // Each entry is checked against a set of project ids built once (without project
  // filters: the few deleted ones), not by looking its project up.
  const unfiltered = scope.params.length === 0;
  const funds = (
    unfiltered
      ? statement(
          db,
          `SELECT substr(f.entry_date, 1, 7) AS month, sum(f.amount_yuan) AS amount FROM funds_entry f
           WHERE f.deleted = 0 AND f.entry_date BETWEEN ? AND ? AND f.project_id NOT IN (SELECT id FROM project WHERE deleted = 1) GROUP BY month`,
        ).all(filters.from, filters.to)
      : statement(
          db,
          `SELECT substr(f.entry_date, 1, 7) AS month, sum(f.amount_yuan) AS amount FROM funds_entry f
           WHERE f.deleted = 0 AND f.entry_date BETWEEN ? AND ? AND f.project_id IN (SELECT p.id FROM project p WHERE ${scope.sql}) GROUP BY month`,
        ).all(filters.from, filters.to, ...scope.params)
  ) as { month: string; amount: number }[];
  const signedBy = new Map(signed.map((row) => [row.month, row]));
  const fundsBy = new Map(funds.map((row) => [row.month, row.amount]));
  return monthsOf(filters.from, filters.to).map((month) => ({
    month,
    signedCount: signedBy.get(month)?.n ?? 0,
    signedAmountYuan: signedBy.get(month)?.amount ?? 0,
    fundsYuan: fundsBy.get(month) ?? 0,
  }));
}

/** Monday (YYYY-MM-DD) of the ISO week of a date. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

/** Every visit kind in use (known ones first, in their order), by seeking the kind index: a handful of reads, not a scan. */
function visitKinds(db: Db): string[] {
  const next = statement(db, 'SELECT kind FROM visit WHERE deleted = 0 AND kind > ? ORDER BY kind LIMIT 1').pluck();
  const used: string[] = [];
  for (let kind = next.get('') as string | undefined; kind !== undefined; kind = next.get(kind) as string | undefined) used.push(kind);
  const known: string[] = VISIT_KINDS.map((kind) => kind.code);
  return [...known, ...used.filter((kind) => !known.includes(kind))];
}

/**
 * Visits per ISO week and kind: one count per (kind, week), each a range of a covering
 * index (kind, date — per member or team when filtered). Counting walks the entries of
 * the range, so this is the cheapest exact count SQLite has: no grouping, no row reads.
 */
function visitFigures(db: Db, filters: CockpitFilters): CockpitVisitWeeks {
  const scope = visitScope(filters);
  const count = statement(db, `SELECT count(*) FROM visit v WHERE ${scope.sql} AND v.kind = ? AND v.visit_date BETWEEN ? AND ?`).pluck();
  const weeks: string[] = [];
  for (let monday = mondayOf(filters.from); monday <= filters.to; monday = addDays(monday, 7)) weeks.push(monday);
  const kinds = visitKinds(db);
  let total = 0;
  const counts = weeks.map((monday) => {
    const first = monday < filters.from ? filters.from : monday;
    const sunday = addDays(monday, 6);
    const last = sunday > filters.to ? filters.to : sunday;
    return kinds.map((kind) => {
      const n = count.get(...scope.params, kind, first, last) as number;
      total += n;
      return n;
    });
  });
  return { weeks, kinds, counts, total };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
