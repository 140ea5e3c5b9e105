import { z } from 'zod';
import { CompanyScaleSchema, type CompanyScale } from '../domain/reference';
import { method } from './define';
import { creditCodeField, optionalText, pageInput, patchOf, requiredText, rowId, shortList, type Page, type RecordMeta } from './fields';
import type { ContactRecord } from './contacts';
import type { HistoryEntry } from './records';
import type { ProjectRecord, StageEventRecord } from './projects';
import type { TaskRecord } from './tasks';
import type { VisitRecord } from './visits';

export type { Page } from './fields';

export const companyName = requiredText(200, '企业名称');

const companyFields = {
  name: companyName,
  creditCode: creditCodeField,
  aliases: shortList('曾用名/简称'),
  industry: optionalText(50, '所属行业'),
  district: optionalText(50, '所在区域'),
  address: optionalText(200, '地址'),
  scale: CompanyScaleSchema.nullish().transform((value) => value ?? null),
  isFortune500: z.boolean().default(false),
  isListed: z.boolean().default(false),
  leadSource: optionalText(100, '线索来源'),
  tags: shortList('标签'),
  notes: optionalText(5000, '备注'),
};

export const companyInput = z.object(companyFields).strict();
export type CompanyInput = z.input<typeof companyInput>;

export interface CompanySummary {
  id: string;
  name: string;
  creditCode: string | null;
  industry: string | null;
  district: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CompanyRecord extends RecordMeta {
  name: string;
  creditCode: string | null;
  aliases: string[];
  industry: string | null;
  district: string | null;
  address: string | null;
  scale: CompanyScale | null;
  isFortune500: boolean;
  isListed: boolean;
  leadSource: string | null;
  tags: string[];
  notes: string | null;
}

/** A pointer to another company, e.g. the one that already has this credit code. */
export interface CompanyRef {
  id: string;
  name: string;
  creditCode: string | null;
}

export interface DuplicateCheck {
  /** A live company with the same credit code: saving is refused. */
  sameCode: CompanyRef | null;
  /** Live companies whose names normalise alike: saving needs `confirmSimilarName`. */
  similarNames: CompanyRef[];
}

/** One line of the company page's timeline, newest first. */
export type TimelineItem =
  | { kind: 'visit'; date: string; visit: VisitRecord }
  | { kind: 'stage'; date: string; projectName: string; event: StageEventRecord };

export interface CompanyPage {
  company: CompanyRecord;
  contacts: ContactRecord[];
  projects: ProjectRecord[];
  tasks: TaskRecord[];
  timeline: TimelineItem[];
  /** The latest field changes of the company and its records, newest first. */
  history: HistoryEntry[];
}

export const COMPANY_SORTS = ['createdAt', 'updatedAt', 'name', 'industry', 'district'] as const;

export const companiesContract = {
  'companies.list': method<Page<CompanySummary>>()(
    z
      .object({
        ...pageInput,
        sort: z.enum(COMPANY_SORTS).default('createdAt'),
        industry: z.string().max(50).optional(),
        district: z.string().max(50).optional(),
        ownerUserId: z.string().max(64).optional(),
      })
      .strict(),
  ),
  /** Refused with E_COMPANY_DUPLICATE_CODE (details[0].refId: the existing company) or E_COMPANY_SIMILAR_NAME unless confirmed. */
  'companies.create': method<CompanyRecord>()(companyInput.extend({ confirmSimilarName: z.boolean().default(false) }).strict()),
  'companies.update': method<CompanyRecord>()(
    z.object({ id: rowId, patch: patchOf(companyFields).strict(), confirmSimilarName: z.boolean().default(false) }).strict(),
  ),
  'companies.checkDuplicate': method<DuplicateCheck>()(
    z.object({ name: z.string().max(200).optional(), creditCode: z.string().max(40).optional(), excludeId: rowId.optional() }).strict(),
  ),
  'companies.get': method<CompanyPage>()(z.object({ id: rowId }).strict()),
};
