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
    const deviceId = ensureDeviceId(db);
    const integrity = existed ? quickCheckInBackground(file) : Promise.resolve<IntegrityResult>('ok');
    return { db, file, deviceId, migration, integrity, close: () => closeDatabase(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}

function ensureDeviceId(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const deviceId = uuidv7();
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(deviceId);
  return deviceId;
}
