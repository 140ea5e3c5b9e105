import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openAppDatabase } from '../db/database';
import { KEY_FILE } from '../db/keys/file-key-store';
import { generateKey, obtainKey } from '../db/keys/key';
import { chooseKeyStore, SAFE_KEY_FILE, safeStorageKeyStore, type SafeStorageLike } from './safe-storage-key-store';

// Worker threads, child processes and fsyncs: seconds each on a loaded build machine.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-safe-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stand-in for the OS keychain: XOR with a per-"login" secret, so another login cannot decrypt. */
function fakeSafeStorage(options: { available?: boolean; backend?: ReturnType<SafeStorageLike['getSelectedStorageBackend']>; login?: number } = {}): SafeStorageLike {
  const login = options.login ?? 7;
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (text) => Buffer.concat([Buffer.from([login]), Buffer.from(text).map((b) => b ^ login)]),
    decryptString: (data) => {
      if (data[0] !== login) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.subarray(1).map((b) => b ^ login)).toString();
    },
  };
}

describe('the keychain-held key', () => {
  it('round-trips through safeStorage; the file on disk holds only ciphertext', () => {
    const store = safeStorageKeyStore(dir, fakeSafeStorage(), 'linux');
    const { key, created } = obtainKey(store, false);
    expect(created).toBe(true);
    expect(store.load()?.equals(key)).toBe(true);
    const onDisk = fs.readFileSync(path.join(dir, SAFE_KEY_FILE), 'utf8');
    expect(onDisk).not.toContain(key.toString('hex'));
    expect(JSON.parse(onDisk)).toMatchObject({ format: 'qianzhao-db-key-safe', version: 1, backend: 'gnome_libsecret' });
  });

  it('another login (or a reset profile) cannot decrypt it: a clear E_DB_KEY_UNAVAILABLE, not a new key', () => {
    obtainKey(safeStorageKeyStore(dir, fakeSafeStorage({ login: 1 }), 'win32'), false);
    const other = safeStorageKeyStore(dir, fakeSafeStorage({ login: 2 }), 'win32');
    expect(() => obtainKey(other, true)).toThrow(expect.objectContaining({ code: 'E_DB_KEY_UNAVAILABLE', message: expect.stringContaining('同一系统账户') }));
  });

  it('a keyring that is not running now (Linux) is named, not guessed around', () => {
    obtainKey(safeStorageKeyStore(dir, fakeSafeStorage(), 'linux'), false);
    const locked = safeStorageKeyStore(dir, fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    expect(() => locked.load()).toThrow(expect.objectContaining({ code: 'E_DB_KEY_UNAVAILABLE', message: expect.stringContaining('gnome_libsecret') }));
    expect(() => safeStorageKeyStore(dir, fakeSafeStorage({ available: false }), 'linux').load()).toThrow(expect.objectContaining({ code: 'E_DB_KEY_UNAVAILABLE' }));
  });

  it('opens a real encrypted app database, and the key never appears in the data folder', () => {
    const store = safeStorageKeyStore(dir, fakeSafeStorage(), 'darwin');
    const app = openAppDatabase(dir, { keyStore: store });
    app.close();
    const key = store.load()!;
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isFile()) expect(fs.readFileSync(file).includes(Buffer.from(key.toString('hex'))), name).toBe(false);
    }
    openAppDatabase(dir, { keyStore: safeStorageKeyStore(dir, fakeSafeStorage(), 'darwin') }).close();
  });
});

describe('choosing the store', () => {
  it('a new folder: the OS keychain where it is real', () => {
    expect(chooseKeyStore(dir, fakeSafeStorage(), 'win32').kind).toBe('keychain');
    expect(chooseKeyStore(dir, fakeSafeStorage({ backend: 'kwallet5' }), 'linux').kind).toBe('keychain');
  });

  it('Linux without a keyring (basic_text) or no encryption at all: a private key file, said so in the reason', () => {
    const choice = chooseKeyStore(dir, fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    expect(choice).toMatchObject({ kind: 'file', reason: expect.stringContaining('basic_text') });
    expect(chooseKeyStore(dir, fakeSafeStorage({ available: false }), 'win32').kind).toBe('file');
  });

  it('an existing key stays where it is', () => {
    fs.writeFileSync(path.join(dir, KEY_FILE), '');
    expect(chooseKeyStore(dir, fakeSafeStorage(), 'win32').kind).toBe('file');
    fs.writeFileSync(path.join(dir, SAFE_KEY_FILE), '');
    expect(chooseKeyStore(dir, fakeSafeStorage({ available: false }), 'win32').kind).toBe('keychain');
  });

  it('refuses to save when the keychain is not a real one', () => {
    expect(() => safeStorageKeyStore(dir, fakeSafeStorage({ backend: 'basic_text' }), 'linux').save(generateKey())).toThrow(expect.objectContaining({ code: 'E_DB_KEY_UNAVAILABLE' }));
  });
});
