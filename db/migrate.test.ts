import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';
import { openAppDatabase } from './database';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { closeDatabase, openDatabase } from './sql';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const backupDir = () => path.join(dir, 'backups');
const twoSteps: Migration[] = [
  { version: 1, name: 'one', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT NOT NULL);' },
  { version: 2, name: 'two', sql: "ALTER TABLE a ADD COLUMN w TEXT NOT NULL DEFAULT 'x'; CREATE TABLE b (id INTEGER PRIMARY KEY);" },
];

describe('migrate', () => {
  it('builds a fresh database to the newest schema with no backup', () => {
    const db = openDatabase(path.join(dir, 'fresh.sqlite3'));
    const result = migrate(db, { backupDir: backupDir() });
    expect(result).toEqual({ from: 0, to: MIGRATIONS.length, backupFile: null });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(fs.existsSync(backupDir())).toBe(false);
    closeDatabase(db);
  });

  it('upgrades the committed v1 fixture to the newest schema, keeping every row', () => {
    const file = path.join(dir, 'qianzhao.sqlite3');
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'schema-v1.sqlite3'), file);
    const app = openAppDatabase(dir);
    expect(app.migration.to).toBe(MIGRATIONS.length);
    expect(app.deviceId).toBe('01930000-0000-7000-8000-000000000001');
    const names = app.db.prepare('SELECT name FROM company ORDER BY created_at').pluck().all();
    expect(names).toEqual(['深圳市腾讯计算机系统有限公司', '比亚迪股份有限公司']);
    app.close();
  });

  it('copies an existing database aside before migrating it, and the copy is the old schema', () => {
    const db = openDatabase(path.join(dir, 'old.sqlite3'));
    migrate(db, { migrations: twoSteps.slice(0, 1), backupDir: backupDir() });
    db.prepare("INSERT INTO a (v) VALUES ('kept')").run();
    const result = migrate(db, { migrations: twoSteps, backupDir: backupDir(), now: () => new Date('2026-11-27T08:00:00Z') });
    expect(result.from).toBe(1);
    expect(result.to).toBe(2);
    expect(result.backupFile).toMatch(/pre-migration-v1-2026-11-27T08-00-00-000Z\.sqlite3$/);
    expect(db.prepare('SELECT v, w FROM a').all()).toEqual([{ v: 'kept', w: 'x' }]);
    const copy = openDatabase(result.backupFile!, { readonly: true });
    expect(schemaVersion(copy)).toBe(1);
    expect(copy.prepare('SELECT v FROM a').pluck().all()).toEqual(['kept']);
    copy.close();
    closeDatabase(db);
  });

  it('leaves the database exactly as it was when a migration fails', () => {
    const db = openDatabase(path.join(dir, 'fail.sqlite3'));
    migrate(db, { migrations: twoSteps.slice(0, 1), backupDir: backupDir() });
    db.prepare("INSERT INTO a (v) VALUES ('before')").run();
    const before = contentHash(db);
    const broken: Migration[] = [
      ...twoSteps,
      { version: 3, name: 'broken', sql: 'CREATE TABLE c (id INTEGER); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, { migrations: broken, backupDir: backupDir() })).toThrow(expect.objectContaining({ code: 'E_DB_MIGRATION_FAILED' }));
    expect(contentHash(db)).toBe(before);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('b', 'c')").all()).toEqual([]);
    closeDatabase(db);
  });

  it('refuses a database newer than the app and changes nothing', () => {
    const db = openDatabase(path.join(dir, 'newer.sqlite3'));
    migrate(db, { migrations: twoSteps, backupDir: backupDir() });
    const before = contentHash(db);
    expect(() => migrate(db, { migrations: twoSteps.slice(0, 1), backupDir: backupDir() })).toThrow(
      expect.objectContaining({ code: 'E_DB_TOO_NEW', message: expect.stringContaining('数据版本 2') }),
    );
    expect(contentHash(db)).toBe(before);
    closeDatabase(db);
  });

  it('refuses when the applied migrations are not a prefix of the app’s list', () => {
    const db = openDatabase(path.join(dir, 'renamed.sqlite3'));
    migrate(db, { migrations: twoSteps.slice(0, 1), backupDir: backupDir() });
    const renamed: Migration[] = [{ ...twoSteps[0]!, name: 'renamed' }, twoSteps[1]!];
    expect(() => migrate(db, { migrations: renamed, backupDir: backupDir() })).toThrow(expect.objectContaining({ code: 'E_DB_MIGRATION_MISMATCH' }));
    expect(schemaVersion(db)).toBe(1);
    closeDatabase(db);
  });

  it('openAppDatabase refuses a newer database with a clear Chinese message', () => {
    const db = openDatabase(path.join(dir, 'qianzhao.sqlite3'));
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    closeDatabase(db);
    expect(() => openAppDatabase(dir)).toThrow(/更新版本的黔招通/);
  });
});
