import type { Migration } from './types';

/**
 * Team leads' week: the member's weekly narrative (a synced entity), the weekly-log
 * files exported and imported, the devices whose files a lead accepts, where imported
 * changes wait when they arrive before the row they belong to, and the lead's company
 * merges (kept so each can be undone).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'team-weeks',
  sql: `
    -- One row per member per ISO week. Its id is derived from (user, week), so a member's
    -- two devices write the same row and the merge joins them field by field.
    CREATE TABLE week_note (
      id TEXT PRIMARY KEY,
      week TEXT NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
      summary TEXT,
      next_plan TEXT,
      issues TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      owner_user_id TEXT,
      team_id TEXT
    ) STRICT;
    CREATE INDEX week_note_by_week ON week_note (week, owner_user_id) WHERE deleted = 0;

    -- Devices whose weekly-log files this lead accepts: approved by the lead after
    -- comparing the key's fingerprint, or (later) from the platform's device registry.
    CREATE TABLE known_device (
      device_id TEXT PRIMARY KEY,
      public_key TEXT NOT NULL,
      label TEXT NOT NULL,
      user_id TEXT,
      user_name TEXT,
      source TEXT NOT NULL CHECK (source IN ('approved', 'platform')),
      approved_at TEXT NOT NULL,
      revoked_at TEXT
    ) STRICT;

    -- This device's own exports; "everything since my last export" starts after the last.
    CREATE TABLE weeklog_export (
      manifest_sha256 TEXT PRIMARY KEY,
      scope TEXT NOT NULL,
      week TEXT NOT NULL,
      seq_from INTEGER,
      seq_to INTEGER,
      change_count INTEGER NOT NULL,
      file_name TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    -- Weekly-log files merged here, known by the hash of their signed manifest (and of
    -- their bytes, so an identical file is skipped before it is even parsed).
    CREATE TABLE weeklog_import (
      manifest_sha256 TEXT PRIMARY KEY,
      file_sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      device_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      user_name TEXT NOT NULL,
      week TEXT NOT NULL,
      scope TEXT NOT NULL,
      seq_from INTEGER,
      seq_to INTEGER,
      change_count INTEGER NOT NULL,
      exported_at TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      summary TEXT NOT NULL
    ) STRICT;
    CREATE INDEX weeklog_import_by_file ON weeklog_import (file_sha256);
    CREATE INDEX weeklog_import_by_device ON weeklog_import (device_id, seq_to);

    -- Every change merged from a file, by id and content hash: the same change met again
    -- (in another file, or the same file re-sent) is a duplicate; other content is an error.
    CREATE TABLE import_change (
      change_id TEXT PRIMARY KEY,
      content_hash TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- Fields of rows that cannot exist yet: an edit that arrived before its row's create,
    -- or a row whose company or project has not arrived. They become a row as soon as
    -- the missing part comes, whatever order the files are imported in.
    CREATE TABLE import_parked_field (
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT NOT NULL,
      hlc TEXT NOT NULL,
      PRIMARY KEY (entity, row_id, field)
    ) STRICT, WITHOUT ROWID;
    -- Rows waiting for a company, project or visit, found when it arrives.
    CREATE INDEX import_parked_by_reference ON import_parked_field (value) WHERE field IN ('company_id', 'project_id', 'visit_id');
    CREATE TABLE import_parked_row (
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      first_at TEXT NOT NULL,
      last_at TEXT NOT NULL,
      PRIMARY KEY (entity, row_id)
    ) STRICT, WITHOUT ROWID;

    -- The lead's merges of duplicate companies, with what is needed to undo each.
    CREATE TABLE company_merge (
      id TEXT PRIMARY KEY,
      survivor_id TEXT NOT NULL,
      merged_ids TEXT NOT NULL,
      survivor_before TEXT NOT NULL,
      survivor_after TEXT NOT NULL,
      repointed TEXT NOT NULL,
      merged_at TEXT NOT NULL,
      undone_at TEXT
    ) STRICT;
    CREATE INDEX company_merge_by_survivor ON company_merge (survivor_id);

    -- Pairs the lead has looked at and judged to be different companies.
    CREATE TABLE duplicate_dismissal (
      pair_key TEXT PRIMARY KEY,
      dismissed_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};
