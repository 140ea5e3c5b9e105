import { z } from 'zod';
import { method } from './define';
import { rowId } from './fields';

/** Why companies are shown together: same credit code, names that normalise alike, a shared contact mobile. */
export type DuplicateReason = 'creditCode' | 'name' | 'mobile';

/** Company fields the lead picks a surviving value for. */
export const MERGE_FIELDS = [
  'name', 'credit_code', 'aliases', 'industry', 'district', 'address', 'scale', 'is_fortune500', 'is_listed', 'lead_source', 'tags', 'notes', 'owner_user_id',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export interface DuplicateCompany {
  id: string;
  name: string;
  creditCode: string | null;
  ownerUserId: string | null;
  ownerName: string;
  teamId: string | null;
  /** Logged under another team (known from the platform's pull): another county courts it too. */
  otherTeam: boolean;
  createdAt: string;
  counts: { contacts: number; visits: number; projects: number; tasks: number };
  /** The values the lead can pick from, by stored field name. */
  values: Record<MergeField, unknown>;
}

export interface DuplicateGroup {
  /** Stable for the same set of companies. */
  key: string;
  reasons: DuplicateReason[];
  companies: DuplicateCompany[];
  /** Logged by more than one member. */
  crossMember: boolean;
  /** At least one of them belongs to another team (flag, not merged by this lead). */
  otherTeamCourting: boolean;
}

export interface CompanyMergeEntry {
  id: string;
  survivorId: string;
  survivorName: string;
  mergedIds: string[];
  mergedNames: string[];
  repointed: { contacts: number; visits: number; projects: number; tasks: number };
  mergedAt: string;
  undoneAt: string | null;
}

export interface UndoMergeResult {
  merge: CompanyMergeEntry;
  /** Survivor fields edited again after the merge: left as they are now (the edit wins). */
  keptFields: string[];
  /** Records re-pointed by the merge and moved again since: left where they are. */
  keptRecords: number;
}

export const teamContract = {
  /** Groups of live companies that look like one, for the lead to merge or dismiss. */
  'team.duplicates': method<DuplicateGroup[]>()(z.object({ includeDismissed: z.boolean().default(false) }).strict()),
  /**
   * Merges `mergedIds` into `survivorId`: each field takes the value of the company named
   * in `choices` (default: the survivor's); contacts, visits, projects and tasks move to
   * the survivor; the others are deleted (softly). Everything goes through the writer,
   * so history keeps every step and the merge can be undone.
   */
  'team.mergeCompanies': method<CompanyMergeEntry>()(
    z
      .object({
        survivorId: rowId,
        mergedIds: z.array(rowId).min(1, '请至少选择一家要并入的企业').max(20),
        choices: z.partialRecord(z.enum(MERGE_FIELDS), rowId).default({}),
      })
      .strict(),
  ),
  'team.undoMerge': method<UndoMergeResult>()(z.object({ mergeId: rowId }).strict()),
  'team.merges': method<CompanyMergeEntry[]>()(z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict()),
  /** "These are different companies": the group is no longer shown. */
  'team.dismissDuplicate': method<{ dismissed: number }>()(z.object({ companyIds: z.array(rowId).min(2).max(20) }).strict()),
};
