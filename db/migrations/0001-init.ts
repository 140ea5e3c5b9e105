import type { Migration } from './types';

/** The first schema: device identity and the company slice of the foundation. */
export const migration0001: Migration = {
  version: 1,
  name: 'init',
  sql: `
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE company (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      owner_user_id TEXT,
      team_id TEXT
    ) STRICT;

    -- The list shows newest first; this index lets it page without sorting the table.
    CREATE INDEX company_live_by_created ON company (created_at DESC, id) WHERE deleted = 0;
  `,
};
