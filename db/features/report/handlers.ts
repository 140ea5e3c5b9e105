import type { reportContract } from '../../../shared/contract/report';
import type { ContractHandlers } from '../weeklog/contract-handlers';
import { weeklyReport } from './data';

export const reportHandlers: ContractHandlers<typeof reportContract> = {
  'report.weekly': ({ week }, { db, now }) => weeklyReport(db, week, now()),
};
