/**
 * The desktop app's database key, held by the OS keychain through Electron safeStorage
 * (Windows DPAPI, macOS Keychain, Linux Secret Service / KWallet): the key is encrypted by
 * the OS for this user login and the ciphertext is kept in the data folder. Electron is
 * injected (`SafeStorageLike`), so all of this runs under plain Node tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { AppError } from '../shared/errors';
import { writeNewPrivateFile } from '../db/fs-safe';
import { fileKeyStore, KEY_FILE } from '../db/keys/file-key-store';
import { KEYCHAIN_KEY_FILE, keyFromHex, type DatabaseKey, type KeyStore } from '../db/keys/key';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export const SAFE_KEY_FILE = KEYCHAIN_KEY_FILE;
const FORMAT = 'qianzhao-db-key-safe';
const MAX_FILE_BYTES = 16 * 1024;

/** Linux backends that are a real keyring; `basic_text` is a hard-coded password, i.e. none. */
const LINUX_KEYRINGS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

function backendName(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'dpapi';
  if (platform === 'darwin') return 'keychain';
  return safeStorage.getSelectedStorageBackend();
}

/** Whether safeStorage here is a real OS keychain, not Chromium's plain-text fallback. */
export function keychainUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || LINUX_KEYRINGS.has(safeStorage.getSelectedStorageBackend());
}

function unavailable(file: string, reason: string): AppError {
  return new AppError('E_DB_KEY_UNAVAILABLE', `无法从系统钥匙串取回数据库密钥：${reason}。请用安装黔招通时的同一系统账户登录${process.platform === 'linux' ? '，并确认桌面的密钥环（钥匙串）已解锁' : ''}后再打开；如仍不行，请联系管理员`, [
    { path: file, code: 'E_DB_KEY_UNAVAILABLE', message: reason },
  ]);
}

export function safeStorageKeyStore(dataDir: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): KeyStore {
  const file = path.join(dataDir, SAFE_KEY_FILE);
  return {
    description: `系统钥匙串（${file}）`,
    load(): DatabaseKey | null {
      let text: string;
      try {
        if (fs.statSync(file).size > MAX_FILE_BYTES) throw unavailable(file, '密钥文件过大，不是黔招通写的');
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        if (error instanceof AppError) throw error;
        throw unavailable(file, '无法读取密钥文件');
      }
      let record: { format?: unknown; version?: unknown; backend?: unknown; data?: unknown };
      try {
        record = JSON.parse(text) as typeof record;
      } catch {
        throw unavailable(file, '密钥文件已损坏');
      }
      if (record.format !== FORMAT || record.version !== 1 || typeof record.data !== 'string' || typeof record.backend !== 'string') throw unavailable(file, '密钥文件格式不正确');
      if (!safeStorage.isEncryptionAvailable()) throw unavailable(file, '系统钥匙串当前不可用');
      const current = backendName(safeStorage, platform);
      if (current !== record.backend) throw unavailable(file, `密钥由 ${record.backend} 保管，当前可用的是 ${current}`);
      let hex: string;
      try {
        hex = safeStorage.decryptString(Buffer.from(record.data, 'base64'));
      } catch {
        throw unavailable(file, '系统拒绝解密（可能换了系统账户，或系统账户被重置）');
      }
      return keyFromHex(hex, file);
    },
    save(key: DatabaseKey): void {
      if (!keychainUsable(safeStorage, platform)) throw unavailable(file, '系统钥匙串不可用');
      const data = safeStorage.encryptString(key.toString('hex')).toString('base64');
      fs.mkdirSync(dataDir, { recursive: true });
      writeNewPrivateFile(file, `${JSON.stringify({ format: FORMAT, version: 1, backend: backendName(safeStorage, platform), data })}\n`);
    },
  };
}

export interface KeyStoreChoice {
  store: KeyStore;
  kind: 'keychain' | 'file';
  /** Why, for the log (never shown with the key). */
  reason: string;
}

/**
 * Which store holds this data folder's key. An existing key is always used where it is (a
 * key moved between stores is a key that can be lost half way). A new key goes to the OS
 * keychain when it is a real one; on a Linux desktop without a keyring (Chromium would fall
 * back to a hard-coded password) it goes to a file only this user may read, and the log
 * says so: the same protection web mode has, and honest about it.
 */
export function chooseKeyStore(dataDir: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform, exists: (file: string) => boolean = fs.existsSync): KeyStoreChoice {
  if (exists(path.join(dataDir, SAFE_KEY_FILE))) return { store: safeStorageKeyStore(dataDir, safeStorage, platform), kind: 'keychain', reason: 'existing keychain-held key' };
  if (exists(path.join(dataDir, KEY_FILE))) return { store: fileKeyStore(dataDir, { platform }), kind: 'file', reason: 'existing key file' };
  if (keychainUsable(safeStorage, platform)) return { store: safeStorageKeyStore(dataDir, safeStorage, platform), kind: 'keychain', reason: `new key in ${backendName(safeStorage, platform)}` };
  return { store: fileKeyStore(dataDir, { platform }), kind: 'file', reason: `no OS keychain here (${platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'unavailable'}); key file readable only by this user` };
}
