/// <reference lib="dom" />
/**
 * Hardening of web mode, end to end (issue #7), beyond foundation.e2e.test.ts: who may call
 * /rpc from a real browser, what the CSP blocks, that one data folder serves one instance,
 * that a bad provisioning file stops the start with its reason, and that the database the
 * running app writes is unreadable on disk.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, ROOT, startWebApp, tempDir, type WebApp } from './harness';

let browser: Browser;
let app: WebApp;
let token: string;
const dirs: string[] = [];
const servers: http.Server[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const dataDir = tempDir('e2e-hardening');
  dirs.push(dataDir);
  app = await startWebApp(dataDir);
  const page = await browser.newPage();
  await page.goto(app.url);
  token = (await page.locator('meta[name="qz-token"]').getAttribute('content'))!;
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  for (const server of servers) server.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const rpcUrl = (method: string): string => new URL(`rpc/${method}`, app.url).toString();
const post = (method: string, headers: Record<string, string>, body = '{}'): Promise<Response> =>
  fetch(rpcUrl(method), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** A page on another origin (another loopback port), as a malicious local web page would be. */
async function foreignPage(): Promise<{ page: Page; origin: string }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>evil</title><p>evil</p>');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  return { page, origin };
}

describe('/rpc refuses callers that are not the app', () => {
  it.each([
    ['no token', {}, 401, 'E_UNAUTHORIZED'],
    ['an empty token', { 'x-qz-token': '' }, 401, 'E_UNAUTHORIZED'],
    ['a token one character off', { 'x-qz-token': 'TOKEN_PLACEHOLDER' }, 401, 'E_UNAUTHORIZED'],
    ['the right token from another origin', { 'x-qz-token': 'TOKEN', origin: 'http://evil.example' }, 403, 'E_FORBIDDEN_ORIGIN'],
    ['the right token from another loopback port', { 'x-qz-token': 'TOKEN', origin: 'http://127.0.0.1:1' }, 403, 'E_FORBIDDEN_ORIGIN'],
    ['the right token from an opaque origin (sandboxed iframe, file://)', { 'x-qz-token': 'TOKEN', origin: 'null' }, 403, 'E_FORBIDDEN_ORIGIN'],
    ['the right token from the desktop scheme', { 'x-qz-token': 'TOKEN', origin: 'app://qianzhao' }, 403, 'E_FORBIDDEN_ORIGIN'],
  ])('%s → %i', async (_label, headers, status, code) => {
    const resolved = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'TOKEN' ? token : v === 'TOKEN_PLACEHOLDER' ? `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` : v]));
    const response = await post('companies.list', resolved);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('the token is not accepted in the query string, and no CORS header ever invites another origin', async () => {
    const response = await fetch(`${rpcUrl('companies.list')}?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    const preflight = await fetch(rpcUrl('companies.list'), { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-qz-token' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.status).not.toBe(204);
  });

  it('a page on another origin, in Chromium, can neither call /rpc nor read the token from index.html', async () => {
    const { page } = await foreignPage();
    const outcome = await page.evaluate(async (target) => {
      const result: Record<string, string> = {};
      try {
        const response = await fetch(`${target}rpc/companies.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        result.rpc = `status ${response.status}`;
      } catch (error) {
        result.rpc = `blocked: ${String(error)}`;
      }
      try {
        const html = await (await fetch(target)).text();
        result.index = html.includes('qz-token') ? 'token leaked' : 'no token';
      } catch (error) {
        result.index = `blocked: ${String(error)}`;
      }
      try {
        // A form-like simple request (no preflight) still carries no token.
        const response = await fetch(`${target}rpc/companies.list`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' });
        result.simple = `opaque ${response.type}`;
      } catch (error) {
        result.simple = `blocked: ${String(error)}`;
      }
      return result;
    }, app.url);
    // The preflighted JSON call never reaches a handler; reading index.html is refused by CORS;
    // even an unreadable no-cors response is withheld (Cross-Origin-Resource-Policy: same-origin).
    expect(outcome.rpc).toMatch(/^blocked/);
    expect(outcome.index).toMatch(/^blocked/);
    expect(outcome.simple).toMatch(/^blocked/);
    await page.close();
  });
});

describe('the CSP in Chromium', () => {
  async function appPage(): Promise<{ page: Page; violations: string[] }> {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(app.url);
    await expect.poll(() => page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(true);
    return { page, violations };
  }

  it('allows scripts from the app itself only: no inline, no eval, nothing from elsewhere', async () => {
    // eval cannot be tried from page.evaluate (DevTools-injected code is exempt from CSP), so the header says it.
    const csp = (await fetch(app.url)).headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').map((part) => part.trim()).find((part) => part.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('blocks inline event handlers, javascript: URLs and scripts from elsewhere', async () => {
    const { page, violations } = await appPage();
    const ran = await page.evaluate(async () => {
      const flags = window as unknown as Record<string, boolean>;
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__handler = true');
      image.src = 'data:image/png;base64,broken';
      document.body.appendChild(image);
      const link = document.createElement('a');
      link.href = 'javascript:window.__jsUrl = true';
      document.body.appendChild(link);
      link.click();
      const external = document.createElement('script');
      external.src = 'https://cdn.example.invalid/x.js';
      const loaded = new Promise<string>((resolve) => {
        external.onload = () => resolve('loaded');
        external.onerror = () => resolve('refused');
      });
      document.head.appendChild(external);
      const external_ = await loaded;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { handler: flags.__handler === true, jsUrl: flags.__jsUrl === true, external: external_ };
    });
    expect(ran).toEqual({ handler: false, jsUrl: false, external: 'refused' });
    expect(violations.join('\n')).toContain('cdn.example.invalid');
    expect(violations.length).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('the page cannot be framed by another origin', async () => {
    const { page } = await foreignPage();
    const framed = await page.evaluate(async (target) => {
      const frame = document.createElement('iframe');
      frame.src = target;
      document.body.appendChild(frame);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      try {
        return frame.contentDocument?.title ?? 'no access';
      } catch {
        return 'no access';
      }
    }, app.url);
    expect(framed).not.toContain('黔招通');
    await page.close();
  });
});

/** Runs the built web mode with extra arguments until it exits; resolves with its code and output. */
function runWeb(args: string[], timeoutMs = 20_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'backend', 'web.mjs'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web mode did not exit:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('start-up refusals, each one clear line and exit 1', () => {
  it('a second instance on the same data folder', async () => {
    const { code, output } = await runWeb(['--data', app.dataDir]);
    expect(code).toBe(1);
    expect(output).toContain('该数据目录已被另一个黔招通实例使用');
    expect(output).toContain('[E_INSTANCE_LOCKED]');
  });

  it('a bad provisioning file given with --provision', async () => {
    const dataDir = tempDir('e2e-provision');
    dirs.push(dataDir);
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}-provision.json`);
    fs.writeFileSync(file, JSON.stringify({ version: 1, platformUrl: 'http://zhaoshang.example.gov.cn', team: '驻深圳工作队', enrollmentCode: 'ABCD-1234' }));
    try {
      const { code, output } = await runWeb(['--data', dataDir, '--provision', file]);
      expect(code).toBe(1);
      expect(output).toContain('平台地址必须以 https:// 开头');
      expect(output).toContain('[E_PROVISION_INVALID]');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe('data at rest while the app runs', () => {
  it('a company saved through /rpc is nowhere in plaintext on disk', async () => {
    const name = '黔东南苗族侗族自治州硬核测试企业有限公司';
    const response = await post('companies.create', { 'x-qz-token': token }, JSON.stringify({ name }));
    expect(response.status).toBe(200);
    const files = fs.readdirSync(app.dataDir, { recursive: true }).map(String).map((entry) => path.join(app.dataDir, entry)).filter((file) => fs.statSync(file).isFile());
    expect(files.some((file) => file.endsWith('qianzhao.sqlite3-wal'))).toBe(true);
    for (const file of files) expect(fs.readFileSync(file).includes(Buffer.from(name)), file).toBe(false);
  });
});
