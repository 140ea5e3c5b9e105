import { z } from 'zod';
import { StageSchema, type Stage } from '../domain/stages';
import { VisitKindSchema } from '../domain/reference';
import { method } from './define';
import { optionalDate, pageInput, type Page } from './fields';

/**
 * The cockpit (驾驶舱). Every figure is defined in docs/cockpit-metrics.md and computed
 * by SQL over the live tables; `cockpit.drill` lists exactly the records behind any
 * figure (its total equals the figure, or for money, the records the money belongs to).
 */
export const CockpitFiltersSchema = z
  .object({
    /** Period start; default 1 January of the current year. */
    from: optionalDate('开始日期'),
    /** Period end (inclusive); default today. */
    to: optionalDate('结束日期'),
    teamId: z.string().trim().min(1).max(64).nullish(),
    ownerUserId: z.string().trim().min(1).max(64).nullish(),
    industry: z.string().trim().min(1).max(50).nullish(),
    targetCity: z.string().trim().min(1).max(50).nullish(),
  })
  .strict();
export type CockpitFiltersInput = z.input<typeof CockpitFiltersSchema>;

export interface CockpitFilters {
  from: string;
  to: string;
  teamId: string | null;
  ownerUserId: string | null;
  industry: string | null;
  targetCity: string | null;
}

export const RATE_KEYS = ['park', 'started', 'producing', 'funds'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export interface CockpitRate {
  key: RateKey;
  /** Projects (park/started/producing) or 元 (funds). */
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0. */
  ratio: number | null;
}

export const GROUP_DIMENSIONS = ['industry', 'place', 'member', 'team'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

export interface CockpitGroupRow {
  /** The stored value (industry text, city or county, user id, team id); null = not filled in. */
  key: string | null;
  label: string;
  /** Live projects not terminated, now (any period). */
  pipeline: number;
  /** Projects signed in the period. */
  signed: number;
  signedAmountYuan: number;
  /** 到位资金 up to the period's end of the projects signed in the period. */
  fundsYuan: number;
}

export interface CockpitMonth {
  /** YYYY-MM */
  month: string;
  signedCount: number;
  signedAmountYuan: number;
  /** 到位资金 entered in that month, any project. */
  fundsYuan: number;
}

export interface CockpitVisitWeeks {
  /** Mondays (YYYY-MM-DD) of the ISO weeks the period touches. */
  weeks: string[];
  kinds: string[];
  /** counts[week][kind] */
  counts: number[][];
  total: number;
}

export interface CockpitData {
  filters: CockpitFilters;
  /** Live projects in each stage now, in pipeline order. */
  funnel: { stage: Stage; count: number }[];
  rates: CockpitRate[];
  /** Projects signed in the period, their signed amount and their 到位资金 up to the end. */
  cohort: { projects: number; signedAmountYuan: number; fundsYuan: number };
  months: CockpitMonth[];
  groups: Record<GroupDimension, CockpitGroupRow[]>;
  /** 'county' when a target city is chosen: the place rows are its counties. */
  placeLevel: 'city' | 'county';
  visits: CockpitVisitWeeks;
}

export interface CockpitOptions {
  industries: string[];
  cities: string[];
  members: { id: string; label: string }[];
  teams: { id: string; label: string }[];
}

const figure = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stage'), stage: StageSchema }).strict(),
  z.object({ type: z.literal('cohort') }).strict(),
  z.object({ type: z.literal('rate'), rate: z.enum(RATE_KEYS), part: z.enum(['numerator', 'denominator']) }).strict(),
  z.object({ type: z.literal('month'), series: z.enum(['signed', 'funds']), month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM') }).strict(),
  z
    .object({ type: z.literal('group'), by: z.enum(GROUP_DIMENSIONS), key: z.string().max(64).nullable(), measure: z.enum(['pipeline', 'signed', 'funds']) })
    .strict(),
  z.object({ type: z.literal('visits'), week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(), kind: z.union([VisitKindSchema, z.string().max(40)]).nullish() }).strict(),
]);
export const CockpitFigureSchema = figure;
export type CockpitFigure = z.input<typeof figure>;

export interface CockpitProjectRow {
  id: string;
  name: string;
  companyId: string;
  companyName: string;
  stage: Stage;
  industry: string | null;
  targetCity: string | null;
  targetCounty: string | null;
  targetPark: string | null;
  signedDate: string | null;
  signedAmountYuan: number | null;
  startDate: string | null;
  productionDate: string | null;
  /** 到位资金 up to the period's end. */
  fundsYuan: number;
  ownerUserId: string | null;
}

export interface CockpitVisitRow {
  id: string;
  visitDate: string;
  kind: string;
  companyId: string;
  companyName: string;
  summary: string | null;
  ownerUserId: string | null;
}

export type CockpitDrill = { kind: 'projects'; page: Page<CockpitProjectRow> } | { kind: 'visits'; page: Page<CockpitVisitRow> };

export const cockpitContract = {
  'cockpit.get': method<CockpitData>()(CockpitFiltersSchema),
  /** Choices for the filters: every industry, city, member and team that has projects. */
  'cockpit.options': method<CockpitOptions>()(z.object({}).strict()),
  'cockpit.drill': method<CockpitDrill>()(z.object({ filters: CockpitFiltersSchema, figure, limit: pageInput.limit, offset: pageInput.offset }).strict()),
};
