import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes a rename or a new file in `dir` durable (POSIX: the directory entry itself must be
 * flushed). Windows cannot open a directory for fsync and NTFS journals renames; skip there.
 */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let handle: number | null = null;
  try {
    handle = fs.openSync(dir, 'r');
    fs.fsyncSync(handle);
  } catch {
    // Some file systems (network shares) refuse; the data itself was already fsynced.
  } finally {
    if (handle !== null) fs.closeSync(handle);
  }
}

/** Copies a file and flushes the copy to disk before returning. */
export function copyFileDurable(from: string, to: string): void {
  fs.copyFileSync(from, to);
  const handle = fs.openSync(to, 'r+');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

/**
 * rename() that outlasts a brief lock: on Windows an antivirus or indexer may hold a file we
 * just closed for a moment. Atomic replace where the OS offers it (POSIX always; Windows
 * MoveFileEx with REPLACE_EXISTING, which Node uses).
 */
export function renameWithRetry(from: string, to: string, attempts = 10): void {
  for (let attempt = 1; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (attempt >= attempts || !RETRYABLE.has(code) || process.platform !== 'win32') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50 * attempt);
    }
  }
}

/** Removes a database's -wal and -shm companions (only ever after a clean close or when they are known to be stale). */
export function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Creates `file` readable only by its owner (0600) with `body`, flushed, and never replaces
 * an existing file: written under a temp name and hard-linked into place, which fails if the
 * name exists (FAT and other link-less file systems: a checked rename instead).
 */
export function writeNewPrivateFile(file: string, body: string | Buffer): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(handle, typeof body === 'string' ? Buffer.from(body) : body);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || fs.existsSync(file)) {
      fs.rmSync(temp, { force: true });
      throw new Error(`${file} already exists; refusing to replace it`);
    }
    fs.renameSync(temp, file);
  }
  fs.rmSync(temp, { force: true });
  fsyncDirectory(path.dirname(file));
}
