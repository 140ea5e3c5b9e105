import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** `unchecked`: the check itself could not run (not evidence of damage). */
export type IntegrityResult = 'ok' | 'corrupt' | 'unchecked';

/**
 * `PRAGMA quick_check` reads every page, which takes seconds on a large file. It runs on
 * a worker thread over its own read-only connection (WAL lets it read beside our writes),
 * so start-up never waits for it. The worker is plain CommonJS evaluated from a string so
 * it needs no separate bundle entry in the desktop build.
 */
export function quickCheckInBackground(file: string): Promise<IntegrityResult> {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const source = `(() => {
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driverPath);
    let db;
    try {
      db = new Database(workerData.file, { readonly: true, fileMustExist: true });
    } catch {
      // Gone or locked away: nothing was checked, which is not evidence of damage.
      parentPort.postMessage('unchecked');
      return;
    }
    let result;
    try {
      const rows = db.pragma('quick_check');
      result = rows.length === 1 && rows[0].quick_check === 'ok' ? 'ok' : 'corrupt';
    } catch {
      result = 'corrupt';
    } finally {
      db.close();
    }
    parentPort.postMessage(result);
  })();`;
  return new Promise((resolve) => {
    const worker = new Worker(source, { eval: true, workerData: { file, driverPath } });
    worker.unref();
    worker.once('message', (result: IntegrityResult) => resolve(result));
    worker.once('error', () => resolve('unchecked'));
  });
}
