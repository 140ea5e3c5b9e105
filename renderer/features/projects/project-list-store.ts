import type { ProjectRecord, PROJECT_SORTS } from '../../../shared/contract';
import type { Stage } from '../../../shared/domain/stages';
import type { SortOrder } from '../../components/InfiniteTable';
import { createPagedList } from '../../lib/paged-list';
import { rpc } from '../../lib/rpc';

export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface ProjectQuery {
  sort: ProjectSort;
  order: SortOrder;
  stage?: Stage;
  industry?: string;
  targetCity?: string;
}

export const DEFAULT_PROJECT_QUERY: ProjectQuery = { sort: 'updatedAt', order: 'desc' };

/** 项目: pages of 500 from projects.list, fetched as the user scrolls. */
export const useProjectList = createPagedList<ProjectRecord, ProjectQuery>(DEFAULT_PROJECT_QUERY, (query, offset, limit) =>
  rpc('projects.list', { ...query, offset, limit }),
);
