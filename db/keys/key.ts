import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';

/**
 * The database key: 32 random bytes, handed to SQLCipher as a raw key (`x'…'`), so no
 * passphrase derivation runs on open (PBKDF2 would cost ~300 ms per connection; the key is
 * already uniformly random). It lives only in the backend's memory and in its KeyStore;
 * no RPC returns it and nothing logs it.
 */
export type DatabaseKey = Buffer & { readonly __databaseKey: unique symbol };

export const KEY_BYTES = 32;

/** Where the desktop app keeps its keychain-sealed key (electron/safe-storage-key-store.ts); only Electron can open it. */
export const KEYCHAIN_KEY_FILE = 'qianzhao.key.safe';

export function generateKey(): DatabaseKey {
  return randomBytes(KEY_BYTES) as DatabaseKey;
}

/** Accepts exactly 64 hex digits; anything else is a damaged key store, not a key. */
export function keyFromHex(hex: string, where: string): DatabaseKey {
  const trimmed = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) throw new AppError('E_DB_KEY_UNAVAILABLE', undefined, [{ path: where, code: 'E_KEY_MALFORMED', message: '密钥内容不是 64 位十六进制数' }]);
  return Buffer.from(trimmed, 'hex') as DatabaseKey;
}

export function keyFromBuffer(buffer: Buffer): DatabaseKey {
  if (buffer.length !== KEY_BYTES) throw new Error(`A database key has ${KEY_BYTES} bytes, not ${buffer.length}`);
  return Buffer.from(buffer) as DatabaseKey;
}

/** The value for `PRAGMA key = …`: SQLCipher's raw-key literal. */
export function keyPragmaValue(key: DatabaseKey): string {
  return `"x'${key.toString('hex')}'"`;
}

/**
 * Where a data folder's key is kept: the OS keychain through Electron safeStorage
 * (electron/safe-storage-key-store.ts) or, in web mode and tests, a file only its user
 * may read (file-key-store.ts). A store never invents a key; `obtainKey` decides.
 */
export interface KeyStore {
  /** For messages and logs: where the key is, never the key. */
  readonly description: string;
  /** The stored key, or null when this store has never held one. Throws AppError when one is stored but cannot be read. */
  load(): DatabaseKey | null;
  /** Stores a new key. Refuses to replace an existing one: a lost key is a lost database. */
  save(key: DatabaseKey): void;
}

/**
 * The key for a data folder. A key is generated only when the store has none AND the
 * database is not already encrypted (new, or a plain file about to be encrypted): an
 * encrypted database whose key is gone must fail loudly, never be "fixed" by a new key.
 */
export function obtainKey(store: KeyStore, databaseIsEncrypted: boolean): { key: DatabaseKey; created: boolean } {
  const stored = store.load();
  if (stored) return { key: stored, created: false };
  if (databaseIsEncrypted) {
    throw new AppError('E_DB_KEY_MISSING', undefined, [{ path: store.description, code: 'E_DB_KEY_MISSING', message: `未在 ${store.description} 找到密钥` }]);
  }
  const key = generateKey();
  store.save(key);
  // Read it back: a store that cannot return what it was given must fail now, before any data depends on it.
  const again = store.load();
  if (!again || !again.equals(key)) throw new AppError('E_DB_KEY_UNAVAILABLE', undefined, [{ path: store.description, code: 'E_KEY_READBACK', message: '新密钥写入后无法读回' }]);
  return { key, created: true };
}
