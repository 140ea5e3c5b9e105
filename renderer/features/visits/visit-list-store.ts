import type { VisitRecord, VISIT_SORTS } from '../../../shared/contract';
import type { IntentLevel, VisitKind } from '../../../shared/domain/reference';
import type { SortOrder } from '../../components/InfiniteTable';
import { createPagedList } from '../../lib/paged-list';
import { rpc } from '../../lib/rpc';

export type VisitSort = (typeof VISIT_SORTS)[number];

export interface VisitQuery {
  sort: VisitSort;
  order: SortOrder;
  kind?: VisitKind;
  intent?: IntentLevel;
  dateFrom?: string;
  dateTo?: string;
}

export const DEFAULT_VISIT_QUERY: VisitQuery = { sort: 'visitDate', order: 'desc' };

/** 走访记录: pages of 500 from visits.list, fetched as the user scrolls. */
export const useVisitList = createPagedList<VisitRecord, VisitQuery>(DEFAULT_VISIT_QUERY, (query, offset, limit) =>
  rpc('visits.list', { ...query, offset, limit }),
);
