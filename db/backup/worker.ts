import { Worker } from 'node:worker_threads';
import { driverLocation, WORKER_OPEN_SOURCE } from '../driver';
import type { DatabaseKey } from '../keys/key';
import { APP_EXPECTATIONS, type CopyExpectations } from './verify';

/**
 * Backups and verification off the main thread. better-sqlite3 runs VACUUM INTO and
 * quick_check synchronously, seconds on a large file, so they run on a worker thread with
 * its own connection (WAL lets it read beside the app's writes), like integrity.ts.
 * The worker is CommonJS evaluated from a string: no extra bundle entry in either build.
 * Its checks mirror verify.ts (the sync path for start-up and the CLI).
 */
export type WorkerJob =
  | { op: 'backup'; source: string; target: string }
  | { op: 'verify'; file: string };

export type WorkerResult =
  | { ok: true; schemaVersion: number; deviceId: string | null; counts: Record<string, number>; exact: boolean; ms: number }
  | { ok: false; code: string; reason: string };

const SOURCE = `(() => {
  const { parentPort, workerData } = require('node:worker_threads');
  ${WORKER_OPEN_SOURCE}
  const { job, keyHex, location, expect } = workerData;
  const started = Date.now();
  const fail = (code, reason) => parentPort.postMessage({ ok: false, code, reason });

  function counts(db) {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all();
    const out = {};
    for (const t of tables) out[t] = Number(db.prepare('SELECT count(*) FROM "' + t.replace(/"/g, '""') + '"').pluck().get());
    return out;
  }
  function sameCounts(a, b) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
  }
  /** quick_check, version, identity, migrations: verify.ts's verifyDatabaseCopy, in JS. */
  function inspect(file) {
    let db;
    try {
      db = openKeyed(file, { readonly: true, keyHex }, location);
    } catch (error) {
      return { error: [error && error.code === 'SQLITE_NOTADB' ? 'E_DB_KEY' : 'E_DB_OPEN', error && error.code === 'SQLITE_NOTADB' ? '无法用本机的密钥解密（可能来自另一台电脑、另一个用户，或文件已损坏）' : '无法作为数据库打开，文件可能已损坏'] };
    }
    try {
      let rows;
      try { rows = db.pragma('quick_check'); } catch { rows = []; }
      if (rows.length !== 1 || rows[0].quick_check !== 'ok') return { error: ['E_BACKUP_CORRUPT', '完整性检查（quick_check）未通过，文件已损坏'] };
      const schemaVersion = Number(db.pragma('user_version', { simple: true }));
      if (schemaVersion > expect.maxSchemaVersion) return { error: ['E_BACKUP_TOO_NEW', '来自更新版本的黔招通（数据版本 ' + schemaVersion + '，本程序支持到 ' + expect.maxSchemaVersion + '）'] };
      const has = (name) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
      const deviceId = (has('meta') ? db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() : null) ?? null;
      if (!deviceId && expect.requireIdentity) return { error: ['E_BACKUP_FOREIGN', '不是黔招通的数据文件'] };
      if (schemaVersion > 0) {
        const applied = has('schema_migrations') ? db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all() : [];
        const ok = applied.length === schemaVersion && applied.every((name, i) => name === expect.migrationNames[i]);
        if (!ok) return { error: ['E_BACKUP_MIGRATIONS', '升级记录与本程序不一致'] };
      }
      return { schemaVersion, deviceId, counts: counts(db) };
    } finally {
      db.close();
    }
  }

  try {
    if (job.op === 'verify') {
      const result = inspect(job.file);
      if (result.error) return fail(result.error[0], result.error[1]);
      return parentPort.postMessage({ ok: true, ...result, exact: false, ms: Date.now() - started });
    }
    let source;
    try {
      source = openKeyed(job.source, { readonly: true, keyHex }, location);
    } catch (error) {
      return fail('E_BACKUP_SOURCE', '无法打开当前数据库：' + (error && error.code ? error.code : 'open failed'));
    }
    let before, after, sourceCounts;
    try {
      // data_version moves when another connection commits: unchanged across the copy and the
      // counts means both saw one snapshot, so the copy must match the source exactly.
      before = source.pragma('data_version', { simple: true });
      source.prepare('VACUUM INTO ?').run(job.target);
      sourceCounts = counts(source);
      after = source.pragma('data_version', { simple: true });
    } catch (error) {
      return fail('E_BACKUP_WRITE', '写入备份失败：' + (error && error.code ? error.code : String(error)));
    } finally {
      source.close();
    }
    const result = inspect(job.target);
    if (result.error) return fail(result.error[0], result.error[1]);
    const exact = before === after;
    if (exact && !sameCounts(result.counts, sourceCounts)) return fail('E_BACKUP_MISMATCH', '备份的记录数与当前数据库不一致');
    parentPort.postMessage({ ok: true, ...result, exact, ms: Date.now() - started });
  } catch (error) {
    fail('E_BACKUP_WORKER', String(error && error.message ? error.message : error));
  }
})();`;

export function runInWorker(job: WorkerJob, key: DatabaseKey | null, expect: CopyExpectations = APP_EXPECTATIONS): { result: Promise<WorkerResult>; cancel(): void } {
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { job, keyHex: key ? key.toString('hex') : null, location: driverLocation(), expect: { ...expect, migrationNames: [...expect.migrationNames] } },
  });
  let settled = false;
  const result = new Promise<WorkerResult>((resolve) => {
    const settle = (value: WorkerResult): void => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    worker.once('message', (message: WorkerResult) => settle(message));
    worker.once('error', (error) => settle({ ok: false, code: 'E_BACKUP_WORKER', reason: error.message }));
    worker.once('exit', () => settle({ ok: false, code: 'E_BACKUP_CANCELLED', reason: '备份被中止' }));
  });
  return {
    result,
    cancel: () => void worker.terminate(),
  };
}
