/// <reference lib="dom" />
// page.evaluate callbacks run in the page, so this file also sees DOM types.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startWebApp, tempDir, type WebApp } from './harness';

/**
 * The team lead's week, end to end in Chromium over two web-mode instances: a member
 * exports 本周日志, the lead imports it (approving the new device by its fingerprint,
 * after a dry-run preview), merges the company both of them logged, and downloads the 周报.
 */
let browser: Browser;
const running: WebApp[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(running.map((app) => app.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(prefix: string): Promise<WebApp> {
  const dataDir = tempDir(prefix);
  dirs.push(dataDir);
  const app = await startWebApp(dataDir);
  running.push(app);
  return app;
}

/** Calls the backend from the page, with the page's own token: seeding, not the thing under test. */
function rpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, input }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="qz-token"]')?.content ?? '';
      const response = await fetch(`/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-qz-token': token }, body: JSON.stringify(input) });
      const body = (await response.json()) as { data?: unknown; error?: { code: string; message: string } };
      if (!response.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
      return body.data as never;
    },
    { method, input },
  );
}

async function wired(page: Page): Promise<boolean> {
  const status = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="qz-token"]')?.content ?? '';
    return (await fetch('/rpc/weeklog.status', { method: 'POST', headers: { 'content-type': 'application/json', 'x-qz-token': token }, body: '{}' })).status;
  });
  return status !== 404;
}

describe('team lead in Chromium', () => {
  it('export on a member instance, import on the lead instance, merge a duplicate, download the 周报', { timeout: 180_000 }, async (context) => {
    const [member, lead] = await Promise.all([start('e2e-member'), start('e2e-lead')]);
    const memberPage = await browser.newPage();
    await memberPage.goto(member.url);
    // Until the weekly-log contract, handlers, /api/files and the routes are wired in, there is nothing to drive.
    if (!(await wired(memberPage))) context.skip('weekly logs are not wired into the app yet (docs/weeklog-format.md, "Wiring")');

    // The member logs a company (full-width credit code, as an IME types it) and a visit this week.
    const company = await rpc<{ id: string }>(memberPage, 'companies.create', { name: '深圳市大疆创新科技有限公司', creditCode: '９１４４０３００１９２２０３８２１６' });
    const today = await memberPage.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await rpc(memberPage, 'visits.create', { companyId: company.id, visitDate: today, kind: 'door_visit', participants: ['张三'], summary: '了解扩产计划' });

    await memberPage.goto(`${member.url}#/weeklog`);
    await memberPage.getByLabel('姓名').fill('张三');
    await memberPage.getByRole('button', { name: '保存' }).first().click();
    await memberPage.getByLabel('本周工作小结').fill('走访大疆，了解扩产计划');
    await memberPage.getByRole('button', { name: '保存' }).first().click();
    await expect.poll(() => memberPage.getByText('已保存本周工作情况').isVisible()).toBe(true);
    const fingerprint = (await memberPage.locator('code').first().textContent())!.trim();
    const downloading = memberPage.waitForEvent('download');
    await memberPage.getByRole('button', { name: '导出本周日志' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^张三_\d{4}-W\d{2}\.qzlog$/);
    const file = path.join(tempDir('e2e-files'), download.suggestedFilename());
    dirs.push(path.dirname(file));
    await download.saveAs(file);

    // The lead has logged the same company under its short, bracketed name.
    const leadPage = await browser.newPage();
    await leadPage.goto(lead.url);
    await rpc(leadPage, 'companies.create', { name: '大疆创新（深圳）科技有限公司', creditCode: '914403001922038216' });
    await leadPage.goto(`${lead.url}#/team`);
    await leadPage.locator('input[type=file]').setInputFiles(file);
    // Dry run: an unknown device is refused with its fingerprint; the lead approves it after checking.
    await expect.poll(() => leadPage.getByText(fingerprint).first().isVisible()).toBe(true);
    await leadPage.getByRole('button', { name: '核对并登记设备' }).click();
    await leadPage.getByRole('button', { name: '指纹一致，登记' }).click();
    await expect.poll(() => leadPage.getByText('预览（尚未导入）共 1 个文件：可导入 1 个').isVisible()).toBe(true);
    const before = await rpc<{ total: number }>(leadPage, 'companies.list', {});
    expect(before.total).toBe(1);
    await leadPage.getByRole('button', { name: '确认导入 1 个文件' }).click();
    await expect.poll(() => leadPage.getByText(/^共 1 个文件：导入 1 个，跳过 0 个，拒绝 0 个；新增 3 条/).isVisible()).toBe(true);

    // The same company from two people: merged, with everything following the survivor.
    await leadPage.getByRole('tab', { name: '重复企业' }).click();
    await expect.poll(() => leadPage.getByText('信用代码相同').isVisible()).toBe(true);
    await leadPage.getByRole('button', { name: '合并' }).first().click();
    await leadPage.getByRole('dialog').getByRole('button', { name: '合并' }).click();
    await expect.poll(() => leadPage.getByText(/^已合并到“/).isVisible()).toBe(true);
    await expect.poll(() => leadPage.getByText('没有发现重复的企业').isVisible()).toBe(true);
    const after = await rpc<{ total: number }>(leadPage, 'companies.list', {});
    expect(after.total).toBe(1);

    // The 周报 of this week, as a spreadsheet.
    await leadPage.goto(`${lead.url}#/reports`);
    await expect.poll(() => leadPage.getByRole('cell', { name: '张三' }).first().isVisible()).toBe(true);
    const report = leadPage.waitForEvent('download');
    await leadPage.getByRole('button', { name: '下载 Excel' }).click();
    const xlsx = await report;
    expect(xlsx.suggestedFilename()).toMatch(/_\d{4}-W\d{2}_周报\.xlsx$/);
    const saved = path.join(path.dirname(file), xlsx.suggestedFilename());
    await xlsx.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    await memberPage.close();
    await leadPage.close();
  });
});
