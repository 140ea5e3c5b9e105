import { AppError } from '../../shared/errors';
import type { DatabaseKey } from '../keys/key';
import { MIGRATIONS } from '../migrations';
import { databaseFileFormat, openDatabase, type Db } from '../sql';

export interface CopyExpectations {
  /** The newest schema this app can open; a newer copy is refused. */
  maxSchemaVersion: number;
  /** The app's migration names in order; the copy's applied list must be a prefix. */
  migrationNames: readonly string[];
  /** Must be a 黔招通 database (meta with a device id): yes for a file to restore, no for a copy of our own open database. */
  requireIdentity: boolean;
}

/** What a file must be to be restored into this app. */
export const APP_EXPECTATIONS: CopyExpectations = { maxSchemaVersion: MIGRATIONS.length, migrationNames: MIGRATIONS.map((m) => m.name), requireIdentity: true };

export interface VerifiedCopy {
  format: 'plain' | 'encrypted';
  schemaVersion: number;
  deviceId: string | null;
  /** Rows per table, for comparing a copy with its source. */
  counts: Record<string, number>;
}

function refuse(file: string, code: string, reason: string): AppError {
  return new AppError('E_BACKUP_INVALID', `备份文件无效，已拒绝：${reason}`, [{ path: file, code, message: reason }]);
}

/**
 * Everything a backup or a file about to be restored must pass: it opens (with the key,
 * when encrypted), `quick_check` reads every page clean, it is a 黔招通 database (meta with
 * a device id), its schema is not newer than this app and its migrations are ours. Sync:
 * for start-up and the CLI. The background worker (worker.ts) runs the same checks.
 */
export function verifyDatabaseCopy(file: string, key: DatabaseKey | null, expect: CopyExpectations = APP_EXPECTATIONS): VerifiedCopy {
  const format = databaseFileFormat(file);
  if (format === 'absent') throw refuse(file, 'E_BACKUP_MISSING', '文件不存在');
  if (format === 'empty') throw refuse(file, 'E_BACKUP_EMPTY', '文件是空的');
  if (format === 'encrypted' && key === null) throw refuse(file, 'E_BACKUP_KEY', '文件已加密，但没有可用的密钥');
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true, key: format === 'encrypted' ? key : null });
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'E_DB_OPEN';
    throw refuse(file, String(code), code === 'E_DB_KEY' ? '无法用本机的密钥解密（可能来自另一台电脑、另一个用户，或文件已损坏）' : '无法作为数据库打开，文件可能已损坏');
  }
  try {
    let check: unknown[];
    try {
      check = db.pragma('quick_check') as unknown[];
    } catch {
      check = [];
    }
    if (check.length !== 1 || (check[0] as { quick_check?: string }).quick_check !== 'ok') throw refuse(file, 'E_BACKUP_CORRUPT', '完整性检查（quick_check）未通过，文件已损坏');
    return { format, ...inspectSchema(db, file, expect) };
  } finally {
    db.close();
  }
}

/** The cheap part of verification, on an open connection: version, identity, migrations, row counts. */
export function inspectSchema(db: Db, file: string, expect: CopyExpectations): Omit<VerifiedCopy, 'format'> {
  const schemaVersion = Number(db.pragma('user_version', { simple: true }));
  if (schemaVersion > expect.maxSchemaVersion) throw refuse(file, 'E_BACKUP_TOO_NEW', `来自更新版本的黔招通（数据版本 ${schemaVersion}，本程序支持到 ${expect.maxSchemaVersion}）`);
  const hasTable = (name: string): boolean => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
  const deviceId = hasTable('meta') ? ((db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string | undefined) ?? null) : null;
  if (!deviceId && expect.requireIdentity) throw refuse(file, 'E_BACKUP_FOREIGN', '不是黔招通的数据文件');
  if (schemaVersion > 0) {
    const applied = hasTable('schema_migrations') ? (db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all() as string[]) : [];
    const matches = applied.length === schemaVersion && applied.every((name, index) => name === expect.migrationNames[index]);
    if (!matches) throw refuse(file, 'E_BACKUP_MIGRATIONS', '升级记录与本程序不一致');
  }
  return { schemaVersion, deviceId, counts: tableCounts(db) };
}

export function tableCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number(db.prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`).pluck().get());
  return counts;
}

export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
