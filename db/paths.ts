import os from 'node:os';
import path from 'node:path';

/** The product name Electron uses for `app.getPath('userData')`; web mode uses the same folder. */
export const PRODUCT_NAME = '黔招通';

/**
 * The per-user data folder: exactly where Electron's `app.getPath('userData')` points
 * (appData + product name), so the desktop app and web mode open one and the same database.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), PRODUCT_NAME);
  }
}
