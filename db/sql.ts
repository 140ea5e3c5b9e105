import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../shared/errors';
import { keyPragmaValue, type DatabaseKey } from './keys/key';

export type Db = Database.Database;

/** How long a writer waits for another connection's lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;
/** Statements slower than this are logged (without their parameters: they may hold personal data). */
const SLOW_QUERY_MS = 20;

/**
 * SQLCipher 4's exact on-disk format (`legacy=4`), not the library's moving default, so a file
 * written today opens with any later build and with the stock `sqlcipher` shell.
 */
export const CIPHER = 'sqlcipher';
export const CIPHER_LEGACY = 4;

export interface OpenOptions {
  readonly?: boolean;
  /** The SQLCipher key; null or absent opens a plain file (tests of raw SQL, tools). */
  key?: DatabaseKey | null;
}

/** The key each open connection was opened with, so backup and verify code can open siblings; never leaves the backend. */
const connectionKeys = new WeakMap<Db, DatabaseKey>();

export function connectionKey(db: Db): DatabaseKey | null {
  return connectionKeys.get(db) ?? null;
}

/**
 * The only door to a SQLite file. Every open — new file or existing, app or test —
 * gets the same pragmas, read back so a silently ignored pragma cannot slip by. With a
 * key, the cipher and key are set before any other statement touches the file.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly ?? false;
  const key = options.key ?? null;
  const db = new Database(file, { readonly, fileMustExist: readonly });
  try {
    if (key) applyKey(db, key);
    assertReadable(db, file, key !== null);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // Sorts and temp tables stay in memory: a temp file would hold decrypted rows on disk.
    if (key) db.pragma('temp_store = MEMORY');
    assertPragmas(db, readonly, key !== null);
    if (key) connectionKeys.set(db, key);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('E_DB_CORRUPT', undefined, [{ path: file, code: 'E_DB_OPEN', message: String(error) }]);
  }
}

function applyKey(db: Db, key: DatabaseKey): void {
  try {
    db.pragma(`cipher = '${CIPHER}'`);
    db.pragma(`legacy = ${CIPHER_LEGACY}`);
    db.pragma(`key = ${keyPragmaValue(key)}`);
  } catch {
    // Never pass the driver's message on: it could echo the statement, and with it the key.
    throw new Error('Setting the SQLCipher key failed (is the cipher build of the driver loaded?)');
  }
}

/** The first read decrypts page 1: a wrong key (or a file that is not ours) fails here, cleanly. */
function assertReadable(db: Db, file: string, keyed: boolean): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (keyed && code === 'SQLITE_NOTADB') {
      throw new AppError('E_DB_KEY', undefined, [{ path: file, code: 'E_DB_KEY', message: '密钥无法解密该文件' }]);
    }
    throw new AppError('E_DB_CORRUPT', undefined, [{ path: file, code: code ?? 'E_DB_OPEN', message: String(error) }]);
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

export interface CipherState {
  cipher: string;
  legacy: number;
  /** 2 = MEMORY. */
  tempStore: number;
}

export function readCipherState(db: Db): CipherState {
  return {
    cipher: String(db.pragma('cipher', { simple: true })),
    legacy: Number(db.pragma('legacy', { simple: true })),
    tempStore: Number(db.pragma('temp_store', { simple: true })),
  };
}

const SYNCHRONOUS_FULL = 2;
const TEMP_STORE_MEMORY = 2;

function assertPragmas(db: Db, readonly: boolean, keyed: boolean): void {
  const state = readPragmas(db);
  const ok =
    state.foreignKeys === 1 &&
    state.busyTimeout === BUSY_TIMEOUT_MS &&
    (readonly || (state.journalMode === 'wal' && state.synchronous === SYNCHRONOUS_FULL));
  if (!ok) throw new Error(`SQLite pragmas not applied: ${JSON.stringify(state)}`);
  if (!keyed) return;
  const cipher = readCipherState(db);
  if (cipher.cipher !== CIPHER || cipher.legacy !== CIPHER_LEGACY || cipher.tempStore !== TEMP_STORE_MEMORY) {
    throw new Error(`SQLCipher settings not applied: ${JSON.stringify(cipher)}`);
  }
}

/**
 * Encrypts a plain file in place with SQLite3 Multiple Ciphers' `rekey`. Only for a closed
 * copy nobody else opens (one written by VACUUM INTO): rekey refuses WAL files, and a crash
 * half way leaves a damaged file, so callers verify the result before trusting it.
 */
export function encryptPlainCopy(file: string, key: DatabaseKey): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (String(db.pragma('journal_mode', { simple: true })) === 'wal') db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = '${CIPHER}'`);
    db.pragma(`legacy = ${CIPHER_LEGACY}`);
    db.pragma(`rekey = ${keyPragmaValue(key)}`);
  } catch {
    throw new Error(`Encrypting ${file} failed`);
  } finally {
    db.close();
  }
  // rekey is silently a no-op in some states (a WAL file); the header tells the truth.
  if (databaseFileFormat(file) !== 'encrypted') throw new Error(`Encrypting ${file} left it plain`);
}

/** Folds the WAL back into the main file so a copied .sqlite3 is complete, then closes. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type FileFormat = 'absent' | 'empty' | 'plain' | 'encrypted';

/**
 * What a database file is, from its first 16 bytes: a plain SQLite file starts with
 * `SQLite format 3\0`; a SQLCipher file starts with its random salt. (Junk also reads as
 * `encrypted`; the keyed open then tells them apart only as "cannot decrypt".)
 */
export function databaseFileFormat(file: string): FileFormat {
  let handle: number;
  try {
    handle = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const header = Buffer.alloc(SQLITE_MAGIC.length);
    const read = fs.readSync(handle, header, 0, header.length, 0);
    if (read === 0) return 'empty';
    return read === header.length && header.equals(SQLITE_MAGIC) ? 'plain' : 'encrypted';
  } finally {
    fs.closeSync(handle);
  }
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
