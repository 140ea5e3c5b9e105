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
});
