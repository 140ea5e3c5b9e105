import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HlcClock } from '../../shared/sync/hlc';
import { contentHash } from '../content-hash';
import { DATABASE_FILE, openAppDatabase, openAppDatabaseFile, type AppDatabase } from '../database';
import { fileKeyStore } from '../keys/file-key-store';
import { generateKey } from '../keys/key';
import { MIGRATIONS } from '../migrations';
import { databaseFileFormat, openDatabase } from '../sql';
import { createRow, type Actor } from '../store/writer';
import { backupBeforeRisk, backupInBackground, backupNow, listBackups, rotateBackups } from './backup';
import { backupFileName } from './names';
import { applyPendingRestore, readLastRestoreResult, readPendingRestore, stageRestore, stageRestoreInBackground } from './restore';
import { startBackupSchedule } from './schedule';

// Worker threads, child processes and fsyncs: seconds each on a loaded build machine.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let app: AppDatabase | null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-backup-'));
  app = null;
});
afterEach(() => {
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): AppDatabase {
  app = openAppDatabase(dir);
  return app;
}
function close(): void {
  app?.close();
  app = null;
}
function addCompanies(target: AppDatabase, names: string[]): void {
  let ms = Date.parse('2026-11-27T02:00:00Z');
  const now = (): Date => new Date((ms += 1000));
  const actor: Actor = { deviceId: target.deviceId, userId: target.userId, teamId: null, clock: new HlcClock(target.deviceId, () => now().getTime()), now };
  for (const name of names) {
    const id = createRow(target.db, actor, 'company', { name, name_norm: name });
    createRow(target.db, actor, 'contact', { company_id: id, name: `${name}的联系人` });
  }
}
const backupsDir = (): string => path.join(dir, 'backups');

/** Overwrites bytes in the middle of a file: pages a quick_check must read. */
function corrupt(file: string): void {
  const size = fs.statSync(file).size;
  const handle = fs.openSync(file, 'r+');
  fs.writeSync(handle, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(handle);
}

describe('making a backup', () => {
  it('on a worker: encrypted, verified, then renamed; no temp file left; the app keeps writing meanwhile', async () => {
    const target = open();
    addCompanies(target, Array.from({ length: 300 }, (_, i) => `贵州茅台酒厂${i}`));
    const pending = backupInBackground(target.db, { kind: 'auto' });
    addCompanies(target, ['写在备份进行中的企业']); // the main thread is free while the worker copies
    const made = await pending;
    expect(made.kind).toBe('auto');
    expect(databaseFileFormat(made.file)).toBe('encrypted');
    expect(fs.readdirSync(backupsDir())).toEqual([made.name]);
    const copy = openDatabase(made.file, { readonly: true, key: fileKeyStore(dir).load() });
    expect(Number(copy.prepare('SELECT count(*) FROM company').pluck().get())).toBeGreaterThanOrEqual(300);
    copy.close();
  });

  it('on the calling thread (before a migration): same checks, exact content', () => {
    const target = open();
    addCompanies(target, ['比亚迪股份有限公司']);
    const made = backupNow(target.db, { kind: 'risk', reason: 'migration-v9' });
    expect(made.name).toMatch(/^pre-migration-v9-.*\.sqlite3$/);
    const copy = openDatabase(made.file, { readonly: true, key: fileKeyStore(dir).load() });
    expect(contentHash(copy)).toBe(contentHash(target.db));
    copy.close();
  });

  it('backupBeforeRisk(appDb, reason) is what imports and merges call first', async () => {
    const target = open();
    const made = await backupBeforeRisk(target, 'import');
    expect(made).toMatchObject({ kind: 'risk', reason: 'import' });
    await expect(backupBeforeRisk(target.db, 'Import Now!')).rejects.toThrow(/kebab-case/);
  });

  it('fails with E_BACKUP_FAILED, leaving nothing behind, when the copy cannot be verified', async () => {
    const target = open();
    // The source database is not what the backup is checked against (a newer schema than allowed).
    const strict = { maxSchemaVersion: 0, migrationNames: [], requireIdentity: true };
    await expect(backupInBackground(target.db, { kind: 'manual', expect: strict })).rejects.toMatchObject({ code: 'E_BACKUP_FAILED' });
    expect(() => backupNow(target.db, { kind: 'manual', expect: strict })).toThrow(expect.objectContaining({ code: 'E_BACKUP_FAILED' }));
    expect(fs.readdirSync(backupsDir())).toEqual([]);
  });

  it('rotation deletes rolled-out backups and stale temp files, never unknown files', () => {
    fs.mkdirSync(backupsDir());
    const now = new Date(2026, 10, 27, 18);
    const names = Array.from({ length: 40 }, (_, d) => backupFileName('auto', new Date(2026, 10, 27 - d, 12)));
    for (const name of [...names, 'my-notes.txt', 'copy.sqlite3', '.tmp-old.sqlite3']) fs.writeFileSync(path.join(backupsDir(), name), 'x');
    const old = new Date(now.getTime() - 2 * 3_600_000);
    fs.utimesSync(path.join(backupsDir(), '.tmp-old.sqlite3'), old, old);
    const removed = rotateBackups(backupsDir(), now);
    expect(removed.length).toBe(40 - 10);
    expect(fs.readdirSync(backupsDir())).toEqual(expect.arrayContaining(['my-notes.txt', 'copy.sqlite3']));
    expect(fs.existsSync(path.join(backupsDir(), '.tmp-old.sqlite3'))).toBe(false);
    expect(listBackups(backupsDir())).toHaveLength(10);
  });

  it('the schedule makes one automatic backup a day and rotates', async () => {
    const target = open();
    let now = new Date(2026, 10, 27, 9);
    const schedule = startBackupSchedule(target.db, { firstDelayMs: 3_600_000, now: () => now });
    try {
      expect(await schedule.runOnce()).toMatchObject({ kind: 'auto' });
      expect(await schedule.runOnce()).toBeNull(); // already one today
      now = new Date(2026, 10, 28, 9);
      expect(await schedule.runOnce()).toMatchObject({ kind: 'auto' });
      expect(listBackups(backupsDir())).toHaveLength(2);
    } finally {
      schedule.stop();
    }
  });
});

describe('restoring', () => {
  it('a backup restores to the same content hash, and the database it replaced is kept aside', async () => {
    const target = open();
    addCompanies(target, ['深圳市大疆创新科技有限公司', '华为技术有限公司']);
    const made = await backupInBackground(target.db, { kind: 'manual' });
    const atBackup = contentHash(target.db);
    addCompanies(target, ['备份之后才录入的企业']);
    const afterBackup = contentHash(target.db);
    close();

    stageRestore(dir, made.file, fileKeyStore(dir).load());
    expect(readPendingRestore(dir)).toMatchObject({ source: made.file, schemaVersion: MIGRATIONS.length });
    const reopened = open(); // the next start applies it, before opening
    expect(reopened.restore).toMatchObject({ ok: true });
    expect(contentHash(reopened.db)).toBe(atBackup);
    close();

    const aside = listBackups(backupsDir()).find((b) => b.reason === 'restore')!;
    const previous = openDatabase(aside.file, { readonly: true, key: fileKeyStore(dir).load() });
    expect(contentHash(previous)).toBe(afterBackup);
    previous.close();
    expect(readPendingRestore(dir)).toBeNull();
    expect(readLastRestoreResult(dir)).toMatchObject({ ok: true, message: expect.stringContaining('已从') });
  });

  it('a corrupt backup is refused before anything is swapped', async () => {
    const target = open();
    addCompanies(target, Array.from({ length: 400 }, (_, i) => `遵义企业${i}`));
    const made = await backupInBackground(target.db, { kind: 'manual' });
    const before = contentHash(target.db);
    close();
    corrupt(made.file);
    const key = fileKeyStore(dir).load();
    expect(() => stageRestore(dir, made.file, key)).toThrow(expect.objectContaining({ code: 'E_BACKUP_INVALID', message: expect.stringContaining('已损坏') }));
    await expect(stageRestoreInBackground(dir, made.file, key)).rejects.toMatchObject({ code: 'E_BACKUP_INVALID' });
    expect(readPendingRestore(dir)).toBeNull();
    const reopened = open();
    expect(contentHash(reopened.db)).toBe(before);
  });

  it('refuses a backup from another machine (another key), from a newer app, or not ours at all', async () => {
    const target = open();
    const made = await backupInBackground(target.db, { kind: 'manual' });
    close();
    expect(() => stageRestore(dir, made.file, generateKey())).toThrow(expect.objectContaining({ code: 'E_BACKUP_INVALID', message: expect.stringContaining('无法用本机的密钥解密') }));

    const key = fileKeyStore(dir).load();
    const newer = openDatabase(made.file, { key });
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => stageRestore(dir, made.file, key)).toThrow(expect.objectContaining({ message: expect.stringContaining('来自更新版本的黔招通') }));

    const foreign = path.join(dir, 'foreign.sqlite3');
    const other = openDatabase(foreign, { key });
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => stageRestore(dir, foreign, key)).toThrow(expect.objectContaining({ message: expect.stringContaining('不是黔招通的数据文件') }));
    expect(() => stageRestore(dir, path.join(dir, 'missing.sqlite3'), key)).toThrow(expect.objectContaining({ message: expect.stringContaining('文件不存在') }));
  });

  it('a staged file changed after staging is refused at start and the database left alone', async () => {
    const target = open();
    addCompanies(target, ['六盘水企业']);
    const made = await backupInBackground(target.db, { kind: 'manual' });
    const before = contentHash(target.db);
    close();
    stageRestore(dir, made.file, fileKeyStore(dir).load());
    fs.appendFileSync(path.join(dir, 'restore', 'pending.sqlite3'), Buffer.alloc(4096));
    const reopened = open();
    expect(reopened.restore).toMatchObject({ ok: false, message: expect.stringContaining('不一致') });
    expect(contentHash(reopened.db)).toBe(before);
    expect(readPendingRestore(dir)).toBeNull();
  });

  it('a database too damaged to open is still kept aside byte for byte', async () => {
    const target = open();
    const made = await backupInBackground(target.db, { kind: 'manual' });
    close();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    const key = fileKeyStore(dir).load();
    stageRestore(dir, made.file, key);
    const result = applyPendingRestore(dir, file, key);
    expect(result).toMatchObject({ ok: true });
    expect(fs.readFileSync(result!.previousKeptAt!)).toEqual(Buffer.alloc(8192, 7));
    openAppDatabaseFile(dir).close();
  });
});
