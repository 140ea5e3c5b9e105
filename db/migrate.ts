import { AppError, messageFor } from '../shared/errors';
import { backupNow } from './backup/backup';
import { MIGRATIONS, type Migration } from './migrations';
import type { Db } from './sql';

export interface MigrateOptions {
  migrations?: readonly Migration[];
  /** Where the pre-migration copy goes. */
  backupDir: string;
  now?: () => Date;
}

export interface MigrateResult {
  from: number;
  to: number;
  /** The copy made before migrating an existing database; null for a new one or when nothing was pending. */
  backupFile: string | null;
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the database to the newest schema in one transaction: all pending migrations
 * apply, or none do. An existing database is copied aside first. A database newer than
 * this app, or one whose applied migrations are not a prefix of ours, is refused.
 */
export function migrate(db: Db, options: MigrateOptions): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  assertContiguous(migrations);
  const latest = migrations.length;
  const from = schemaVersion(db);

  if (from > latest) {
    throw new AppError('E_DB_TOO_NEW', `${messageFor('E_DB_TOO_NEW')}（数据版本 ${from}，本程序支持到 ${latest}）`);
  }
  assertAppliedArePrefix(db, migrations, from);
  if (from === latest) return { from, to: from, backupFile: null };

  const backupFile = from > 0 ? backupBeforeMigration(db, options.backupDir, from, (options.now ?? (() => new Date()))(), migrations) : null;
  const pending = migrations.slice(from);
  const apply = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of pending) {
      try {
        db.exec(migration.sql);
        migration.after?.(db);
      } catch (error) {
        throw new AppError('E_DB_MIGRATION_FAILED', `${messageFor('E_DB_MIGRATION_FAILED')}（第 ${migration.version} 步 ${migration.name}：${String(error)}）`);
      }
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${latest}`);
  });
  apply.immediate();
  return { from, to: latest, backupFile };
}

function assertContiguous(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration list has a gap or is out of order at ${migration.name}`);
  });
}

function assertAppliedArePrefix(db: Db, migrations: readonly Migration[], from: number): void {
  if (from === 0) return;
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) throw new AppError('E_DB_MIGRATION_MISMATCH');
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
  const matches = applied.length === from && applied.every((row, index) => row.version === index + 1 && row.name === migrations[index]?.name);
  if (!matches) throw new AppError('E_DB_MIGRATION_MISMATCH');
}

/**
 * VACUUM INTO writes a consistent, compact copy even while the WAL holds recent writes, encrypted
 * with the database's own key; it is verified (opens with the key, quick_check, same row counts)
 * under a temp name and only then renamed to `pre-migration-v<from>-<time>.sqlite3`.
 */
function backupBeforeMigration(db: Db, backupDir: string, from: number, now: Date, migrations: readonly Migration[]): string {
  const expect = { maxSchemaVersion: from, migrationNames: migrations.map((m) => m.name), requireIdentity: false };
  return backupNow(db, { kind: 'risk', reason: `migration-v${from}`, now, backupDir, expect }).file;
}
