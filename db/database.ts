import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { quickCheckInBackground, type IntegrityResult } from './integrity';
import { migrate, type MigrateResult } from './migrate';
import { closeDatabase, openDatabase, type Db } from './sql';

export const DATABASE_FILE = 'qianzhao.sqlite3';

export interface AppDatabase {
  db: Db;
  file: string;
  deviceId: string;
  userId: string;
  migration: MigrateResult;
  /** Settles when the background quick_check finishes. */
  integrity: Promise<IntegrityResult>;
  close(): void;
}

/** Opens (creating if needed) the app's database in `dataDir`, migrated and with a device id. */
export function openAppDatabase(dataDir: string): AppDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const existed = fs.existsSync(file);
  const db = openDatabase(file);
  try {
    const migration = migrate(db, { backupDir: path.join(dataDir, 'backups') });
    const deviceId = ensureMeta(db, 'device_id', uuidv7);
    // Until the device enrolls with the platform, its user is a local one of its own.
    const userId = ensureMeta(db, 'user_id', uuidv7);
    const integrity = existed ? quickCheckInBackground(file) : Promise.resolve<IntegrityResult>('ok');
    return { db, file, deviceId, userId, migration, integrity, close: () => closeDatabase(db) };
  } catch (error) {
    db.close();
    throw error;
  }
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
