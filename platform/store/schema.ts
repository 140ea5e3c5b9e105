/**
 * The platform's tables, as Kysely sees them. Instants are ISO-8601 UTC strings (they
 * sort as text on both stores); flags are 0/1 integers; field values are canonical JSON
 * text. The same types serve SQLite and PostgreSQL.
 */
export type Role = 'admin' | 'lead' | 'staff';

export interface TeamsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  role: Role;
  team_id: string | null;
  /** `scrypt$N$r$p$salt$hash`, or null for users who only ever use enrolled devices. */
  password_hash: string | null;
  disabled: number;
  created_at: string;
}

export interface EnrollmentCodesTable {
  /** SHA-256 of the normalised code; the code itself is shown once and never stored. */
  code_hash: string;
  user_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  name: string;
  /** Ed25519 public key, raw 32 bytes, base64. */
  public_key: string;
  created_at: string;
  revoked_at: string | null;
  /** The last device seq applied; a push at or below it is a duplicate, above it +1 a gap. */
  last_seq: number;
  schema_version: number | null;
  last_seen_at: string | null;
}

export interface TokensTable {
  /** SHA-256 of the bearer token; the token itself is shown once and never stored. */
  token_hash: string;
  kind: 'device' | 'session';
  user_id: string;
  device_id: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/** One row per synced record (any entity): who may see it, and whether it is a tombstone. */
export interface SyncRowsTable {
  entity: string;
  row_id: string;
  /** The team whose members may read and write it; null for reference data (everyone reads). */
  team_id: string | null;
  deleted: number;
  created_at: string;
}

/** The merged current state: one row per field, with the stamp that wrote it. */
export interface SyncFieldsTable {
  entity: string;
  row_id: string;
  field: string;
  value: string;
  hlc: string;
}

/** Every accepted change, in the order pull serves them. */
export interface ChangeLogTable {
  seq: number;
  change_id: string;
  content_hash: string;
  device_id: string | null;
  team_id: string | null;
  entity: string;
  row_id: string;
  hlc: string;
  /** The change as pull serves it (JSON, with serverSeq and deviceId). */
  record: string;
  received_at: string;
}

export interface FieldHistoryTable {
  change_id: string;
  field: string;
  reason: string;
  entity: string;
  row_id: string;
  team_id: string | null;
  value: string;
  hlc: string;
  recorded_at: string;
}

export interface SyncConflictsTable {
  change_id: string;
  field: string;
  kind: string;
  entity: string;
  row_id: string;
  team_id: string | null;
  kept_value: string;
  kept_hlc: string;
  other_value: string;
  other_hlc: string;
  created_at: string;
}

export interface PushBatchesTable {
  device_id: string;
  batch_id: string;
  /** SHA-256 of the canonical request body: the same batch id with other content is refused. */
  body_hash: string;
  /** The import summary exactly as first sent; returned byte for byte on a repeat. */
  summary: string;
  created_at: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface PlatformDb {
  teams: TeamsTable;
  users: UsersTable;
  enrollment_codes: EnrollmentCodesTable;
  devices: DevicesTable;
  tokens: TokensTable;
  sync_rows: SyncRowsTable;
  sync_fields: SyncFieldsTable;
  change_log: ChangeLogTable;
  field_history: FieldHistoryTable;
  sync_conflicts: SyncConflictsTable;
  push_batches: PushBatchesTable;
  counters: CountersTable;
}
