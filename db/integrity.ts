import { Worker } from 'node:worker_threads';
import { driverLocation, WORKER_OPEN_SOURCE } from './driver';
import type { DatabaseKey } from './keys/key';

/** `unchecked`: the check itself could not run (not evidence of damage). */
export type IntegrityResult = 'ok' | 'corrupt' | 'unchecked';

/**
 * `PRAGMA quick_check` reads every page, which takes seconds on a large file. It runs on
 * a worker thread over its own read-only connection (WAL lets it read beside our writes),
 * so start-up never waits for it. The worker is plain CommonJS evaluated from a string so
 * it needs no separate bundle entry in the desktop build. An encrypted file is opened with
 * the same key, set before anything reads it.
 */
export function quickCheckInBackground(file: string, key: DatabaseKey | null = null): Promise<IntegrityResult> {
  const source = `(() => {
    const { parentPort, workerData } = require('node:worker_threads');
    ${WORKER_OPEN_SOURCE}
    let db;
    try {
      db = openKeyed(workerData.file, { readonly: true, keyHex: workerData.keyHex }, workerData.location);
    } catch {
      // Gone, locked away or not decryptable here: nothing was checked, which is not evidence of damage.
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
    const worker = new Worker(source, { eval: true, workerData: { file, keyHex: key ? key.toString('hex') : null, location: driverLocation() } });
    worker.unref();
    worker.once('message', (result: IntegrityResult) => resolve(result));
    worker.once('error', () => resolve('unchecked'));
  });
}
