import type { z } from 'zod';
import type { FundsEntryRecord, ProjectRecord, projectsContract, StageEventRecord } from '../../../shared/contract';
import type { Stage } from '../../../shared/domain/stages';
import type { RowValues } from '../../store/entities';
import { recordMeta, type MetaRow } from '../common/records';

export interface ProjectRow extends MetaRow {
  company_id: string;
  company_name: string | null;
  name: string;
  industry: string | null;
  investment_yuan: number | null;
  target_city: string | null;
  target_county: string | null;
  target_park: string | null;
  stage: string;
  signed_date: string | null;
  signed_amount_yuan: number | null;
  start_planned_date: string | null;
  start_date: string | null;
  production_planned_date: string | null;
  production_date: string | null;
  agreement_no: string | null;
  expected_jobs: number | null;
  expected_output_yuan: number | null;
  notes: string | null;
  funds_yuan: number;
}

/** Select list for `project p`, with the company's name and the sum of live 到位资金. */
export const PROJECT_SELECT = `p.id, p.created_at, p.updated_at, p.deleted, p.owner_user_id, p.team_id, p.company_id,
  (SELECT name FROM company WHERE id = p.company_id) AS company_name, p.name, p.industry, p.investment_yuan, p.target_city,
  p.target_county, p.target_park, p.stage, p.signed_date, p.signed_amount_yuan, p.start_planned_date, p.start_date,
  p.production_planned_date, p.production_date, p.agreement_no, p.expected_jobs, p.expected_output_yuan, p.notes,
  (SELECT coalesce(sum(amount_yuan), 0) FROM funds_entry WHERE project_id = p.id AND deleted = 0) AS funds_yuan`;

export function toProjectRecord(row: ProjectRow): ProjectRecord {
  return {
    ...recordMeta(row),
    companyId: row.company_id,
    companyName: row.company_name ?? '',
    name: row.name,
    industry: row.industry,
    investmentYuan: row.investment_yuan,
    targetCity: row.target_city,
    targetCounty: row.target_county,
    targetPark: row.target_park,
    stage: row.stage as Stage,
    signedDate: row.signed_date,
    signedAmountYuan: row.signed_amount_yuan,
    startPlannedDate: row.start_planned_date,
    startDate: row.start_date,
    productionPlannedDate: row.production_planned_date,
    productionDate: row.production_date,
    agreementNo: row.agreement_no,
    expectedJobs: row.expected_jobs,
    expectedOutputYuan: row.expected_output_yuan,
    notes: row.notes,
    fundsInPlaceYuan: row.funds_yuan,
  };
}

export type ProjectFields = z.output<(typeof projectsContract)['projects.create']['input']>;

/** The fields a form edits; stage and milestone data change only through moveStage. */
export function projectColumns(input: Partial<ProjectFields>): RowValues<'project'> {
  return {
    company_id: input.companyId,
    name: input.name,
    industry: input.industry,
    investment_yuan: input.investment,
    target_city: input.targetCity,
    target_county: input.targetCounty,
    target_park: input.targetPark,
    start_planned_date: input.startPlannedDate,
    production_planned_date: input.productionPlannedDate,
    agreement_no: input.agreementNo,
    expected_jobs: input.expectedJobs,
    expected_output_yuan: input.expectedOutput,
    notes: input.notes,
  };
}

export interface StageEventRow extends MetaRow {
  project_id: string;
  from_stage: string | null;
  to_stage: string;
  moved_on: string;
  reason: string | null;
}

export const STAGE_EVENT_COLUMNS = 'e.id, e.created_at, e.updated_at, e.deleted, e.owner_user_id, e.team_id, e.project_id, e.from_stage, e.to_stage, e.moved_on, e.reason';

export function toStageEvent(row: StageEventRow): StageEventRecord {
  return {
    ...recordMeta(row),
    projectId: row.project_id,
    fromStage: row.from_stage as Stage | null,
    toStage: row.to_stage as Stage,
    movedOn: row.moved_on,
    reason: row.reason,
  };
}

export interface FundsRow extends MetaRow {
  project_id: string;
  entry_date: string;
  amount_yuan: number;
  note: string | null;
}

/** Entries in date order (then entry order), each with the total so far. Integer 元, so the sum is exact. */
export function withRunningTotal(rows: readonly FundsRow[]): FundsEntryRecord[] {
  let total = 0;
  return rows.map((row) => {
    total += row.amount_yuan;
    return { ...recordMeta(row), projectId: row.project_id, entryDate: row.entry_date, amountYuan: row.amount_yuan, note: row.note, runningTotalYuan: total };
  });
}
