import fs from 'node:fs';
import path from 'node:path';
import { writeNewPrivateFile } from '../fs-safe';
import type { SyncCredentials } from './client';

/** Where the device token lives. Web mode: a 0600 file beside the database; Electron can wrap it with safeStorage. */
export interface SyncTokenStore {
  load(): SyncCredentials | null;
  save(credentials: SyncCredentials): void;
}

export const TOKEN_FILE = 'sync-token.json';

/**
 * A token file only its user may read, like the database key file (db/keys/file-key-store.ts):
 * created 0600, refused when the group or others may read it or another user owns it.
 */
export function fileTokenStore(dataDir: string): SyncTokenStore {
  const file = path.join(dataDir, TOKEN_FILE);
  return {
    load() {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        return null;
      }
      if (process.platform !== 'win32') {
        if ((stat.mode & 0o077) !== 0) throw new Error(`${file} 可被其他用户读取，已拒绝使用；请删除后重新注册设备`);
        const uid = process.getuid?.();
        if (uid !== undefined && stat.uid !== uid) throw new Error(`${file} 不属于当前用户，已拒绝使用`);
      }
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SyncCredentials>;
      return typeof parsed.platformUrl === 'string' && typeof parsed.token === 'string' ? { platformUrl: parsed.platformUrl, token: parsed.token } : null;
    },
    save(credentials) {
      fs.rmSync(file, { force: true });
      writeNewPrivateFile(file, JSON.stringify({ platformUrl: credentials.platformUrl, token: credentials.token }));
    },
  };
}

/** For tests and the bench. */
export function memoryTokenStore(initial: SyncCredentials | null = null): SyncTokenStore {
  let value = initial;
  return {
    load: () => value,
    save: (credentials) => {
      value = credentials;
    },
  };
}
