import { normalizeCompanyName } from '../../shared/domain/names';
import { reindexRow } from '../store/search-index';
import type { Migration } from './types';

/**
 * Field work: the full company record, contacts, visits, projects with their stage
 * history and funds in place, follow-ups; and, for every write, field history, per-field
 * clocks and the outbox that sync pushes. JSON columns hold short lists (aliases, tags,
 * participants). Money is integer 元. Dates are `YYYY-MM-DD`, instants ISO-8601 UTC.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'field-work',
  sql: `
    ALTER TABLE company ADD COLUMN name_norm TEXT NOT NULL DEFAULT '';
    ALTER TABLE company ADD COLUMN credit_code TEXT;
    ALTER TABLE company ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE company ADD COLUMN industry TEXT;
    ALTER TABLE company ADD COLUMN district TEXT;
    ALTER TABLE company ADD COLUMN address TEXT;
    ALTER TABLE company ADD COLUMN scale TEXT;
    ALTER TABLE company ADD COLUMN is_fortune500 INTEGER NOT NULL DEFAULT 0 CHECK (is_fortune500 IN (0, 1));
    ALTER TABLE company ADD COLUMN is_listed INTEGER NOT NULL DEFAULT 0 CHECK (is_listed IN (0, 1));
    ALTER TABLE company ADD COLUMN lead_source TEXT;
    ALTER TABLE company ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE company ADD COLUMN notes TEXT;
    -- Not UNIQUE: two devices may log one company before a lead merges them; the app refuses duplicates at entry.
    CREATE INDEX company_credit_code ON company (credit_code) WHERE credit_code IS NOT NULL;
    CREATE INDEX company_name_norm ON company (name_norm);
    CREATE INDEX company_live_by_name ON company (name) WHERE deleted = 0;

    CREATE TABLE contact (
      id TEXT PRIMARY KEY,
      company_id TEXT NOT NULL REFERENCES company (id) DEFERRABLE INITIALLY DEFERRED,
      name TEXT NOT NULL,
      title TEXT,
      mobile TEXT,
      phone TEXT,
      email TEXT,
      wechat TEXT,
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      owner_user_id TEXT,
      team_id TEXT
    ) STRICT;
    CREATE INDEX contact_by_company ON contact (company_id);
    CREATE INDEX contact_by_mobile ON contact (mobile) WHERE mobile IS NOT NULL;

    CREATE TABLE visit (
      id TEXT PRIMARY KEY,
      company_id TEXT NOT NULL REFERENCES company (id) DEFERRABLE INITIALLY DEFERRED,
      visit_date TEXT NOT NULL,
      kind TEXT NOT NULL,
      participants TEXT NOT NULL DEFAULT '[]',
      contact_ids TEXT NOT NULL DEFAULT '[]',
      summary TEXT,
      outcome TEXT,
      intent TEXT,
      next_step TEXT,
      follow_up_date TEXT,
      trip TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      owner_user_id TEXT,
      team_id TEXT
    ) STRICT;
    CREATE INDEX visit_by_company ON visit (company_id, visit_date DESC);
    CREATE INDEX visit_by_date ON visit (visit_date DESC, id);
    CREATE INDEX visit_by_kind ON visit (kind, visit_date DESC);

    CREATE TABLE project (
      id TEXT PRIMARY KEY,
      company_id TEXT NOT NULL REFERENCES company (id) DEFERRABLE INITIALLY DEFERRED,
      name TEXT NOT NULL,
      industry TEXT,
      investment_yuan INTEGER CHECK (investment_yuan >= 0),
      target_city TEXT,
      target_county TEXT,
      target_park TEXT,
      stage TEXT NOT NULL DEFAULT 'lead',
      signed_date TEXT,
      signed_amount_yuan INTEGER CHECK (signed_amount_yuan >= 0),
      start_planned_date TEXT,
      start_date TEXT,
      production_planned_date TEXT,
      production_date TEXT,
      agreement_no TEXT,
      expected_jobs INTEGER CHECK (expected_jobs >= 0),
      expected_output_yuan INTEGER CHECK (expected_output_yuan >= 0),
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      owner_user_id TEXT,
      team_id TEXT
    ) STRICT;
    CREATE INDEX project_by_company ON project (company_id);
    CREATE INDEX project_by_stage ON project (stage, updated_at DESC);

    -- The dated stage history: one row per move, never edited.
    CREATE TABLE project_stage_event (
      id TEXT PRIMARY KEY,
      project_id TEXT NOT NULL REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED,
      from_stage TEXT,
      to_stage TEXT NOT NULL,
      moved_on TEXT NOT NULL,
      reason TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      owner_user_id TEXT,
      team_id TEXT
    ) STRICT;
    CREATE INDEX stage_event_by_project ON project_stage_event (project_id, moved_on);

    CREATE TABLE funds_entry (
      id TEXT PRIMARY KEY,
      project_id TEXT NOT NULL REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED,
      entry_date TEXT NOT NULL,
      amount_yuan INTEGER NOT NULL CHECK (amount_yuan > 0),
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      owner_user_id TEXT,
      team_id TEXT
    ) STRICT;
    CREATE INDEX funds_by_project ON funds_entry (project_id, entry_date);

    CREATE TABLE task (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      due_date TEXT NOT NULL,
      company_id TEXT REFERENCES company (id) DEFERRABLE INITIALLY DEFERRED,
      project_id TEXT REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED,
      visit_id TEXT REFERENCES visit (id) DEFERRABLE INITIALLY DEFERRED,
      done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
      done_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      owner_user_id TEXT,
      team_id TEXT
    ) STRICT;
    CREATE INDEX task_open_by_due ON task (due_date) WHERE done = 0 AND deleted = 0;
    CREATE INDEX task_by_company ON task (company_id);

    -- Who changed what, when, on which device: every write, local or merged.
    CREATE TABLE field_history (
      id INTEGER PRIMARY KEY,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      hlc TEXT NOT NULL,
      device_id TEXT NOT NULL,
      user_id TEXT,
      changed_at TEXT NOT NULL,
      source TEXT NOT NULL DEFAULT 'local'
    ) STRICT;
    CREATE INDEX field_history_by_row ON field_history (row_id, id);

    -- The winning clock of each synced field (per-field last-writer-wins).
    CREATE TABLE field_clock (
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      hlc TEXT NOT NULL,
      PRIMARY KEY (row_id, field, entity)
    ) STRICT, WITHOUT ROWID;

    -- Local changes waiting to be pushed, in the order they were made.
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      change_id TEXT NOT NULL UNIQUE,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
      fields TEXT NOT NULL,
      base TEXT NOT NULL,
      hlc TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    -- One search document per company, contact and project. Chinese text is stored one
    -- character per token, so a phrase query is a substring match of any length.
    CREATE VIRTUAL TABLE search_fts USING fts5 (
      kind UNINDEXED,
      row_id UNINDEXED,
      company_id UNINDEXED,
      terms,
      tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TABLE search_doc (
      row_id TEXT PRIMARY KEY,
      fts_rowid INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
  after: (db) => {
    // Companies from schema 1 get their matching key and a search document.
    const rows = db.prepare('SELECT id, name FROM company').all() as { id: string; name: string }[];
    const setNorm = db.prepare('UPDATE company SET name_norm = ? WHERE id = ?');
    for (const row of rows) {
      setNorm.run(normalizeCompanyName(row.name), row.id);
      reindexRow(db, 'company', row.id);
    }
  },
};
