/// <reference lib="dom" />
// Ledger import with the mapping step, the cockpit, and a click from 开工率 to its projects.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HlcClock } from '../../shared/sync/hlc';
import { openAppDatabase } from '../../db/database';
import { seedCockpitFixture } from '../../db/features/cockpit/test-fixture';
import { messyLedgerXlsx } from '../../db/features/ledger/test-fixtures';
import { launchChromium, startWebApp, tempDir, type WebApp } from './harness';

let browser: Browser;
let app: WebApp;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  dataDir = tempDir('e2e-cockpit');
  // The hand-computed cockpit fixture, written the way the app writes (through the writer).
  const db = openAppDatabase(dataDir);
  const now = () => new Date();
  seedCockpitFixture(db.db, { deviceId: db.deviceId, userId: db.userId, teamId: null, clock: new HlcClock(db.deviceId, () => Date.now()), now });
  db.close();
  browser = await launchChromium();
  app = await startWebApp(dataDir);
  page = await browser.newPage({ acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('cockpit and ledger in Chromium', () => {
  it('imports a messy ledger through the mapping step and the preview', async () => {
    const file = path.join(dataDir, '2023年签约项目台账.xlsx');
    fs.writeFileSync(file, await messyLedgerXlsx());
    await page.goto(`${app.url}#/ledger`);
    await expect.poll(() => page.getByRole('heading', { name: '导入台账' }).isVisible()).toBe(true);
    await page.locator('input[type=file]').setInputFiles(file);

    // Mapping: the two-row merged header was found and every column guessed; the user can change them.
    const mapping = page.getByRole('table', { name: '列对应' });
    await expect.poll(() => mapping.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByLabel('表头起始行').inputValue()).toBe('2');
    expect(await page.getByLabel('表头结束行').inputValue()).toBe('3');
    expect(await mapping.getByText('项目基本情况/项目名称').isVisible()).toBe(true);
    expect(await page.getByLabel('B 列对应字段').locator('..').locator('..').innerText()).toContain('项目名称');

    await page.getByRole('button', { name: '预览' }).click();
    const rows = page.getByRole('table', { name: '逐行结果' });
    await expect.poll(() => rows.isVisible(), { timeout: 20_000 }).toBe(true);
    // Errors first, each with its cell and reason.
    expect(await rows.innerText()).toContain('D7：统一社会信用代码校验位错误');
    expect(await rows.innerText()).toContain('C9：缺少企业名称');

    await page.getByRole('button', { name: '导入 4 行' }).click();
    await expect.poll(() => page.getByText('导入完成').isVisible(), { timeout: 30_000 }).toBe(true);
    const log = page.getByRole('table', { name: '导入记录' });
    await expect.poll(() => log.getByText('新增 4 · 更新 0').isVisible()).toBe(true);
  });

  it('opens the cockpit, explains 开工率 on hover, and clicks through to the projects behind it', async () => {
    await page.goto(`${app.url}#/cockpit?from=2025-01-01&to=2025-12-31`);
    const started = page.getByRole('button', { name: '开工率：40.0%，查看明细' });
    await expect.poll(() => started.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('button', { name: '入园率：60.0%，查看明细' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '投产率：20.0%，查看明细' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '资金到位率：29.5%，查看明细' }).isVisible()).toBe(true);

    await page.locator('[data-rate=started]').getByText('开工率').hover();
    await expect.poll(() => page.getByRole('tooltip').innerText()).toContain('实际开工日期不晚于期末的项目数 ÷ 期内签约项目数');

    await started.click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByTestId('drill-total').innerText()).toBe('共 2 条');
    const names = await drawer.getByRole('table').getByRole('link').allInnerTexts();
    expect(names.filter((name) => name.startsWith('项目'))).toEqual(['项目P2', '项目P1']);
    const link = drawer.getByRole('link', { name: '在项目列表中查看' });
    expect(await link.getAttribute('href')).toBe('#/projects?signedFrom=2025-01-01&signedTo=2025-12-31&startedBy=2025-12-31');
    await drawer.getByRole('link', { name: '项目P1' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/projects\/[0-9a-f-]{36}$/);
  });

  it('saves a chart as PNG', async () => {
    await page.goto(`${app.url}#/cockpit?from=2025-01-01&to=2025-12-31`);
    const button = page.getByRole('button', { name: '项目阶段分布（当前）：导出图片' });
    await expect.poll(() => button.isVisible(), { timeout: 20_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('驾驶舱_项目阶段.png');
    const saved = path.join(dataDir, 'chart.png');
    await download.saveAs(saved);
    expect([...fs.readFileSync(saved).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
