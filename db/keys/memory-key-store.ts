import { generateKey, type DatabaseKey, type KeyStore } from './key';

/**
 * A key held in memory only: for tests that want encryption without touching a key file
 * (the real path otherwise: the same raw key, the same SQLCipher pragmas).
 */
export function memoryKeyStore(initial: DatabaseKey | null = null): KeyStore & { current(): DatabaseKey | null } {
  let key = initial;
  return {
    description: '内存（测试）',
    load: () => key,
    save(next) {
      if (key) throw new Error('memory key store already holds a key');
      key = next;
    },
    current: () => key,
  };
}

/** A store that already holds a fresh random key. */
export function memoryKeyStoreWithKey(): KeyStore & { current(): DatabaseKey | null } {
  return memoryKeyStore(generateKey());
}
