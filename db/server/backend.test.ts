import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRpcClient, RpcError, TOKEN_HEADER } from '../../shared/rpc-client';
import { contentHash } from '../content-hash';
import { openAppDatabaseFile } from '../database';
import { createBackend, type Backend } from './backend';

const ORIGIN = 'http://127.0.0.1:5999';
const TOKEN = 'test-token-0123456789abcdef';
let dir: string;
let rendererDir: string;
let backend: Backend;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-backend-'));
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  backend = createBackend({ dataDir: path.join(dir, 'data'), rendererDir, token: TOKEN, origin: ORIGIN });
});
afterEach(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function rpcRequest(method: string, body: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, origin: ORIGIN, ...headers },
    body,
  });
}

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, code: body.error.code, message: body.error.message };
}

function dbHash(): string {
  backend.close();
  const db = openAppDatabaseFile(path.join(dir, 'data'));
  try {
    return contentHash(db);
  } finally {
    db.close();
    backend = createBackend({ dataDir: path.join(dir, 'data'), rendererDir, token: TOKEN, origin: ORIGIN });
  }
}

describe('rpc through the typed client', () => {
  const call = () => createRpcClient({ token: TOKEN, baseUrl: ORIGIN, fetch: (input, init) => backend.fetch(new Request(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: ORIGIN } })) });

  it('creates and lists companies, newest first', async () => {
    const rpc = call();
    await rpc('companies.create', { name: '  深圳市大疆创新科技有限公司 ' });
    await rpc('companies.create', { name: '比亚迪股份有限公司' });
    const page = await rpc('companies.list', { limit: 10, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map((c) => c.name)).toEqual(['比亚迪股份有限公司', '深圳市大疆创新科技有限公司']);
  });

  it('surfaces a validation error as RpcError with its code and a Chinese message', async () => {
    const error = await call()('companies.create', { name: '   ' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe('E_VALIDATION');
    expect((error as RpcError).message).toContain('请输入企业名称');
    expect((error as RpcError).details[0]?.path).toBe('name');
  });
});

describe('rpc refuses bad input before any handler runs, and writes nothing', () => {
  const cases: [string, string, string][] = [
    ['empty name', 'companies.create', '{"name":""}'],
    ['name of wrong type', 'companies.create', '{"name":42}'],
    ['unknown field', 'companies.create', '{"name":"甲公司","id":"x"}'],
    ['overlong name', 'companies.create', JSON.stringify({ name: '长'.repeat(201) })],
    ['array instead of object', 'companies.create', '["甲公司"]'],
    ['negative offset', 'companies.list', '{"offset":-1}'],
  ];
  it.each(cases)('%s → 400 E_VALIDATION', async (_label, method, body) => {
    const before = dbHash();
    const response = await backend.fetch(rpcRequest(method, body));
    expect(await errorOf(response)).toMatchObject({ status: 400, code: 'E_VALIDATION' });
    expect(dbHash()).toBe(before);
  });

  it('malformed JSON → 400 E_BAD_REQUEST', async () => {
    expect(await errorOf(await backend.fetch(rpcRequest('companies.create', '{"name":')))).toMatchObject({ status: 400, code: 'E_BAD_REQUEST' });
  });

  it('unknown method → 404 E_UNKNOWN_METHOD', async () => {
    expect(await errorOf(await backend.fetch(rpcRequest('companies.drop', '{}')))).toMatchObject({ status: 404, code: 'E_UNKNOWN_METHOD' });
  });

  it('prototype-ish method names are unknown, not handlers', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect((await backend.fetch(rpcRequest(name, '{}'))).status).toBe(404);
    }
  });

  it('oversize body → 413 and nothing written', async () => {
    const before = dbHash();
    const response = await backend.fetch(rpcRequest('companies.create', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) })));
    expect(await errorOf(response)).toMatchObject({ status: 413, code: 'E_PAYLOAD_TOO_LARGE' });
    expect(dbHash()).toBe(before);
  });

  it('a non-JSON content type is refused', async () => {
    expect((await backend.fetch(rpcRequest('companies.list', '{}', { 'content-type': 'text/plain' }))).status).toBe(415);
  });

  it('GET on /rpc is refused', async () => {
    expect((await backend.fetch(new Request(`${ORIGIN}/rpc/companies.list`, { headers: { [TOKEN_HEADER]: TOKEN } }))).status).toBe(405);
  });
});

describe('who may call', () => {
  it('no token → 401', async () => {
    const request = new Request(`${ORIGIN}/rpc/companies.list`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: '{}' });
    expect(await errorOf(await backend.fetch(request))).toMatchObject({ status: 401, code: 'E_UNAUTHORIZED' });
  });

  it('wrong token → 401', async () => {
    expect((await backend.fetch(rpcRequest('companies.list', '{}', { [TOKEN_HEADER]: `${TOKEN}x` }))).status).toBe(401);
  });

  it.each(['http://evil.example', 'http://127.0.0.1:6000', 'null', 'app://qianzhao'])('foreign Origin %s → 403', async (origin) => {
    expect(await errorOf(await backend.fetch(rpcRequest('companies.list', '{}', { origin })))).toMatchObject({ status: 403, code: 'E_FORBIDDEN_ORIGIN' });
  });

  it('localhost on the same port is the same origin', async () => {
    const request = new Request('http://localhost:5999/rpc/companies.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, origin: 'http://localhost:5999' },
      body: '{}',
    });
    expect((await backend.fetch(request)).status).toBe(200);
  });

  it('a foreign Host (DNS rebinding) cannot even read index.html', async () => {
    const response = await backend.fetch(new Request('http://rebind.evil:5999/'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(TOKEN);
  });
});

describe('static files', () => {
  it('index.html carries the token and the security headers', async () => {
    const response = await backend.fetch(new Request(`${ORIGIN}/`));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`<meta name="qz-token" content="${TOKEN}">`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves assets with a long cache and app routes with index.html', async () => {
    const asset = await backend.fetch(new Request(`${ORIGIN}/assets/app.js`));
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await backend.fetch(new Request(`${ORIGIN}/companies`))).text()).toContain('qz-token');
    expect((await backend.fetch(new Request(`${ORIGIN}/assets/missing.js`))).status).toBe(404);
  });

  it.each(['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/%252e%252e/secret.txt'])('%s does not leave the renderer folder', async (pathname) => {
    const response = await backend.fetch(new Request(`${ORIGIN}${pathname}`));
    expect(await response.text()).not.toContain('do not serve');
    expect(response.status).toBe(404);
  });
});
