import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { fsyncDirectory, renameWithRetry } from '../fs-safe';
import { connectionKey, type Db } from '../sql';
import { BACKUP_DIR, BACKUP_EXTENSION, backupFileName, parseBackupName, TEMP_PREFIX, type BackupKind, type BackupName } from './names';
import { backupsToKeep } from './rotation';
import { APP_EXPECTATIONS, sameCounts, tableCounts, verifyDatabaseCopy, type CopyExpectations } from './verify';
import { runInWorker } from './worker';

export interface BackupInfo extends BackupName {
  file: string;
  sizeBytes: number;
}

export interface BackupRequest {
  kind: BackupKind;
  /** For `risk` backups: kebab-case, e.g. `import`, `merge`, `migration-v2`. */
  reason?: string | null;
  now?: Date;
  /** Default: what this app's own database is (its migrations; identity not required of a copy). */
  expect?: CopyExpectations;
  /** Default: `backups/` beside the database. */
  backupDir?: string;
}

/** A copy of our own open database: its version and migrations are ours by construction. */
const OWN_COPY: CopyExpectations = { ...APP_EXPECTATIONS, requireIdentity: false };

/** The data folder of an open app database: backups live in its `backups/`. */
export function backupDirOf(db: Db): string {
  return path.join(path.dirname(db.name), BACKUP_DIR);
}

function failed(code: string, reason: string): AppError {
  return new AppError('E_BACKUP_FAILED', `备份失败：${reason}`, [{ path: '', code, message: reason }]);
}

/** Never fill the disk: a full disk would fail the app's own next write. */
const SPARE_BYTES = 256 * 1024 * 1024;

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function ensureRoom(backupDir: string, source: string): void {
  let free: number;
  try {
    const stats = fs.statfsSync(backupDir);
    free = stats.bavail * stats.bsize;
  } catch {
    return; // cannot tell (some network shares): try, and let a full disk fail the copy itself
  }
  const need = Math.ceil((sizeOf(source) + sizeOf(`${source}-wal`)) * 1.1) + SPARE_BYTES;
  if (free < need) {
    const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
    throw failed('E_BACKUP_NO_SPACE', `磁盘剩余空间不足（剩余 ${mb(free)}，备份约需 ${mb(need)}），请清理磁盘或删除旧的手动备份`);
  }
}

function prepareTarget(backupDir: string, request: BackupRequest, source: string): { final: string; temp: string; createdAt: Date } {
  fs.mkdirSync(backupDir, { recursive: true });
  ensureRoom(backupDir, source);
  const createdAt = request.now ?? new Date();
  const final = path.join(backupDir, backupFileName(request.kind, createdAt, request.reason ?? null));
  // Two backups in one millisecond would share a name; the second one waits its turn.
  if (fs.existsSync(final)) throw failed('E_BACKUP_EXISTS', `${path.basename(final)} 已存在`);
  const temp = path.join(backupDir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}${BACKUP_EXTENSION}`);
  return { final, temp, createdAt };
}

function publish(temp: string, final: string): BackupInfo {
  renameWithRetry(temp, final);
  fsyncDirectory(path.dirname(final));
  const parsed = parseBackupName(path.basename(final));
  if (!parsed) throw new Error(`Unparseable backup name ${final}`);
  return { ...parsed, file: final, sizeBytes: fs.statSync(final).size };
}

/**
 * A backup made on the calling thread, for moments when nothing else may run anyway (before
 * a migration at start-up, the CLI): VACUUM INTO a temp name on `db`'s own connection (the
 * copy is encrypted with the same key), verified — it opens with the key, quick_check is
 * clean, it is ours, and every table has the source's row count — then renamed into place.
 */
export function backupNow(db: Db, request: BackupRequest): BackupInfo {
  const { final, temp } = prepareTarget(request.backupDir ?? backupDirOf(db), request, db.name);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    const copy = verifyDatabaseCopy(temp, connectionKey(db), request.expect ?? OWN_COPY);
    if (!sameCounts(copy.counts, tableCounts(db))) throw failed('E_BACKUP_MISMATCH', '备份的记录数与当前数据库不一致');
    return publish(temp, final);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    if (error instanceof AppError && error.code === 'E_BACKUP_FAILED') throw error;
    // A copy that fails verification: say which check, not "invalid backup, restore refused".
    if (error instanceof AppError) throw failed(String(error.details?.[0]?.code ?? error.code), `校验未通过：${error.details?.[0]?.message ?? error.message}`);
    throw failed('E_BACKUP_WRITE', String(error));
  }
}

/** Worker failures that mean "the copy was written but did not check out". */
const VERIFY_CODES = new Set(['E_DB_KEY', 'E_DB_OPEN', 'E_BACKUP_CORRUPT', 'E_BACKUP_TOO_NEW', 'E_BACKUP_FOREIGN', 'E_BACKUP_MIGRATIONS', 'E_BACKUP_MISMATCH']);

/** One backup at a time per folder: a second request waits for the first instead of racing it. */
const queues = new Map<string, Promise<unknown>>();
/** The worker copying into a folder right now, so closing the app can stop it. */
const activeJobs = new Map<string, () => void>();

/** Stops a running background backup into `backupDir` (its temp file is swept later). */
export function cancelBackgroundBackup(backupDir: string): void {
  activeJobs.get(backupDir)?.();
}

/**
 * The same backup, on a worker thread with its own connection, so the UI never waits:
 * the copy reflects the moment the worker began reading.
 */
export function backupInBackground(db: Db, request: BackupRequest): Promise<BackupInfo> {
  const backupDir = request.backupDir ?? backupDirOf(db);
  const source = db.name;
  const key = connectionKey(db);
  const previous = queues.get(backupDir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const { final, temp } = prepareTarget(backupDir, { ...request, now: request.now ?? new Date() }, source);
    const job = runInWorker({ op: 'backup', source, target: temp }, key, request.expect ?? OWN_COPY);
    activeJobs.set(backupDir, job.cancel);
    const result = await job.result.finally(() => activeJobs.delete(backupDir));
    if (!result.ok) {
      fs.rmSync(temp, { force: true });
      throw failed(result.code, VERIFY_CODES.has(result.code) ? `校验未通过：${result.reason}` : result.reason);
    }
    return publish(temp, final);
  });
  queues.set(backupDir, run);
  void run.finally(() => {
    if (queues.get(backupDir) === run) queues.delete(backupDir);
  }).catch(() => undefined);
  return run;
}

/** Our backups in a folder, newest first; files that are not ours are left out (and left alone). */
export function listBackups(backupDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(backupDir, name);
    try {
      backups.push({ ...parsed, file, sizeBytes: fs.statSync(file).size });
    } catch {
      // Removed while we listed.
    }
  }
  return backups.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/** Deletes rolled-out backups and abandoned temp copies; returns the names removed. */
export function rotateBackups(backupDir: string, now: Date = new Date()): string[] {
  const backups = listBackups(backupDir);
  const keep = backupsToKeep(backups, now);
  const removed: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.name)) continue;
    fs.rmSync(backup.file, { force: true });
    // A pre-restore copy of an unreadable database keeps its WAL beside it.
    fs.rmSync(`${backup.file}-wal`, { force: true });
    removed.push(backup.name);
  }
  for (const name of safeReaddir(backupDir)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const file = path.join(backupDir, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs > TEMP_MAX_AGE_MS) fs.rmSync(file, { force: true });
    } catch {
      // gone
    }
  }
  return removed;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The backup every import or merge takes first (DESIGN §7): call it before the first write
 * of a weekly-log import, a duplicate merge, or anything else that rewrites many rows, and
 * await it. Runs on a worker; a failure throws E_BACKUP_FAILED and the caller must not go on.
 * `reason` names the step in the file name: `import`, `merge`, `import-ledger`….
 */
export function backupBeforeRisk(target: Db | { db: Db }, reason: string): Promise<BackupInfo> {
  const db = 'prepare' in target ? target : target.db;
  return backupInBackground(db, { kind: 'risk', reason });
}
