import { z } from 'zod';
import { StageSchema, type Stage } from '../domain/stages';
import { method } from './define';
import { optionalAmount, optionalDate, optionalText, pageInput, requiredDate, requiredText, rowId, type Page, type RecordMeta } from './fields';

const projectFields = {
  companyId: rowId,
  name: requiredText(200, '项目名称'),
  industry: optionalText(50, '所属行业'),
  /** As typed: `5亿`, `50000万元`; a bare number is 亿元. */
  investment: optionalAmount('亿元'),
  targetCity: optionalText(50, '落地市（州）'),
  targetCounty: optionalText(50, '落地县（区）'),
  targetPark: optionalText(100, '落地园区'),
  startPlannedDate: optionalDate('计划开工日期'),
  productionPlannedDate: optionalDate('计划投产日期'),
  agreementNo: optionalText(100, '协议编号'),
  expectedJobs: z.number().int().min(0).max(10_000_000).nullish().transform((value) => value ?? null),
  /** Expected annual output; a bare number is 万元. */
  expectedOutput: optionalAmount('万元'),
  notes: optionalText(5000, '备注'),
};

export interface ProjectRecord extends RecordMeta {
  companyId: string;
  companyName: string;
  name: string;
  industry: string | null;
  investmentYuan: number | null;
  targetCity: string | null;
  targetCounty: string | null;
  targetPark: string | null;
  stage: Stage;
  signedDate: string | null;
  signedAmountYuan: number | null;
  startPlannedDate: string | null;
  startDate: string | null;
  productionPlannedDate: string | null;
  productionDate: string | null;
  agreementNo: string | null;
  expectedJobs: number | null;
  expectedOutputYuan: number | null;
  notes: string | null;
  /** Sum of live 到位资金 entries. */
  fundsInPlaceYuan: number;
}

export interface StageEventRecord extends RecordMeta {
  projectId: string;
  fromStage: Stage | null;
  toStage: Stage;
  movedOn: string;
  reason: string | null;
}

export interface FundsEntryRecord extends RecordMeta {
  projectId: string;
  entryDate: string;
  amountYuan: number;
  note: string | null;
  /** Total of this and every earlier entry (by date, then entry order). */
  runningTotalYuan: number;
}

export interface ProjectDetail {
  project: ProjectRecord;
  stageHistory: StageEventRecord[];
  funds: FundsEntryRecord[];
}

export const PROJECT_SORTS = ['updatedAt', 'createdAt', 'name', 'stage', 'investment'] as const;

export const projectsContract = {
  'projects.create': method<ProjectRecord>()(z.object(projectFields).strict()),
  'projects.update': method<ProjectRecord>()(z.object({ id: rowId, patch: z.object(projectFields).omit({ companyId: true }).partial().strict() }).strict()),
  /**
   * Moves a project to another stage, checked by `checkStageMove`: 签约 needs the signing
   * date and amount, 开工 and 投产 their actual dates, a backward move a reason.
   */
  'projects.moveStage': method<ProjectDetail>()(
    z
      .object({
        id: rowId,
        to: StageSchema,
        movedOn: optionalDate('变更日期'),
        signedDate: optionalDate('签约日期'),
        /** As typed; a bare number is 亿元. */
        signedAmount: optionalAmount('亿元'),
        startDate: optionalDate('实际开工日期'),
        productionDate: optionalDate('实际投产日期'),
        reason: optionalText(500, '变更原因'),
      })
      .strict(),
  ),
  /** A dated 到位资金 entry; a bare number is 万元. */
  'projects.addFunds': method<ProjectDetail>()(
    z
      .object({
        projectId: rowId,
        entryDate: requiredDate('到位日期'),
        amount: optionalAmount('万元').refine((value) => value !== null && value > 0, '请输入大于 0 的到位金额'),
        note: optionalText(500, '备注'),
      })
      .strict(),
  ),
  'projects.get': method<ProjectDetail>()(z.object({ id: rowId }).strict()),
  'projects.list': method<Page<ProjectRecord>>()(
    z
      .object({
        ...pageInput,
        sort: z.enum(PROJECT_SORTS).default('updatedAt'),
        companyId: rowId.optional(),
        stage: StageSchema.optional(),
        industry: z.string().max(50).optional(),
        targetCity: z.string().max(50).optional(),
        ownerUserId: z.string().max(64).optional(),
      })
      .strict(),
  ),
};
