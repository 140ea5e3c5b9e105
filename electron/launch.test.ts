import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, findElectronBinary, planLaunch, startupMessage, type FsLike } from './launch';

/** A disk made of a file map; a value of '' is a binary, anything else a text file. */
function fakeFs(files: Record<string, string>): FsLike {
  return {
    existsSync: (p) => Object.hasOwn(files, p),
    readFileSync: (p) => {
      const content = files[p];
      if (content === undefined) throw new Error(`ENOENT: ${p}`);
      return content;
    },
  };
}

const pkg = '/repo/node_modules/electron';

describe('findElectronBinary', () => {
  it('reads path.txt and finds the binary inside dist/', () => {
    const fs = fakeFs({ [`${pkg}/path.txt`]: 'electron', [`${pkg}/dist/electron`]: '' });
    expect(findElectronBinary(pkg, fs)).toBe(`${pkg}/dist/electron`);
  });

  it('tolerates a trailing newline in path.txt', () => {
    const fs = fakeFs({ [`${pkg}/path.txt`]: 'Electron.app/Contents/MacOS/Electron\n', [`${pkg}/dist/Electron.app/Contents/MacOS/Electron`]: '' });
    expect(findElectronBinary(pkg, fs)).toBe(`${pkg}/dist/Electron.app/Contents/MacOS/Electron`);
  });

  it('is null when the package was installed without its download (our case)', () => {
    expect(findElectronBinary(pkg, fakeFs({}))).toBeNull();
  });

  it('is null when path.txt names a binary that is not there', () => {
    expect(findElectronBinary(pkg, fakeFs({ [`${pkg}/path.txt`]: 'electron' }))).toBeNull();
  });

  it('is null when path.txt is empty', () => {
    expect(findElectronBinary(pkg, fakeFs({ [`${pkg}/path.txt`]: '  \n' }))).toBeNull();
  });

  it('is null when path.txt cannot be read', () => {
    const throwing: FsLike = {
      existsSync: () => true,
      readFileSync: () => {
        throw new Error('EACCES');
      },
    };
    expect(findElectronBinary(pkg, throwing)).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the package does', () => {
    const fs = fakeFs({ '/opt/electron/electron': '' });
    expect(findElectronBinary(pkg, fs, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe('/opt/electron/electron');
    expect(findElectronBinary(pkg, fakeFs({}), { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBeNull();
  });

  it('builds Windows paths with path.win32', () => {
    const winPkg = 'C:\\repo\\node_modules\\electron';
    const fs = fakeFs({ [`${winPkg}\\path.txt`]: 'electron.exe', [`${winPkg}\\dist\\electron.exe`]: '' });
    expect(findElectronBinary(winPkg, fs, {}, path.win32)).toBe(`${winPkg}\\dist\\electron.exe`);
  });
});

describe('planLaunch and startupMessage', () => {
  const main = '/repo/dist/electron/main.cjs';

  it('serves web mode, in one bilingual line, when there is no binary', () => {
    const plan = planLaunch(null, main, true);
    expect(plan).toEqual({ kind: 'web' });
    const message = startupMessage(plan);
    expect(message).toBe('未找到 Electron 可执行文件（本机无法下载），改为网页模式启动 / No Electron binary here; serving web mode instead');
    expect(message).not.toContain('\n');
  });

  it('starts the desktop app when the binary and the build are there', () => {
    const plan = planLaunch('/bin/electron', main, true);
    expect(plan).toEqual({ kind: 'desktop', binary: '/bin/electron', mainEntry: main });
    expect(startupMessage(plan)).toContain('/bin/electron');
  });

  it('asks for a build rather than launching Electron on nothing', () => {
    const plan = planLaunch('/bin/electron', main, false);
    expect(plan.kind).toBe('not-built');
    expect(startupMessage(plan)).toContain(main);
  });
});

describe('exitCodeOf', () => {
  it('forwards the code, and counts a signal as failure', () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(3, null)).toBe(3);
    expect(exitCodeOf(null, 'SIGKILL')).toBe(1);
    expect(exitCodeOf(null, null)).toBe(0);
  });
});
