import type { CompanySummary, COMPANY_SORTS } from '../../../shared/contract';
import type { SortOrder } from '../../components/InfiniteTable';
import { createPagedList } from '../../lib/paged-list';
import { rpc } from '../../lib/rpc';

export type CompanySort = (typeof COMPANY_SORTS)[number];

export interface CompanyQuery {
  sort: CompanySort;
  order: SortOrder;
  industry?: string;
  district?: string;
}

export const DEFAULT_COMPANY_QUERY: CompanyQuery = { sort: 'createdAt', order: 'desc' };

/** 企业名录: pages of 500 from companies.list, fetched as the user scrolls. */
export const useCompanyList = createPagedList<CompanySummary, CompanyQuery>(DEFAULT_COMPANY_QUERY, (query, offset, limit) =>
  rpc('companies.list', { ...query, offset, limit }),
);
