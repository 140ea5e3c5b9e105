/**
 * The decisions behind `npm start` (electron/start.ts), kept pure so they are tested
 * without an Electron binary, which this machine cannot download.
 */
import nodePath from 'node:path';

/** The two calls `findElectronBinary` needs; node:fs fits, tests pass a map. */
export interface FsLike {
  existsSync(filePath: string): boolean;
  readFileSync(filePath: string, encoding: 'utf8'): string;
}

/**
 * Where the `electron` package's binary is, or null when it was never downloaded.
 * Follows the package's own index.js (path.txt names the binary inside dist/, and
 * ELECTRON_OVERRIDE_DIST_PATH replaces dist/), but answers null instead of throwing,
 * and also checks that the binary is really there: path.txt can outlive a deleted dist/.
 */
export function findElectronBinary(electronPackageDir: string, fs: FsLike, env: Readonly<Record<string, string | undefined>> = {}, pathApi: Pick<typeof nodePath, 'join'> = nodePath): string | null {
  const pathFile = pathApi.join(electronPackageDir, 'path.txt');
  let executable = '';
  try {
    if (fs.existsSync(pathFile)) executable = fs.readFileSync(pathFile, 'utf8').trim();
  } catch {
    return null;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary: string;
  if (override) binary = pathApi.join(override, executable || 'electron');
  else if (executable) binary = pathApi.join(electronPackageDir, 'dist', executable);
  else return null;
  return fs.existsSync(binary) ? binary : null;
}

export type LaunchPlan = { kind: 'desktop'; binary: string; mainEntry: string } | { kind: 'web' } | { kind: 'not-built'; mainEntry: string };

/** Desktop when Electron and the built main process are both there; web mode when Electron is not. */
export function planLaunch(binary: string | null, mainEntry: string, mainEntryExists: boolean): LaunchPlan {
  if (binary === null) return { kind: 'web' };
  return mainEntryExists ? { kind: 'desktop', binary, mainEntry } : { kind: 'not-built', mainEntry };
}

/** The one line `npm start` prints for each plan: Chinese for people, English for the log reader. */
export function startupMessage(plan: LaunchPlan): string {
  switch (plan.kind) {
    case 'web':
      return '未找到 Electron 可执行文件（本机无法下载），改为网页模式启动 / No Electron binary here; serving web mode instead';
    case 'desktop':
      return `正在启动桌面版 / Starting the desktop app: ${plan.binary}`;
    case 'not-built':
      return `未找到已构建的主进程 ${plan.mainEntry}，请先运行构建 / Main process not built yet (${plan.mainEntry}); run the build first`;
  }
}

/** Child exit → our exit code: a signal-killed Electron is a failure, never a silent 0. */
export function exitCodeOf(code: number | null, signal: string | null): number {
  if (code !== null) return code;
  return signal === null ? 0 : 1;
}
