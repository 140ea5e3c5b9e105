import { z } from 'zod';
import type { Stage } from '../domain/stages';
import type { VisitKind } from '../domain/reference';
import { method } from './define';
import { isoWeekField } from './week-notes';

/** One line of the 周报: a member's week, or the team total. Money is integer 元. */
export interface ReportRow {
  visitsByKind: Record<VisitKind, number>;
  visits: number;
  newCompanies: number;
  /** Projects by the stage they were in at the end of the week (or today, for this week). */
  projectsByStage: Record<Stage, number>;
  projects: number;
  newProjects: number;
  /** Stage moves dated in the week (not counting a project's first stage). */
  stageMoves: number;
  signedCount: number;
  signedAmountYuan: number;
  fundsInPlaceYuan: number;
  followUpsDue: number;
  followUpsDone: number;
  followUpsOverdue: number;
}

export interface ReportMemberRow extends ReportRow {
  userId: string | null;
  name: string;
}

export interface ReportVisit {
  memberName: string;
  visitDate: string;
  companyName: string;
  kind: VisitKind;
  intent: string | null;
  summary: string | null;
  nextStep: string | null;
}

export interface ReportStageMove {
  memberName: string;
  movedOn: string;
  projectName: string;
  companyName: string;
  fromStage: Stage | null;
  toStage: Stage;
  reason: string | null;
}

export interface ReportNote {
  memberName: string;
  summary: string | null;
  nextPlan: string | null;
  issues: string | null;
}

export interface WeeklyReport {
  week: string;
  /** 2026年第48周（11月23日—11月29日） */
  label: string;
  monday: string;
  sunday: string;
  teamName: string;
  /** The day stages and overdue follow-ups are counted at: the week's end, or today for a week not over yet. */
  asOf: string;
  generatedAt: string;
  members: ReportMemberRow[];
  total: ReportRow;
  notableVisits: ReportVisit[];
  stageMoves: ReportStageMove[];
  notes: ReportNote[];
}

export const reportContract = {
  /** The 周报 data for one ISO week. The .xlsx and PDF come from POST /api/files/report. */
  'report.weekly': method<WeeklyReport>()(z.object({ week: isoWeekField }).strict()),
};
