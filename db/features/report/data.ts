import type { ReportMemberRow, ReportNote, ReportRow, ReportStageMove, ReportVisit, WeeklyReport } from '../../../shared/contract/report';
import { VISIT_KINDS, type VisitKind } from '../../../shared/domain/reference';
import { STAGES, type Stage } from '../../../shared/domain/stages';
import { chinaDateOf, weekLabel, weekRange } from '../../../shared/weeklog/iso-week';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { knownMemberIds, memberNames, nameOf } from '../team/members';
import { weekNotesOf } from '../week-notes/handlers';

/**
 * The 周报 of one ISO week, per member (by the records' owner) and for the team:
 *
 * - visits dated in the week, by kind; companies and projects created in the week;
 * - projects by the stage they were in at `asOf` (the week's Sunday, or today while the
 *   week runs): the last stage move dated on or before it;
 * - stage moves dated in the week (a project's first stage is not a move);
 * - amounts signed (签约日期 in the week) and funds in place (entries dated in the week),
 *   integer 元;
 * - follow-ups due in the week, how many of them are done, and those overdue at `asOf`
 *   (due before it and not done by then);
 * - notable visits (strong intent, 赴黔考察, 云上签) and every member's narrative.
 *
 * Days are China time; deleted records never count.
 */
export const DEFAULT_TEAM_NAME = '驻点招商工作队';
const NOTABLE_KINDS: readonly VisitKind[] = ['inspection_trip', 'online_signing'];

export function emptyRow(): ReportRow {
  return {
    visitsByKind: Object.fromEntries(VISIT_KINDS.map((kind) => [kind.code, 0])) as Record<VisitKind, number>,
    visits: 0,
    newCompanies: 0,
    projectsByStage: Object.fromEntries(STAGES.map((stage) => [stage.code, 0])) as Record<Stage, number>,
    projects: 0,
    newProjects: 0,
    stageMoves: 0,
    signedCount: 0,
    signedAmountYuan: 0,
    fundsInPlaceYuan: 0,
    followUpsDue: 0,
    followUpsDone: 0,
    followUpsOverdue: 0,
  };
}

type Owner = string | null;

export function weeklyReport(db: Db, week: string, now: Date): WeeklyReport {
  const range = weekRange(week);
  const today = chinaDateOf(now);
  const asOf = today < range.sunday ? (today < range.monday ? range.monday : today) : range.sunday;
  // The end of `asOf` in China time, as a UTC instant.
  const asOfEnd = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000 - 8 * 3_600_000).toISOString();
  const rows = new Map<Owner, ReportRow>();
  const row = (owner: Owner): ReportRow => {
    let found = rows.get(owner);
    if (!found) {
      found = emptyRow();
      rows.set(owner, found);
    }
    return found;
  };
  const each = <T>(sql: string, ...params: unknown[]): T[] => statement(db, sql).all(...params) as T[];

  for (const { owner, kind, n } of each<{ owner: Owner; kind: VisitKind; n: number }>(
    'SELECT owner_user_id AS owner, kind, count(*) AS n FROM visit WHERE deleted = 0 AND visit_date BETWEEN ? AND ? GROUP BY 1, 2',
    range.monday,
    range.sunday,
  )) {
    const target = row(owner);
    if (kind in target.visitsByKind) target.visitsByKind[kind] += n;
    target.visits += n;
  }
  for (const { owner, n } of each<{ owner: Owner; n: number }>(
    'SELECT owner_user_id AS owner, count(*) AS n FROM company WHERE deleted = 0 AND created_at >= ? AND created_at < ? GROUP BY 1',
    range.startsAt,
    range.endsAt,
  )) {
    row(owner).newCompanies += n;
  }
  for (const { owner, stage, n } of each<{ owner: Owner; stage: Stage; n: number }>(
    `SELECT p.owner_user_id AS owner,
            coalesce((SELECT e.to_stage FROM project_stage_event e WHERE e.project_id = p.id AND e.deleted = 0 AND e.moved_on <= ?
                      ORDER BY e.moved_on DESC, e.created_at DESC, e.id DESC LIMIT 1), p.stage) AS stage,
            count(*) AS n
       FROM project p WHERE p.deleted = 0 AND p.created_at < ? GROUP BY 1, 2`,
    asOf,
    asOfEnd,
  )) {
    const target = row(owner);
    if (stage in target.projectsByStage) target.projectsByStage[stage] += n;
    target.projects += n;
  }
  for (const { owner, n } of each<{ owner: Owner; n: number }>(
    'SELECT owner_user_id AS owner, count(*) AS n FROM project WHERE deleted = 0 AND created_at >= ? AND created_at < ? GROUP BY 1',
    range.startsAt,
    range.endsAt,
  )) {
    row(owner).newProjects += n;
  }
  for (const { owner, n, amount } of each<{ owner: Owner; n: number; amount: number }>(
    'SELECT owner_user_id AS owner, count(*) AS n, coalesce(sum(signed_amount_yuan), 0) AS amount FROM project WHERE deleted = 0 AND signed_date BETWEEN ? AND ? GROUP BY 1',
    range.monday,
    range.sunday,
  )) {
    row(owner).signedCount += n;
    row(owner).signedAmountYuan += amount;
  }
  for (const { owner, amount } of each<{ owner: Owner; amount: number }>(
    'SELECT owner_user_id AS owner, sum(amount_yuan) AS amount FROM funds_entry WHERE deleted = 0 AND entry_date BETWEEN ? AND ? GROUP BY 1',
    range.monday,
    range.sunday,
  )) {
    row(owner).fundsInPlaceYuan += amount;
  }
  for (const { owner, due, done } of each<{ owner: Owner; due: number; done: number }>(
    'SELECT owner_user_id AS owner, count(*) AS due, sum(done) AS done FROM task WHERE deleted = 0 AND due_date BETWEEN ? AND ? GROUP BY 1',
    range.monday,
    range.sunday,
  )) {
    row(owner).followUpsDue += due;
    row(owner).followUpsDone += done;
  }
  for (const { owner, n } of each<{ owner: Owner; n: number }>(
    `SELECT owner_user_id AS owner, count(*) AS n FROM task
      WHERE deleted = 0 AND due_date < ? AND (done = 0 OR done_at IS NULL OR done_at >= ?) AND created_at < ? GROUP BY 1`,
    asOf,
    asOfEnd,
    asOfEnd,
  )) {
    row(owner).followUpsOverdue += n;
  }

  const names = memberNames(db);
  const stageMoves = each<{ owner: Owner; moved_on: string; project: string; company: string; from_stage: Stage | null; to_stage: Stage; reason: string | null }>(
    `SELECT e.owner_user_id AS owner, e.moved_on, p.name AS project, c.name AS company, e.from_stage, e.to_stage, e.reason
       FROM project_stage_event e JOIN project p ON p.id = e.project_id JOIN company c ON c.id = p.company_id
      WHERE e.deleted = 0 AND p.deleted = 0 AND e.from_stage IS NOT NULL AND e.moved_on BETWEEN ? AND ?
      ORDER BY e.moved_on, p.name, e.id`,
    range.monday,
    range.sunday,
  ).map((move): ReportStageMove & { owner: Owner } => ({
    owner: move.owner,
    memberName: nameOf(names, move.owner),
    movedOn: move.moved_on,
    projectName: move.project,
    companyName: move.company,
    fromStage: move.from_stage,
    toStage: move.to_stage,
    reason: move.reason,
  }));
  for (const move of stageMoves) row(move.owner).stageMoves += 1;

  const notableVisits = each<{ owner: Owner; visit_date: string; company: string; kind: VisitKind; intent: string | null; summary: string | null; next_step: string | null }>(
    `SELECT v.owner_user_id AS owner, v.visit_date, c.name AS company, v.kind, v.intent, v.summary, v.next_step
       FROM visit v JOIN company c ON c.id = v.company_id
      WHERE v.deleted = 0 AND v.visit_date BETWEEN ? AND ? AND (v.intent = 'strong' OR v.kind IN (${NOTABLE_KINDS.map(() => '?').join(', ')}))
      ORDER BY v.visit_date, c.name, v.id`,
    range.monday,
    range.sunday,
    ...NOTABLE_KINDS,
  ).map(
    (visit): ReportVisit => ({
      memberName: nameOf(names, visit.owner),
      visitDate: visit.visit_date,
      companyName: visit.company,
      kind: visit.kind,
      intent: visit.intent,
      summary: visit.summary,
      nextStep: visit.next_step,
    }),
  );

  const notes = weekNotesOf(db, week);
  for (const note of notes) row(note.ownerUserId);
  for (const id of knownMemberIds(db)) {
    // The lead's own device shows only when it logged something: a lead is not always a field member.
    if (id !== selfId(db) || rows.has(id)) row(id);
  }

  const members: ReportMemberRow[] = [...rows.entries()]
    .map(([userId, values]) => ({ userId, name: nameOf(names, userId), ...values }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || String(a.userId).localeCompare(String(b.userId)));
  return {
    week,
    label: weekLabel(week),
    monday: range.monday,
    sunday: range.sunday,
    teamName: (statement(db, "SELECT value FROM meta WHERE key = 'team_name'").pluck().get() as string | undefined) ?? DEFAULT_TEAM_NAME,
    asOf,
    generatedAt: now.toISOString(),
    members,
    total: sumRows(members),
    notableVisits,
    stageMoves: stageMoves.map(({ owner: _owner, ...move }) => move),
    notes: notes.map((note): ReportNote => ({ memberName: note.memberName, summary: note.summary, nextPlan: note.nextPlan, issues: note.issues })),
  };
}

function selfId(db: Db): string | undefined {
  return statement(db, "SELECT value FROM meta WHERE key = 'user_id'").pluck().get() as string | undefined;
}

export function sumRows(rows: readonly ReportRow[]): ReportRow {
  const total = emptyRow();
  for (const row of rows) {
    for (const kind of Object.keys(total.visitsByKind) as VisitKind[]) total.visitsByKind[kind] += row.visitsByKind[kind];
    for (const stage of Object.keys(total.projectsByStage) as Stage[]) total.projectsByStage[stage] += row.projectsByStage[stage];
    for (const key of ['visits', 'newCompanies', 'projects', 'newProjects', 'stageMoves', 'signedCount', 'signedAmountYuan', 'fundsInPlaceYuan', 'followUpsDue', 'followUpsDone', 'followUpsOverdue'] as const) {
      total[key] += row[key];
    }
  }
  return total;
}
