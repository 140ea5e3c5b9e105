import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from './test-support/harness';
import { useStores } from './test-support/stores';

describe('the OpenAPI document', () => {
  const stores = useStores('sqlite');
  let t: TestPlatform;
  beforeAll(async () => {
    t = await TestPlatform.open(await stores.newConfig());
  });
  afterAll(() => t.close());

  const routes = () =>
    t.platform.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);

  it('documents every route the app serves, and nothing it does not', async () => {
    const reply = await t.request('GET', '/api/v1/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.json.openapi).toBe('3.1.0');
    const documented = Object.entries(reply.json.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect([...new Set(routes())].sort()).toEqual(documented.sort());
  });

  it('resolves every $ref inside the document', async () => {
    const doc = (await t.request('GET', '/api/v1/openapi.json')).json;
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const name of new Set(refs)) expect(doc.components.schemas, name).toHaveProperty(name);
  });

  it('marks every route except health, the document, login and enrollment as needing a token — and each one does', async () => {
    const doc = (await t.request('GET', '/api/v1/openapi.json')).json;
    const open = new Set(['get /api/v1/health', 'get /api/v1/openapi.json', 'post /api/v1/auth/login', 'post /api/v1/devices/enroll']);
    for (const route of new Set(routes())) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = doc.paths[path][method];
      expect(Boolean(operation.security), route).toBe(!open.has(route));
      if (open.has(route)) continue;
      const concrete = path.replace(/\{kind\}/, 'industry').replace(/\{[^}]+\}/g, 'x');
      const reply = await t.request(method.toUpperCase(), concrete, { body: method === 'get' ? undefined : {} });
      expect([route, reply.status, reply.json.error.code]).toEqual([route, 401, 'E_UNAUTHORIZED']);
    }
  });
});
