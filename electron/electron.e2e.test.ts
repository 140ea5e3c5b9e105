/**
 * The desktop shell in a real Electron. This machine cannot download Electron, so here the
 * whole suite is reported as skipped, by name, never as passed. Where a binary exists it
 * runs the built dist/electron/main.cjs against a throw-away data folder.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './launch';

const ROOT = path.resolve(import.meta.dirname, '..');
const MAIN_ENTRY = path.join(ROOT, 'dist', 'electron', 'main.cjs');

function electronBinary(): string | null {
  try {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    return findElectronBinary(packageDir, fs, process.env);
  } catch {
    return null;
  }
}

const binary = electronBinary();
const suiteName = binary ? 'desktop app in Electron' : 'desktop app in Electron — skipped: no Electron binary';

describe.skipIf(binary === null)(suiteName, () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (!fs.existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run the build first`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-electron-'));
    const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    delete env.ELECTRON_RUN_AS_NODE;
    app = await _electron.launch({ executablePath: binary!, args: [MAIN_ENTRY], env: { ...env, QZ_DATA_DIR: dataDir } });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens one window on the app origin', async () => {
    expect(page.url()).toMatch(/^app:\/\/qianzhao\//);
    expect(app.windows()).toHaveLength(1);
  });

  it('gives the page no Node: no require, no process', async () => {
    expect(await page.evaluate('typeof require')).toBe('undefined');
    expect(await page.evaluate('typeof process')).toBe('undefined');
  });

  it('exposes exactly the desktop bridge', async () => {
    expect(await page.evaluate('Object.keys(window.qianzhaoDesktop).sort()')).toEqual(['pickFiles', 'saveFile']);
    expect(await page.evaluate('typeof window.qianzhaoDesktop.pickFiles')).toBe('function');
  });

  it('blocks navigation away from the app', async () => {
    await page.evaluate("location.href = 'https://example.invalid/'");
    // A navigation that was allowed would have replaced the page by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(page.url()).toMatch(/^app:\/\/qianzhao\//);
  });

  it('opens no new window (plain http is not even handed to the browser)', async () => {
    expect(await page.evaluate("window.open('http://example.invalid/') === null")).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('creates the data folder: an encrypted database, its key (keychain-sealed or a private file), the instance lock', () => {
    const names = fs.readdirSync(dataDir);
    expect(names).toEqual(expect.arrayContaining(['qianzhao.sqlite3', 'qianzhao.lock']));
    expect(names.some((name) => name === 'qianzhao.key.safe' || name === 'qianzhao.key')).toBe(true);
    const header = fs.readFileSync(path.join(dataDir, 'qianzhao.sqlite3')).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\0');
  });

  it('the page cannot see the database key through the bridge or any global', async () => {
    const globals = (await page.evaluate('Object.keys(window).join(",")')) as string;
    expect(globals).not.toMatch(/key|cipher|sqlite/i);
  });
});

/**
 * The fuses burnt into a packaged build (electron-builder.yml `electronFuses`), read back with
 * @electron/fuses from the executable `npm run dist` left in release/. Needs that build, so it
 * runs on the release machine (docs/release.md) and is skipped here.
 */
function packagedExecutable(): string | null {
  const candidates = [
    path.join(ROOT, 'release', 'linux-unpacked', 'qianzhao'),
    path.join(ROOT, 'release', 'linux-arm64-unpacked', 'qianzhao'),
    path.join(ROOT, 'release', 'win-unpacked', 'qianzhao.exe'),
  ];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

const packaged = packagedExecutable();
const fusesSuite = packaged ? `fuses of the packaged build (${path.relative(ROOT, packaged)})` : 'fuses of the packaged build — skipped: no Electron binary (no packaged build in release/; run npm run dist)';

describe.skipIf(packaged === null)(fusesSuite, () => {
  it('runAsNode, NODE_OPTIONS and --inspect are off; only the integrity-checked app.asar loads', async () => {
    // @electron/fuses comes with electron-builder (it flips the fuses at package time).
    const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
    const wire = (await getCurrentFuseWire(packaged!)) as unknown as Record<number, number>;
    // FuseState.ENABLE is '1' (0x31); DISABLE '0' (0x30).
    const on = (option: number): boolean => wire[option] === 0x31;
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
  });

  it('the cipher driver is unpacked beside app.asar, built for Electron', () => {
    const resources = path.join(path.dirname(packaged!), 'resources');
    const addon = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
    expect(fs.existsSync(addon)).toBe(true);
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3'))).toBe(false);
  });
});
