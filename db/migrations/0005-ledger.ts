import type { Migration } from './types';

/**
 * Ledger (台账) imports and the cockpit. Each import keeps what it needs to be undone:
 * the rows it created, the before-image of every row it changed (with that row's field
 * clocks and search document), and the database's state just before and after it
 * (db/features/ledger/journal.ts). A reverted import is removed entirely, so an import
 * undone before anything else was written leaves the database exactly as it was.
 *
 * The cockpit reads covering indexes only: visits counted per kind and week (ranges of
 * one index, per member or team when filtered), the period's signings by date with every
 * column their figures need, 到位资金 by date and by project.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'ledger',
  sql: `
    CREATE TABLE ledger_import (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      sheet TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      user_id TEXT,
      counts TEXT NOT NULL,
      -- The preview's row outcomes as they were applied (JSON), for the import log.
      report TEXT NOT NULL,
      -- Before/after state for an exact revert (JSON, see journal.ts).
      journal TEXT NOT NULL,
      hlc_from TEXT,
      hlc_to TEXT,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'reverted')),
      reverted_at TEXT,
      revert_summary TEXT
    ) STRICT;
    CREATE INDEX ledger_import_by_time ON ledger_import (imported_at DESC);

    -- One row per record an import created or changed, in the order it did so.
    CREATE TABLE ledger_import_change (
      import_id TEXT NOT NULL REFERENCES ledger_import (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('created', 'updated')),
      -- For 'updated': the row, its field clocks and its search document before the import (JSON).
      before TEXT,
      PRIMARY KEY (import_id, seq)
    ) STRICT;
    CREATE INDEX ledger_import_change_by_row ON ledger_import_change (row_id);

    -- Visits are counted per (kind, week): every entry of a range is stepped over, so these
    -- carry nothing else (half the pages of 0003's visit_live_by_kind, which ends in the id).
    CREATE INDEX visit_live_by_kind_day ON visit (kind, visit_date) WHERE deleted = 0;
    CREATE INDEX visit_live_by_owner_kind ON visit (owner_user_id, kind, visit_date) WHERE deleted = 0;
    CREATE INDEX visit_live_by_team_kind ON visit (team_id, kind, visit_date) WHERE deleted = 0;
    -- The period's cohort ("signed in the period") with everything its figures need, so the
    -- cohort is a range of one index and never reads the (wide) project rows.
    CREATE INDEX project_live_signed ON project (signed_date, industry, target_city, target_county, owner_user_id, team_id,
      signed_amount_yuan, start_date, production_date, target_park, id) WHERE deleted = 0 AND signed_date IS NOT NULL;
    -- A team's funnel and pipeline by every dimension (0003 indexes industry, city and owner, not team).
    CREATE INDEX project_live_by_team ON project (team_id, stage, industry, target_city, target_county, owner_user_id, id) WHERE deleted = 0;
    -- The few deleted projects, to leave their 到位资金 out without a lookup per entry.
    CREATE INDEX project_deleted ON project (id) WHERE deleted = 1;
    CREATE INDEX funds_live_by_date ON funds_entry (entry_date, project_id, amount_yuan) WHERE deleted = 0;
    CREATE INDEX funds_live_by_project ON funds_entry (project_id, entry_date, amount_yuan) WHERE deleted = 0;
  `,
};
