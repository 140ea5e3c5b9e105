import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileKeyStore, KEY_FILE } from './file-key-store';
import { generateKey, obtainKey } from './key';
import { memoryKeyStore } from './memory-key-store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-key-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('obtainKey', () => {
  it('makes a 32-byte random key on first run and returns the same one after', () => {
    const store = memoryKeyStore();
    const first = obtainKey(store, false);
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(32);
    const again = obtainKey(store, false);
    expect(again).toEqual({ key: first.key, created: false });
    expect(obtainKey(memoryKeyStore(), false).key.equals(first.key)).toBe(false);
  });

  it('never invents a key for a database that is already encrypted', () => {
    expect(() => obtainKey(memoryKeyStore(), true)).toThrow(expect.objectContaining({ code: 'E_DB_KEY_MISSING', message: expect.stringContaining('找不到它的密钥') }));
  });
});

describe.skipIf(process.platform === 'win32')('the key file (web mode)', () => {
  it('is created 0600 and reads back', () => {
    const store = fileKeyStore(dir);
    const { key } = obtainKey(store, false);
    const file = path.join(dir, KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(store.load()?.equals(key)).toBe(true);
    // The file holds the key as hex and nothing else of ours.
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ format: 'qianzhao-db-key', version: 1, key: key.toString('hex') });
  });

  it('refuses a key file others may read, with a clear Chinese message naming the fix', () => {
    obtainKey(fileKeyStore(dir), false);
    const file = path.join(dir, KEY_FILE);
    fs.chmodSync(file, 0o644);
    expect(() => fileKeyStore(dir).load()).toThrow(
      expect.objectContaining({ code: 'E_KEY_FILE_PERMISSIONS', message: expect.stringMatching(/权限为 644.*chmod 600/) }),
    );
    fs.chmodSync(file, 0o640);
    expect(() => fileKeyStore(dir).load()).toThrow(expect.objectContaining({ code: 'E_KEY_FILE_PERMISSIONS' }));
  });

  it('refuses a key file owned by another user', () => {
    obtainKey(fileKeyStore(dir), false);
    const otherUid = (process.getuid?.() ?? 0) + 1;
    expect(() => fileKeyStore(dir, { uid: otherUid }).load()).toThrow(expect.objectContaining({ code: 'E_KEY_FILE_PERMISSIONS', message: expect.stringContaining('属于另一个用户') }));
  });

  it('refuses a damaged key file instead of guessing', () => {
    fs.writeFileSync(path.join(dir, KEY_FILE), '{"format":"qianzhao-db-key","version":1,"key":"abc"}', { mode: 0o600 });
    expect(() => fileKeyStore(dir).load()).toThrow(expect.objectContaining({ code: 'E_DB_KEY_UNAVAILABLE' }));
    fs.writeFileSync(path.join(dir, KEY_FILE), 'x'.repeat(10_000), { mode: 0o600 });
    expect(() => fileKeyStore(dir).load()).toThrow(expect.objectContaining({ code: 'E_DB_KEY_UNAVAILABLE' }));
  });

  it('never replaces an existing key file', () => {
    const store = fileKeyStore(dir);
    store.save(generateKey());
    expect(() => store.save(generateKey())).toThrow(/refusing to replace/);
  });
});

describe('the key file on Windows', () => {
  it('skips POSIX mode checks (the profile folder ACL protects it)', () => {
    const store = fileKeyStore(dir, { platform: 'win32' });
    const { key } = obtainKey(store, false);
    fs.chmodSync(path.join(dir, KEY_FILE), 0o644);
    expect(store.load()?.equals(key)).toBe(true);
  });
});
