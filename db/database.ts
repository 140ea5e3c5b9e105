import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../shared/errors';
import { BACKUP_DIR } from './backup/names';
import { applyPendingRestore, type RestoreResult } from './backup/restore';
import { acquireInstanceLock, type InstanceLock } from './instance-lock';
import { quickCheckInBackground, type IntegrityResult } from './integrity';
import { encryptExistingDatabase, encryptPlainBackups } from './keys/encrypt-existing';
import { dataFolderKeyStore } from './keys/file-key-store';
import { obtainKey, type DatabaseKey, type KeyStore } from './keys/key';
import { migrate, type MigrateResult } from './migrate';
import { closeDatabase, databaseFileFormat, openDatabase, type Db } from './sql';

export const DATABASE_FILE = 'qianzhao.sqlite3';

export interface AppDatabase {
  db: Db;
  file: string;
  dataDir: string;
  deviceId: string;
  userId: string;
  migration: MigrateResult;
  /** How this open found the file: `created` new, `encrypted` from a plain file, or `opened` as it was. */
  encryption: 'created' | 'encrypted' | 'opened';
  /** A restore staged before this start, applied (or refused) before the database was opened. */
  restore: RestoreResult | null;
  /** Settles when the background quick_check finishes. */
  integrity: Promise<IntegrityResult>;
  /** Closes the database and releases the data folder's instance lock. Safe to call twice. */
  close(): void;
}

export interface OpenAppDatabaseOptions {
  /**
   * Where the database key lives. Default: the key file in the data folder (web mode, CLI,
   * tests, benches: the real encrypted path). The desktop app passes its safeStorage store.
   */
  keyStore?: KeyStore;
  /** Take the data folder's instance lock (default true). */
  lock?: boolean;
}

/**
 * Opens (creating if needed) the app's database in `dataDir`: takes the folder's instance
 * lock, obtains the key, applies a staged restore, encrypts a plain file from an older
 * version, opens with the key, migrates, and ensures a device id.
 */
export function openAppDatabase(dataDir: string, options: OpenAppDatabaseOptions = {}): AppDatabase {
  if (!fs.existsSync(dataDir)) fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DATABASE_FILE);
  const lock: InstanceLock | null = options.lock === false ? null : acquireInstanceLock(dataDir);
  let db: Db | null = null;
  try {
    const keyStore = options.keyStore ?? dataFolderKeyStore(dataDir);
    const { key } = obtainKey(keyStore, databaseFileFormat(file) === 'encrypted');
    const restore = applyPendingRestore(dataDir, file, key);
    const format = databaseFileFormat(file);
    if (format === 'plain') encryptExistingDatabase(file, key);
    encryptPlainBackups(path.join(dataDir, BACKUP_DIR), key);

    db = openDatabase(file, { key });
    const migration = migrate(db, { backupDir: path.join(dataDir, BACKUP_DIR) });
    const deviceId = ensureMeta(db, 'device_id', uuidv7);
    // Until the device enrolls with the platform, its user is a local one of its own.
    const userId = ensureMeta(db, 'user_id', uuidv7);
    assertEncryptedOnDisk(file);
    const existed = format !== 'absent' && format !== 'empty';
    const integrity = existed ? quickCheckInBackground(file, key) : Promise.resolve<IntegrityResult>('ok');
    const opened = db;
    return {
      db: opened,
      file,
      dataDir,
      deviceId,
      userId,
      migration,
      encryption: existed ? (format === 'plain' ? 'encrypted' : 'opened') : 'created',
      restore,
      integrity,
      close: () => {
        try {
          closeDatabase(opened);
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    db?.close();
    lock?.release();
    throw error;
  }
}

/**
 * The driver silently ignores `PRAGMA key` if a build without the cipher were ever loaded;
 * the file itself is the proof. Written to by now (migrations, meta), it must not start
 * with the plain SQLite header.
 */
function assertEncryptedOnDisk(file: string): void {
  if (databaseFileFormat(file) === 'plain') {
    throw new AppError('E_DB_KEY_UNAVAILABLE', '数据库未能加密（加载的 SQLite 驱动不支持加密），为保护数据已停止。请重新安装黔招通', [{ path: file, code: 'E_DB_NOT_ENCRYPTED', message: 'plain SQLite header after keyed open' }]);
  }
}

/**
 * The app's database file in `dataDir`, opened with the data folder's key as it is: no
 * lock, no migration, no restore. For tools, tests and benches that read a data folder
 * (read-only by default) while no app runs on it.
 */
export function openAppDatabaseFile(dataDir: string, options: { readonly?: boolean; keyStore?: KeyStore } = {}): Db {
  const file = path.join(dataDir, DATABASE_FILE);
  const format = databaseFileFormat(file);
  const key: DatabaseKey | null = format === 'plain' ? null : (options.keyStore ?? dataFolderKeyStore(dataDir)).load();
  if (format !== 'plain' && key === null) throw new AppError('E_DB_KEY_MISSING', undefined, [{ path: file, code: 'E_DB_KEY_MISSING', message: 'no key for this data folder' }]);
  return openDatabase(file, { readonly: options.readonly ?? true, key });
}

/** Reads a meta value, creating it on first use. */
export function ensureMeta(db: Db, key: string, make: () => string): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = make();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return value;
}

export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}
