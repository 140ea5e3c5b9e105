import os from 'node:os';
import path from 'node:path';

/** The per-user data folder, where each OS keeps application data. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Qianzhao');
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', 'Qianzhao');
    default:
      return path.posix.join(env.XDG_DATA_HOME ?? path.posix.join(home, '.local', 'share'), 'qianzhao');
  }
}
