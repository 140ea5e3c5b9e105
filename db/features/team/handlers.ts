import type { teamContract } from '../../../shared/contract/team';
import type { ContractHandlers } from '../weeklog/contract-handlers';
import { dismissDuplicate, findDuplicateGroups } from './duplicates';
import { listMerges, mergeCompanies, undoMerge } from './merge';

export const teamHandlers: ContractHandlers<typeof teamContract> = {
  'team.duplicates': ({ includeDismissed }, { db }) => findDuplicateGroups(db, { includeDismissed }),
  'team.mergeCompanies': (input, { db, actor, now }) => mergeCompanies(db, actor, input, now()),
  'team.undoMerge': ({ mergeId }, { db, actor, now }) => undoMerge(db, actor, mergeId, now()),
  'team.merges': ({ limit }, { db }) => listMerges(db, limit),
  'team.dismissDuplicate': ({ companyIds }, { db, now }) => ({ dismissed: dismissDuplicate(db, companyIds, now()) }),
};
