/// <reference lib="dom" />
// page.evaluate callbacks run in the page, so this file also sees DOM types.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startWebApp, tempDir, type WebApp } from './harness';

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

async function start(dataDir: string): Promise<WebApp> {
  const app = await startWebApp(dataDir);
  running.push(app);
  return app;
}

describe('web mode in Chromium', () => {
  it('adds a company, and it is still listed after the server restarts', async () => {
    const dataDir = tempDir('e2e-foundation');
    dirs.push(dataDir);
    const first = await start(dataDir);
    const page = await browser.newPage();
    await page.goto(first.url);
    await expect.poll(() => page.getByRole('heading', { name: '企业名录' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: '新增企业' }).click();
    await page.getByLabel('企业名称').fill('深圳市大疆创新科技有限公司');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '深圳市大疆创新科技有限公司' }).count()).toBe(1);

    // An empty name is refused by the form, and nothing new is listed.
    await page.getByRole('button', { name: '新增企业' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('请输入企业名称').isVisible()).toBe(true);

    await first.stop();
    const second = await start(dataDir);
    await page.goto(second.url);
    await expect.poll(() => page.getByRole('cell', { name: '深圳市大疆创新科技有限公司' }).count()).toBe(1);
    expect(await page.getByText('共 1 条').isVisible()).toBe(true);
    await page.close();
  });

  it('every page carries the CSP header, and an inline script does not run', async () => {
    const dataDir = tempDir('e2e-csp');
    dirs.push(dataDir);
    const app = await start(dataDir);
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(app.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
    // The page itself works under that policy: the app rendered its navigation.
    expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(true);
    await page.close();
  });

  it('/rpc without the token gets 401, with another Origin 403', async () => {
    const dataDir = tempDir('e2e-token');
    dirs.push(dataDir);
    const app = await start(dataDir);
    const rpc = new URL('rpc/companies.list', app.url).toString();
    const noToken = await fetch(rpc, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe('E_UNAUTHORIZED');

    const page = await browser.newPage();
    await page.goto(app.url);
    const token = await page.locator('meta[name="qz-token"]').getAttribute('content');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const foreign = await fetch(rpc, { method: 'POST', headers: { 'content-type': 'application/json', 'x-qz-token': token!, origin: 'http://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const ok = await fetch(rpc, { method: 'POST', headers: { 'content-type': 'application/json', 'x-qz-token': token! }, body: '{}' });
    expect(ok.status).toBe(200);
    await page.close();
  });
});
