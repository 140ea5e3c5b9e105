import Database from 'better-sqlite3';
import { AppError } from '../shared/errors';

export type Db = Database.Database;

/** How long a writer waits for another connection's lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;
/** Statements slower than this are logged (without their parameters: they may hold personal data). */
const SLOW_QUERY_MS = 20;

/**
 * The only door to a SQLite file. Every open — new file or existing, app or test —
 * gets the same pragmas, read back so a silently ignored pragma cannot slip by.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    assertPragmas(db, options.readonly ?? false);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('E_DB_CORRUPT', undefined, [{ path: file, code: 'E_DB_OPEN', message: String(error) }]);
  }
}

export interface PragmaState {
  journalMode: string;
  synchronous: number;
  foreignKeys: number;
  busyTimeout: number;
}

export function readPragmas(db: Db): PragmaState {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true })),
  };
}

const SYNCHRONOUS_FULL = 2;

function assertPragmas(db: Db, readonly: boolean): void {
  const state = readPragmas(db);
  const ok =
    state.foreignKeys === 1 &&
    state.busyTimeout === BUSY_TIMEOUT_MS &&
    (readonly || (state.journalMode === 'wal' && state.synchronous === SYNCHRONOUS_FULL));
  if (!ok) throw new Error(`SQLite pragmas not applied: ${JSON.stringify(state)}`);
}

/** Folds the WAL back into the main file so a copied .sqlite3 is complete, then closes. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Runs `fn` and logs it when slow. For hot paths wrap the call site, not every statement. */
export function timed<T>(label: string, fn: () => T, log: (line: string) => void = console.warn): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    const elapsed = performance.now() - started;
    if (elapsed > SLOW_QUERY_MS) log(`[sql] slow ${label}: ${elapsed.toFixed(1)} ms`);
  }
}
