import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { writeNewPrivateFile } from '../fs-safe';
import { KEYCHAIN_KEY_FILE, keyFromHex, type DatabaseKey, type KeyStore } from './key';

/** Web mode's key file, beside the database. The desktop app keeps its key in the OS keychain instead. */
export const KEY_FILE = 'qianzhao.key';

const FORMAT = 'qianzhao-db-key';
/** The file holds one short JSON object; anything larger is not ours. */
const MAX_KEY_FILE_BYTES = 4096;

export interface FileKeyStoreOptions {
  /** Injected for tests: which platform's rules apply (Windows has no POSIX mode bits). */
  platform?: NodeJS.Platform;
  /** The uid that must own the file (POSIX); defaults to ours. */
  uid?: number;
}

/**
 * A key file only its user may read: created 0600, and refused when the mode lets the
 * group or others in, or another user owns it (a copied or tampered file). On Windows the
 * file sits in the user's own profile (%APPDATA%), whose ACL already keeps other users out.
 */
export function fileKeyStore(dataDir: string, options: FileKeyStoreOptions = {}): KeyStore {
  const file = path.join(dataDir, KEY_FILE);
  const platform = options.platform ?? process.platform;
  const uid = options.uid ?? process.getuid?.();
  return {
    description: file,
    load(): DatabaseKey | null {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new AppError('E_DB_KEY_UNAVAILABLE', undefined, [{ path: file, code: 'E_KEY_FILE_READ', message: String(error) }]);
      }
      if (!stat.isFile() || stat.size > MAX_KEY_FILE_BYTES) {
        throw new AppError('E_DB_KEY_UNAVAILABLE', undefined, [{ path: file, code: 'E_KEY_FILE_SHAPE', message: '密钥文件不是普通的小文件' }]);
      }
      if (platform !== 'win32') assertPrivate(file, stat, uid);
      return parseKeyFile(fs.readFileSync(file, 'utf8'), file);
    },
    save(key: DatabaseKey): void {
      fs.mkdirSync(dataDir, { recursive: true });
      // Never replaces a file: a concurrent first run cannot overwrite a key already in use.
      writeNewPrivateFile(file, `${JSON.stringify({ format: FORMAT, version: 1, key: key.toString('hex') })}\n`);
    },
  };
}

function assertPrivate(file: string, stat: fs.Stats, uid: number | undefined): void {
  const loose = (stat.mode & 0o077) !== 0;
  const foreign = uid !== undefined && stat.uid !== uid;
  if (!loose && !foreign) return;
  const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
  const reason = foreign ? `属于另一个用户（uid ${stat.uid}）` : `权限为 ${mode}，其他用户也能读取`;
  throw new AppError('E_KEY_FILE_PERMISSIONS', `数据库密钥文件 ${file} ${reason}，为保护数据已拒绝使用。请确认文件未被他人改动后执行：chmod 600 "${file}"（并确保属于当前用户）`, [
    { path: file, code: 'E_KEY_FILE_PERMISSIONS', message: reason },
  ]);
}

function parseKeyFile(text: string, file: string): DatabaseKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const record = parsed as { format?: unknown; version?: unknown; key?: unknown } | null;
  if (!record || record.format !== FORMAT || record.version !== 1 || typeof record.key !== 'string') {
    throw new AppError('E_DB_KEY_UNAVAILABLE', undefined, [{ path: file, code: 'E_KEY_MALFORMED', message: '密钥文件格式不正确' }]);
  }
  return keyFromHex(record.key, file);
}

/**
 * The store a plain-Node host (web mode, the CLI, tests, benches) uses for a data folder: the
 * key file. For a folder whose key the desktop app sealed in the OS keychain, which only
 * Electron can open, it says so plainly instead of reporting a missing key.
 */
export function dataFolderKeyStore(dataDir: string): KeyStore {
  const sealed = path.join(dataDir, KEYCHAIN_KEY_FILE);
  if (fs.existsSync(sealed)) {
    throw new AppError('E_DB_KEY_UNAVAILABLE', `此数据目录的密钥由桌面版保存在系统钥匙串中（${sealed}），网页模式和命令行无法读取。请用桌面版黔招通打开；备份与恢复请在桌面版「设置 › 数据备份」中操作`, [
      { path: sealed, code: 'E_DB_KEY_UNAVAILABLE', message: 'keychain-held key' },
    ]);
  }
  return fileKeyStore(dataDir);
}
