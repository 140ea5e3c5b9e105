import type { FeatureHandlers } from '../../rpc/types';
import { createRow, updateRow } from '../../store/writer';
import { localIsoDate } from '../common/dates';
import { requireLive, requireLiveCompany } from '../common/records';
import { readProject, readProjectDetail } from './detail';
import { listProjects } from './list';
import { projectColumns } from './mapping';
import { moveStage } from './stage';

const MISSING_PROJECT = '项目不存在或已删除';

export const projectHandlers: FeatureHandlers<'projects.create' | 'projects.update' | 'projects.moveStage' | 'projects.addFunds' | 'projects.get' | 'projects.list'> = {
  /** A new project starts as 线索, with that first step in its stage history. */
  'projects.create': (input, { db, actor, now }) => {
    const id = db.transaction(() => {
      requireLiveCompany(db, input.companyId);
      const projectId = createRow(db, actor, 'project', { ...projectColumns(input), stage: 'lead' });
      createRow(db, actor, 'project_stage_event', { project_id: projectId, from_stage: null, to_stage: 'lead', moved_on: localIsoDate(now()) });
      return projectId;
    })();
    return readProject(db, id);
  },

  'projects.update': ({ id, patch }, { db, actor }) => {
    db.transaction(() => {
      requireLive(db, 'project', id, MISSING_PROJECT);
      updateRow(db, actor, 'project', id, projectColumns(patch));
    })();
    return readProject(db, id);
  },

  'projects.moveStage': (input, { db, actor, now }) => {
    db.transaction(() => moveStage(db, actor, input, now()))();
    return readProjectDetail(db, input.id);
  },

  'projects.addFunds': ({ projectId, entryDate, amount, note }, { db, actor }) => {
    db.transaction(() => {
      requireLive(db, 'project', projectId, MISSING_PROJECT, 'projectId');
      createRow(db, actor, 'funds_entry', { project_id: projectId, entry_date: entryDate, amount_yuan: amount, note });
    })();
    return readProjectDetail(db, projectId);
  },

  'projects.get': ({ id }, { db }) => readProjectDetail(db, id, { liveOnly: true }),

  'projects.list': (input, { db }) => listProjects(db, input),
};
