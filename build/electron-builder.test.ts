/**
 * electron-builder.yml is checked here with electron-builder's own validator (the same call
 * `npm run dist` makes first) and for the settings issue #7 requires; building the
 * installers themselves needs a release machine (docs/release.md).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const yaml = require('js-yaml') as { load(text: string): unknown };
interface BuilderConfig {
  win: { target: unknown };
  nsis: object;
  linux: { target: unknown };
  deb: { depends: string[] };
  npmRebuild: boolean;
  beforePack: string;
  asarUnpack: string[];
  files: unknown[];
  electronFuses: object;
}
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  }, 60_000);

  it('Windows: an assisted, per-machine NSIS installer in Chinese with a choice of folder and shortcuts', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      language: '2052',
      installerLanguages: ['zh_CN'],
      runAfterFinish: false,
      deleteAppDataOnUninstall: false,
      include: 'build/installer.nsh',
    });
    expect(fs.readFileSync(path.join(root, 'build', 'installer.nsh'), 'utf8')).toContain('$EXEDIR\\qianzhao-provision.json');
  });

  it('Linux: deb for x64 and arm64, an AppImage, and libsecret for the keyring', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64'] },
    ]);
    expect(config.deb.depends).toContain('libsecret-1-0');
  });

  it('the cipher driver: unpacked from the asar, Node build excluded, Electron build from the beforePack staging', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('./build/before-pack.cjs');
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3-multiple-ciphers/**']);
    expect(config.files).toEqual(expect.arrayContaining(['!**/node_modules/better-sqlite3-multiple-ciphers/build/**', '!**/node_modules/better-sqlite3/**']));
    expect(config.files).toContainEqual({ from: 'release/.native/${os}-${arch}/node_modules/better-sqlite3-multiple-ciphers/build/Release', to: 'node_modules/better-sqlite3-multiple-ciphers/build/Release', filter: ['better_sqlite3.node'] });
    expect(fs.readFileSync(path.join(root, 'build', 'before-pack.cjs'), 'utf8')).toContain("const PACKAGE = 'better-sqlite3-multiple-ciphers'");
  });

  it('fuses: no run-as-node, no NODE_OPTIONS, no --inspect, only the integrity-checked app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
