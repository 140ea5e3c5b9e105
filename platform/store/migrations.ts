import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * Numbered, append-only migrations, written once with Kysely's schema builder so the same
 * definitions create the same tables on SQLite and PostgreSQL. Run at start; Kysely's
 * migrator takes a lock, so two instances starting together migrate once.
 * No auto-increment columns: the change log's sequence comes from `counters`, assigned at
 * the end of each transaction (see features/sync/flush.ts), which keeps it gap-free in
 * commit order on both stores.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-accounts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'lead', 'staff')`))
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('password_hash', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_by_team').on('users').column('team_id').execute();
      await db.schema
        .createTable('enrollment_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('device_id', 'text')
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('schema_version', 'integer')
        .addColumn('last_seen_at', 'text')
        .execute();
      await db.schema.createIndex('devices_by_user').on('devices').column('user_id').execute();
      await db.schema
        .createTable('tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('device', 'session')`))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('device_id', 'text', (c) => c.references('devices.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('tokens_by_device').on('tokens').column('device_id').execute();
      await db.schema.createIndex('tokens_by_user').on('tokens').column('user_id').execute();
    },
  },
  '0002-sync': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sync_rows')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('row_id', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text')
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_rows_pk', ['entity', 'row_id'])
        .execute();
      await db.schema.createIndex('sync_rows_by_team').on('sync_rows').columns(['team_id', 'entity']).execute();
      await db.schema
        .createTable('sync_fields')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('row_id', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('hlc', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_fields_pk', ['entity', 'row_id', 'field'])
        .execute();
      await db.schema
        .createTable('change_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('change_id', 'text', (c) => c.notNull().unique())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('row_id', 'text', (c) => c.notNull())
        .addColumn('hlc', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      // Pull reads one team's changes (and the team-less reference data) in seq order.
      await db.schema.createIndex('change_log_by_team').on('change_log').columns(['team_id', 'seq']).execute();
      await db.schema.createIndex('change_log_by_row').on('change_log').columns(['entity', 'row_id']).execute();
      await db.schema
        .createTable('field_history')
        .addColumn('change_id', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('row_id', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text')
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('hlc', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('field_history_pk', ['change_id', 'field', 'reason'])
        .execute();
      await db.schema.createIndex('field_history_by_row').on('field_history').columns(['entity', 'row_id']).execute();
      await db.schema
        .createTable('sync_conflicts')
        .addColumn('change_id', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('row_id', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text')
        .addColumn('kept_value', 'text', (c) => c.notNull())
        .addColumn('kept_hlc', 'text', (c) => c.notNull())
        .addColumn('other_value', 'text', (c) => c.notNull())
        .addColumn('other_hlc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_conflicts_pk', ['change_id', 'field', 'kind'])
        .execute();
      await db.schema.createIndex('sync_conflicts_by_team').on('sync_conflicts').columns(['team_id', 'created_at']).execute();
      await db.schema
        .createTable('push_batches')
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
        .addColumn('batch_id', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('push_batches_pk', ['device_id', 'batch_id'])
        .execute();
      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await db
        .insertInto('counters' as never)
        .values({ name: 'change_log', value: 0 } as never)
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
