import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { copyFileDurable, fsyncDirectory, removeSidecars, renameWithRetry } from '../fs-safe';
import type { DatabaseKey } from '../keys/key';
import { closeDatabase, databaseFileFormat, openDatabase } from '../sql';
import { BACKUP_DIR, backupFileName } from './names';
import { APP_EXPECTATIONS, verifyDatabaseCopy, type CopyExpectations, type VerifiedCopy } from './verify';
import { runInWorker } from './worker';

/**
 * Restore never swaps a database that is open. A restore is *staged* — the file verified,
 * copied into `restore/pending.sqlite3` with a marker holding its SHA-256 — and *applied* by
 * the next start (openAppDatabase), before the database is opened, while the instance lock
 * is held and nothing has a statement prepared on the old file. The CLI, which holds the
 * lock itself, stages and applies in one go. Why not close and reopen inside the running
 * backend: handlers, statement caches and in-flight requests hold the old connection, and
 * Windows cannot replace a file that is open.
 */
export const RESTORE_DIR = 'restore';
const PENDING_FILE = 'pending.sqlite3';
const MARKER_FILE = 'pending.json';
const RESULT_FILE = 'last-result.json';

export interface PendingRestore {
  /** The file the user chose, for messages. */
  source: string;
  stagedAt: string;
  sha256: string;
  schemaVersion: number;
}

export interface RestoreResult {
  ok: boolean;
  at: string;
  source: string;
  /** Where the database that was replaced now lives (in backups/), when it existed. */
  previousKeptAt: string | null;
  message: string;
}

function restoreDir(dataDir: string): string {
  return path.join(dataDir, RESTORE_DIR);
}

function sha256File(file: string): string {
  const hash = createHash('sha256');
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let read: number;
    while ((read = fs.readSync(handle, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(handle);
  }
  return hash.digest('hex');
}

function writeJsonAtomic(file: string, value: unknown): void {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  const handle = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  renameWithRetry(temp, file);
  fsyncDirectory(path.dirname(file));
}

/** Verifies `source` (sync) and stages it. For the CLI and tests; the running app uses stageRestoreInBackground. */
export function stageRestore(dataDir: string, source: string, key: DatabaseKey | null, expect: CopyExpectations = APP_EXPECTATIONS): PendingRestore {
  const verified = verifyDatabaseCopy(source, key, expect);
  return stageVerified(dataDir, source, verified);
}

/** The same, with the expensive checks on a worker thread so the UI keeps answering. */
export async function stageRestoreInBackground(dataDir: string, source: string, key: DatabaseKey | null, expect: CopyExpectations = APP_EXPECTATIONS): Promise<PendingRestore> {
  const format = databaseFileFormat(source);
  if (format === 'absent' || format === 'empty') verifyDatabaseCopy(source, key, expect); // throws the precise refusal
  const result = await runInWorker({ op: 'verify', file: source }, format === 'encrypted' ? key : null, expect).result;
  if (!result.ok) throw new AppError('E_BACKUP_INVALID', `备份文件无效，已拒绝：${result.reason}`, [{ path: source, code: result.code, message: result.reason }]);
  return stageVerified(dataDir, source, { format: format === 'plain' ? 'plain' : 'encrypted', schemaVersion: result.schemaVersion, deviceId: result.deviceId, counts: result.counts });
}

function stageVerified(dataDir: string, source: string, verified: VerifiedCopy): PendingRestore {
  const dir = restoreDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const pending = path.join(dir, PENDING_FILE);
  const temp = `${pending}.${randomBytes(4).toString('hex')}.tmp`;
  copyFileDurable(source, temp);
  const marker: PendingRestore = { source: path.resolve(source), stagedAt: new Date().toISOString(), sha256: sha256File(temp), schemaVersion: verified.schemaVersion };
  // The marker goes last: a pending file without a marker is ignored and swept.
  fs.rmSync(path.join(dir, MARKER_FILE), { force: true });
  renameWithRetry(temp, pending);
  writeJsonAtomic(path.join(dir, MARKER_FILE), marker);
  return marker;
}

export function readPendingRestore(dataDir: string): PendingRestore | null {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(restoreDir(dataDir), MARKER_FILE), 'utf8')) as PendingRestore;
    return typeof value.sha256 === 'string' && typeof value.source === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function cancelPendingRestore(dataDir: string): boolean {
  const had = readPendingRestore(dataDir) !== null;
  fs.rmSync(path.join(restoreDir(dataDir), MARKER_FILE), { force: true });
  fs.rmSync(path.join(restoreDir(dataDir), PENDING_FILE), { force: true });
  return had;
}

export function readLastRestoreResult(dataDir: string): RestoreResult | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(restoreDir(dataDir), RESULT_FILE), 'utf8')) as RestoreResult;
  } catch {
    return null;
  }
}

/**
 * Applies a staged restore to `databaseFile`; call with the instance lock held and the
 * database closed. Order, so a crash at any step leaves a usable state:
 *   1. the staged copy is checked again (SHA-256 as staged, opens with the key, not too new);
 *   2. the current database is opened, its WAL folded in, and copied to
 *      backups/pre-restore-<time>.sqlite3 (if it cannot even be opened, its raw file and
 *      WAL are copied there instead);
 *   3. the staged copy is copied beside the database and renamed over it (atomic), after
 *      the old WAL/SHM are removed so SQLite cannot replay them onto the new file;
 *   4. the marker goes. A crash before 4 re-applies the same file next start: harmless.
 * A staged file that fails step 1 is moved to restore/failed-… and the database is left alone.
 */
export function applyPendingRestore(dataDir: string, databaseFile: string, key: DatabaseKey | null, expect: CopyExpectations = APP_EXPECTATIONS, now: Date = new Date()): RestoreResult | null {
  const marker = readPendingRestore(dataDir);
  const dir = restoreDir(dataDir);
  const pending = path.join(dir, PENDING_FILE);
  if (!marker) {
    fs.rmSync(pending, { force: true });
    return null;
  }
  const record = (result: Omit<RestoreResult, 'at' | 'source'>): RestoreResult => {
    const full: RestoreResult = { ...result, at: now.toISOString(), source: marker.source };
    writeJsonAtomic(path.join(dir, RESULT_FILE), full);
    return full;
  };

  try {
    if (!fs.existsSync(pending) || sha256File(pending) !== marker.sha256) throw new AppError('E_BACKUP_INVALID', '备份文件无效，已拒绝：暂存的恢复文件与登记时不一致');
    verifyCopyQuick(pending, key, expect);
  } catch (error) {
    const failedAs = path.join(dir, `failed-${now.toISOString().replace(/[:.]/g, '-')}.sqlite3`);
    if (fs.existsSync(pending)) renameWithRetry(pending, failedAs);
    fs.rmSync(path.join(dir, MARKER_FILE), { force: true });
    return record({ ok: false, previousKeptAt: null, message: error instanceof AppError ? error.message : `恢复失败：${String(error)}` });
  }

  const previousKeptAt = keepCurrentAside(databaseFile, key, now);
  const incoming = `${databaseFile}.restoring`;
  copyFileDurable(pending, incoming);
  removeSidecars(databaseFile);
  renameWithRetry(incoming, databaseFile);
  fsyncDirectory(path.dirname(databaseFile));
  fs.rmSync(path.join(dir, MARKER_FILE), { force: true });
  fs.rmSync(pending, { force: true });
  return record({ ok: true, previousKeptAt, message: `已从 ${path.basename(marker.source)} 恢复数据${previousKeptAt ? `；原数据已保存为 ${path.basename(previousKeptAt)}` : ''}` });
}

/** Opens without quick_check (the file was fully checked when staged and its hash still matches). */
function verifyCopyQuick(file: string, key: DatabaseKey | null, expect: CopyExpectations): void {
  const format = databaseFileFormat(file);
  const db = openDatabase(file, { readonly: true, key: format === 'encrypted' ? key : null });
  try {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > expect.maxSchemaVersion) throw new AppError('E_BACKUP_INVALID', `备份文件无效，已拒绝：来自更新版本的黔招通（数据版本 ${version}）`);
  } finally {
    db.close();
  }
}

function keepCurrentAside(databaseFile: string, key: DatabaseKey | null, now: Date): string | null {
  if (!fs.existsSync(databaseFile)) return null;
  const backupDir = path.join(path.dirname(databaseFile), BACKUP_DIR);
  fs.mkdirSync(backupDir, { recursive: true });
  const aside = path.join(backupDir, backupFileName('risk', now, 'restore'));
  try {
    const format = databaseFileFormat(databaseFile);
    const db = openDatabase(databaseFile, { key: format === 'plain' ? null : key });
    closeDatabase(db); // folds the WAL in, so the main file alone is the whole database
    copyFileDurable(databaseFile, aside);
  } catch {
    // Unreadable (the reason to restore, perhaps): keep it byte for byte, WAL included.
    copyFileDurable(databaseFile, aside);
    if (fs.existsSync(`${databaseFile}-wal`)) copyFileDurable(`${databaseFile}-wal`, `${aside}-wal`);
  }
  fsyncDirectory(backupDir);
  return aside;
}
