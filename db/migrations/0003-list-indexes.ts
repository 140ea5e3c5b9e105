import type { Migration } from './types';

/**
 * Indexes for the lists, the follow-up views and soft-delete cascades. Every list pages
 * with `ORDER BY <sort>, <tie-breaker> LIMIT ? OFFSET ?` over live rows, so each sortable
 * column gets a partial index (WHERE deleted = 0) in exactly the order the query asks for:
 * the page is read off the index without sorting, and `count(*)` for a filter counts
 * index entries instead of reading rows. Company indexes follow 0001's
 * `(created_at DESC, id)` so a filtered list and the plain list break ties alike.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'list-indexes',
  sql: `
    CREATE INDEX company_live_by_updated ON company (updated_at, id) WHERE deleted = 0;
    CREATE INDEX company_live_by_industry ON company (industry, created_at DESC, id) WHERE deleted = 0;
    CREATE INDEX company_live_by_district ON company (district, created_at DESC, id) WHERE deleted = 0;
    CREATE INDEX company_live_by_owner ON company (owner_user_id, created_at DESC, id) WHERE deleted = 0;

    CREATE INDEX visit_live_by_date ON visit (visit_date, id) WHERE deleted = 0;
    CREATE INDEX visit_live_by_created ON visit (created_at, id) WHERE deleted = 0;
    CREATE INDEX visit_live_by_kind ON visit (kind, visit_date, id) WHERE deleted = 0;
    CREATE INDEX visit_live_by_intent ON visit (intent, visit_date, id) WHERE deleted = 0;
    CREATE INDEX visit_live_by_owner ON visit (owner_user_id, visit_date, id) WHERE deleted = 0;
    CREATE INDEX visit_live_by_company ON visit (company_id, visit_date, id) WHERE deleted = 0;

    CREATE INDEX project_live_by_updated ON project (updated_at, id) WHERE deleted = 0;
    CREATE INDEX project_live_by_created ON project (created_at, id) WHERE deleted = 0;
    CREATE INDEX project_live_by_name ON project (name, id) WHERE deleted = 0;
    CREATE INDEX project_live_by_investment ON project (investment_yuan, id) WHERE deleted = 0;
    -- Pipeline order, not alphabetical; the list query repeats this exact expression.
    CREATE INDEX project_live_by_stage_order ON project (
      (CASE stage WHEN 'lead' THEN 0 WHEN 'negotiating' THEN 1 WHEN 'signed' THEN 2 WHEN 'started' THEN 3
        WHEN 'producing' THEN 4 WHEN 'on_hold' THEN 5 ELSE 6 END), updated_at, id) WHERE deleted = 0;
    CREATE INDEX project_live_by_stage ON project (stage, updated_at, id) WHERE deleted = 0;
    CREATE INDEX project_live_by_industry ON project (industry, updated_at, id) WHERE deleted = 0;
    CREATE INDEX project_live_by_city ON project (target_city, updated_at, id) WHERE deleted = 0;
    CREATE INDEX project_live_by_owner ON project (owner_user_id, updated_at, id) WHERE deleted = 0;
    CREATE INDEX project_live_by_company ON project (company_id, updated_at, id) WHERE deleted = 0;

    -- A visit's follow-up task, and the tasks a deleted visit or project takes with it.
    CREATE INDEX task_by_visit ON task (visit_id) WHERE visit_id IS NOT NULL;
    CREATE INDEX task_by_project ON task (project_id) WHERE project_id IS NOT NULL;
    CREATE INDEX task_done_by_done_at ON task (done_at, id) WHERE done = 1 AND deleted = 0;
  `,
};
