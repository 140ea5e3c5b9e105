/**
 * Encryption at rest (issue #7): what is on disk is unreadable without the key, a wrong
 * key fails cleanly, and a plain database from an older version is encrypted without
 * losing a row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HlcClock } from '../shared/sync/hlc';
import { contentHash } from './content-hash';
import { DATABASE_FILE, openAppDatabase, openAppDatabaseFile } from './database';
import { quickCheckInBackground } from './integrity';
import { fileKeyStore, KEY_FILE } from './keys/file-key-store';
import { generateKey } from './keys/key';
import { memoryKeyStore } from './keys/memory-key-store';
import { closeDatabase, databaseFileFormat, openDatabase, readCipherState, readPragmas } from './sql';
import { migrate } from './migrate';
import { createRow, type Actor } from './store/writer';

// Worker threads, child processes and fsyncs: seconds each on a loaded build machine.
vi.setConfig({ testTimeout: 60_000 });

const COMPANY = '深圳市腾讯计算机系统有限公司';
const CONTACT = '欧阳娜娜';
const MOBILE = '13912345678';
const PLAIN_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-enc-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function actorFor(app: { deviceId: string; userId: string }): Actor {
  let ms = Date.parse('2026-11-27T02:00:00Z');
  const now = (): Date => new Date((ms += 1000));
  return { deviceId: app.deviceId, userId: app.userId, teamId: null, clock: new HlcClock(app.deviceId, () => now().getTime()), now };
}

/** Every form in which the names could sit on disk: UTF-8 (how SQLite stores TEXT) and UTF-16. */
function leaks(bytes: Buffer): string[] {
  const needles = [COMPANY, CONTACT, MOBILE, '腾讯'];
  return needles.filter((needle) => bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le')));
}

function filesOf(dataDir: string): string[] {
  return fs.readdirSync(dataDir, { recursive: true }).map(String).filter((name) => /\.sqlite3(-wal)?$/.test(name)).map((name) => path.join(dataDir, name));
}

describe('the app database on disk', () => {
  it('has no SQLite header and no plaintext company, contact or phone anywhere, in the file or its WAL', () => {
    const app = openAppDatabase(dir);
    const actor = actorFor(app);
    const companyId = createRow(app.db, actor, 'company', { name: COMPANY, name_norm: '腾讯计算机系统' });
    createRow(app.db, actor, 'contact', { company_id: companyId, name: CONTACT, mobile: MOBILE });
    // Still open: the rows sit in the WAL.
    const wal = path.join(dir, `${DATABASE_FILE}-wal`);
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    expect(leaks(fs.readFileSync(wal))).toEqual([]);
    app.close();

    const file = path.join(dir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).equals(PLAIN_MAGIC)).toBe(false);
    expect(databaseFileFormat(file)).toBe('encrypted');
    expect(leaks(bytes)).toEqual([]);
    // …while the same rows are there for whoever has the key.
    const db = openAppDatabaseFile(dir);
    expect(db.prepare('SELECT name FROM contact').pluck().all()).toEqual([CONTACT]);
    db.close();
  });

  it('applies and reads back every pragma with the key: WAL, FULL, foreign keys, busy timeout, SQLCipher 4, temp in memory', () => {
    const app = openAppDatabase(dir);
    expect(readPragmas(app.db)).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 });
    expect(readCipherState(app.db)).toEqual({ cipher: 'sqlcipher', legacy: 4, tempStore: 2 });
    app.close();
  });

  it('opens without a key? No: the file is not a database to plain SQLite', () => {
    openAppDatabase(dir).close();
    expect(() => openDatabase(path.join(dir, DATABASE_FILE), { readonly: true })).toThrow(expect.objectContaining({ code: 'E_DB_CORRUPT' }));
  });
});

describe('a wrong or missing key', () => {
  it('fails cleanly with E_DB_KEY and a Chinese message, not a crash, and changes nothing', () => {
    const app = openAppDatabase(dir, { keyStore: memoryKeyStore(generateKey()) });
    createRow(app.db, actorFor(app), 'company', { name: COMPANY, name_norm: COMPANY });
    app.close();
    const before = fs.readFileSync(path.join(dir, DATABASE_FILE));

    expect(() => openAppDatabase(dir, { keyStore: memoryKeyStore(generateKey()) })).toThrow(
      expect.objectContaining({ code: 'E_DB_KEY', message: expect.stringContaining('无法解密数据文件') }),
    );
    expect(() => openDatabase(path.join(dir, DATABASE_FILE), { key: generateKey() })).toThrow(expect.objectContaining({ code: 'E_DB_KEY' }));
    expect(fs.readFileSync(path.join(dir, DATABASE_FILE)).equals(before)).toBe(true);
    // The lock was released on the way out: the right key opens it.
    expect(fs.readdirSync(dir)).not.toContain('qianzhao.lock');
  });

  it('a deleted key file is E_DB_KEY_MISSING, and no new key is made over the data', () => {
    openAppDatabase(dir).close();
    fs.rmSync(path.join(dir, KEY_FILE));
    expect(() => openAppDatabase(dir)).toThrow(expect.objectContaining({ code: 'E_DB_KEY_MISSING' }));
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
  });

  it('the background quick_check uses the key too', async () => {
    const app = openAppDatabase(dir);
    app.close();
    const key = fileKeyStore(dir).load();
    expect(await quickCheckInBackground(path.join(dir, DATABASE_FILE), key)).toBe('ok');
    // Without it nothing can be read: unchecked, which is not evidence of damage.
    expect(await quickCheckInBackground(path.join(dir, DATABASE_FILE), null)).toBe('unchecked');
  });
});

describe('a plain database from an older version', () => {
  it('at the newest schema: encrypted in place on first open with an identical content hash, every row kept', () => {
    const file = path.join(dir, DATABASE_FILE);
    const plain = openDatabase(file);
    migrate(plain, { backupDir: path.join(dir, 'backups') });
    plain.prepare("INSERT INTO meta (key, value) VALUES ('device_id', '01930000-0000-7000-8000-0000000000d1'), ('user_id', '01930000-0000-7000-8000-0000000000u1')").run();
    const actor = actorFor({ deviceId: '01930000-0000-7000-8000-0000000000d1', userId: '01930000-0000-7000-8000-0000000000u1' });
    for (let i = 0; i < 200; i++) {
      const companyId = createRow(plain, actor, 'company', { name: `${COMPANY}${i}`, name_norm: `腾讯${i}` });
      createRow(plain, actor, 'contact', { company_id: companyId, name: `${CONTACT}${i}`, mobile: MOBILE });
    }
    const before = contentHash(plain);
    closeDatabase(plain);
    expect(databaseFileFormat(file)).toBe('plain');
    expect(leaks(fs.readFileSync(file))).not.toEqual([]);

    const app = openAppDatabase(dir);
    expect(app.encryption).toBe('encrypted');
    expect(contentHash(app.db)).toBe(before);
    app.close();
    expect(databaseFileFormat(file)).toBe('encrypted');
    expect(leaks(fs.readFileSync(file))).toEqual([]);
    // No plaintext copy is left behind in the data folder.
    for (const name of fs.readdirSync(dir, { recursive: true }).map(String)) {
      const entry = path.join(dir, name);
      if (fs.statSync(entry).isFile()) expect(leaks(fs.readFileSync(entry)), name).toEqual([]);
    }
  });

  it('an old schema: encrypted, migrated, and its old plain backups encrypted too', () => {
    const file = path.join(dir, DATABASE_FILE);
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'schema-v1.sqlite3'), file);
    fs.mkdirSync(path.join(dir, 'backups'));
    const oldBackup = path.join(dir, 'backups', 'pre-migration-v1-2026-10-01T00-00-00-000Z.sqlite3');
    fs.copyFileSync(file, oldBackup);
    const plain = openDatabase(file, { readonly: true });
    const before = contentHash(plain);
    plain.close();

    const app = openAppDatabase(dir);
    expect(app.encryption).toBe('encrypted');
    expect(app.migration.from).toBe(1);
    app.close();

    const key = fileKeyStore(dir).load();
    for (const entry of filesOf(dir)) expect(databaseFileFormat(entry), entry).toBe('encrypted');
    // The backup taken before migrating is the old database, row for row, now encrypted.
    const preMigration = fs.readdirSync(path.join(dir, 'backups')).find((name) => name.startsWith('pre-migration-v1-') && !name.includes('2026-10-01'));
    const copy = openDatabase(path.join(dir, 'backups', preMigration!), { readonly: true, key });
    expect(contentHash(copy)).toBe(before);
    copy.close();
    const old = openDatabase(oldBackup, { readonly: true, key });
    expect(contentHash(old)).toBe(before);
    old.close();

    const db = openAppDatabaseFile(dir);
    expect(db.prepare('SELECT name FROM company ORDER BY created_at').pluck().all()).toEqual(['深圳市腾讯计算机系统有限公司', '比亚迪股份有限公司']);
    db.close();
  });
});
