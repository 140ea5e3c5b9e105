import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { BACKUP_DIR, backupFileName } from '../backup/names';
import { sameCounts, tableCounts } from '../backup/verify';
import { copyFileDurable, fsyncDirectory, removeSidecars, renameWithRetry } from '../fs-safe';
import { closeDatabase, databaseFileFormat, encryptPlainCopy, openDatabase, type Db } from '../sql';
import type { DatabaseKey } from './key';

/**
 * Turns a plain database (from a version before encryption) into an encrypted one, in
 * place, without a moment where a crash could lose it:
 *   1. open the plain file (its WAL is recovered), note its schema version and row counts,
 *      VACUUM INTO a temp copy beside it, close (WAL folded back);
 *   2. encrypt the temp copy (rekey), open it with the key: quick_check (every page
 *      decrypts and passes SQLCipher's per-page HMAC, so every page is exactly what was
 *      written) and the same version and row counts, or stop here with the original untouched;
 *   3. copy the plain original aside to backups/pre-encryption-<time>.sqlite3, rename the
 *      encrypted copy over the original (atomic), open it once more and check again;
 *   4. only then delete the plain copy: kept, it would be the very plaintext we are removing.
 * A crash before 3 leaves the plain original (the next start starts over); after 3, the
 * encrypted file, and any plain copy left in backups/ is encrypted by `encryptPlainBackups`.
 */
export function encryptExistingDatabase(file: string, key: DatabaseKey, now: Date = new Date()): void {
  const temp = `${file}.encrypting`;
  fs.rmSync(temp, { force: true });
  const plain = openDatabase(file);
  let expected: Fingerprint;
  try {
    expected = fingerprint(plain);
    plain.prepare('VACUUM INTO ?').run(temp);
  } finally {
    closeDatabase(plain);
  }
  try {
    encryptPlainCopy(temp, key);
    assertSameContent(temp, key, expected);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new AppError('E_DB_ENCRYPT_FAILED', undefined, [{ path: file, code: 'E_DB_ENCRYPT_FAILED', message: error instanceof Error ? error.message : String(error) }]);
  }

  const backupDir = path.join(path.dirname(file), BACKUP_DIR);
  fs.mkdirSync(backupDir, { recursive: true });
  const aside = path.join(backupDir, backupFileName('risk', now, 'encryption'));
  copyFileDurable(file, aside);
  removeSidecars(file);
  renameWithRetry(temp, file);
  fsyncDirectory(path.dirname(file));
  try {
    assertSameContent(file, key, expected);
  } catch (error) {
    // Cannot happen unless the disk lies; put the original back and say so.
    renameWithRetry(aside, file);
    throw new AppError('E_DB_ENCRYPT_FAILED', undefined, [{ path: file, code: 'E_DB_ENCRYPT_VERIFY', message: String(error) }]);
  }
  fs.rmSync(aside, { force: true });
}

interface Fingerprint {
  schemaVersion: number;
  counts: Record<string, number>;
}

function fingerprint(db: Db): Fingerprint {
  return { schemaVersion: Number(db.pragma('user_version', { simple: true })), counts: tableCounts(db) };
}

/**
 * Not a content hash: db/content-hash.ts sorts every table by every column, a minute on a
 * 190 MB file. quick_check over an encrypted file already proves every page intact.
 */
function assertSameContent(file: string, key: DatabaseKey, expected: Fingerprint): void {
  const db = openDatabase(file, { readonly: true, key });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    const actual = fingerprint(db);
    if (actual.schemaVersion !== expected.schemaVersion || !sameCounts(actual.counts, expected.counts)) throw new Error('content differs after encryption');
  } finally {
    db.close();
  }
}

/**
 * Backups made before encryption existed (pre-migration copies) are plain too: each is
 * encrypted the same way (copy, rekey, verify, rename over). Returns how many; one that
 * fails is left as it was and reported, never deleted.
 */
export function encryptPlainBackups(backupDir: string, key: DatabaseKey, log: (line: string) => void = console.warn): number {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir);
  } catch {
    return 0;
  }
  let done = 0;
  for (const name of names) {
    if (!name.endsWith('.sqlite3')) continue;
    const file = path.join(backupDir, name);
    if (databaseFileFormat(file) !== 'plain') continue;
    const temp = `${file}.encrypting`;
    try {
      const source = openDatabase(file, { readonly: true });
      let expected: Fingerprint;
      try {
        expected = fingerprint(source);
        source.prepare('VACUUM INTO ?').run(temp);
      } finally {
        source.close();
      }
      encryptPlainCopy(temp, key);
      assertSameContent(temp, key, expected);
      renameWithRetry(temp, file);
      // The plain file's WAL (read into the copy above) must not be replayed onto the encrypted one.
      removeSidecars(file);
      done += 1;
    } catch (error) {
      fs.rmSync(temp, { force: true });
      log(`[backup] could not encrypt the old backup ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (done > 0) fsyncDirectory(backupDir);
  return done;
}
