import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from './http/log';
import { ALL_TABLES, SYNC_TABLES, TestPlatform } from './test-support/harness';
import { STORE_KINDS, useStores } from './test-support/stores';

/**
 * Bad and hostile requests: each gets a 4xx with a code, writes nothing, and the service
 * keeps answering afterwards.
 */
describe.each(STORE_KINDS)('hostile requests on %s', (kind) => {
  const stores = useStores(kind);
  let t: TestPlatform;
  let f: Awaited<ReturnType<TestPlatform['fixture']>>;
  let logger: ReturnType<typeof memoryLogger>;
  beforeEach(async () => {
    logger = memoryLogger();
    t = await TestPlatform.open(await stores.newConfig(), { logger });
    f = await t.fixture();
    await t.push(f.a1, [f.a1.company('甲公司')]);
  });
  afterEach(() => t.close());

  async function expectRefused(send: () => Promise<{ status: number; json: { error?: { code?: string } }; text: string }>, status: number, code: string, tables = ALL_TABLES) {
    const before = await t.dump(tables);
    const reply = await send();
    expect([reply.status, reply.json?.error?.code], reply.text).toEqual([status, code]);
    expect(reply.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(await t.dump(tables)).toBe(before);
    expect((await t.request('GET', '/api/v1/health')).json.status).toBe('ok');
  }
  const push = (options: Parameters<TestPlatform['request']>[2]) => t.request('POST', '/api/v1/sync/push', options);

  it('malformed JSON, wrong content type, invalid UTF-8 and wrong types', async () => {
    await expectRefused(() => push({ token: f.a1.token, raw: '{"deviceId": "x", ' }), 400, 'E_BAD_REQUEST');
    await expectRefused(() => push({ token: f.a1.token, raw: '{}', headers: { 'content-type': 'text/plain' } }), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
    await expectRefused(() => push({ token: f.a1.token, raw: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }), 400, 'E_BAD_REQUEST');
    await expectRefused(() => push({ token: f.a1.token, body: [] }), 400, 'E_VALIDATION');
    await expectRefused(() => push({ token: f.a1.token, body: { ...f.a1.batch([]), fromSeq: '2' } }), 400, 'E_VALIDATION');
    await expectRefused(() => push({ token: f.a1.token, body: { ...f.a1.batch([]), changes: 'all of them' } }), 400, 'E_VALIDATION');
    await expectRefused(() => push({ token: f.a1.token, body: { ...f.a1.batch([]), changes: [{ changeId: 'c', seq: 2.5 }] } }), 400, 'E_VALIDATION');
    await expectRefused(() => push({ token: f.a1.token, body: { ...f.a1.batch([]), admin: true } }), 400, 'E_VALIDATION');
    await expectRefused(() => t.request('POST', '/api/v1/teams', { token: t.adminToken, body: { name: 42 } }), 400, 'E_VALIDATION');
  });

  it('oversize bodies, declared or streamed', async () => {
    const big = JSON.stringify({ ...f.a1.batch([]), padding: 'x'.repeat(1024 * 1024) });
    await expectRefused(() => push({ token: f.a1.token, raw: big }), 413, 'E_PAYLOAD_TOO_LARGE');
    const streamed = () =>
      t.platform.fetch(
        new Request('http://platform.test/api/v1/sync/push', {
          method: 'POST',
          headers: { authorization: `Bearer ${f.a1.token}`, 'content-type': 'application/json' },
          body: new ReadableStream({
            pull(controller) {
              controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
            },
          }),
          duplex: 'half',
        } as RequestInit),
      );
    await expectRefused(async () => {
      const response = await streamed();
      const text = await response.text();
      return { status: response.status, text, json: JSON.parse(text) };
    }, 413, 'E_PAYLOAD_TOO_LARGE');
    await expectRefused(() => t.request('POST', '/api/v1/auth/login', { raw: JSON.stringify({ username: 'x', password: 'y'.repeat(70_000) }) }), 413, 'E_PAYLOAD_TOO_LARGE');
  });

  it('missing, garbage and revoked tokens', async () => {
    const batch = f.a1.batch([f.a1.company('乙公司')]);
    await expectRefused(() => push({ body: batch }), 401, 'E_UNAUTHORIZED');
    await expectRefused(() => push({ token: 'qzd_notarealtokenatall', body: batch }), 401, 'E_UNAUTHORIZED');
    await expectRefused(() => push({ body: batch, headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` } }), 401, 'E_UNAUTHORIZED');
    await t.request('POST', `/api/v1/devices/${f.a1.deviceId}/revoke`, { token: t.adminToken });
    await expectRefused(() => push({ token: f.a1.token, body: batch }), 401, 'E_UNAUTHORIZED');
  });

  it('another team’s rows: reported on the change, not one field written', async () => {
    const [theirs] = (await t.pullAll(f.a1.token)).filter((c) => c.entity === 'company');
    const before = await t.dump(SYNC_TABLES);
    const reply = await t.push(f.b, [
      f.b.change('company', theirs!.rowId, 'update', { name: '被别队改名' }),
      f.b.change('company', theirs!.rowId, 'delete', { deleted: true }),
      f.b.change('contact', 'spy', 'create', { company_id: theirs!.rowId, name: '卧底' }),
    ]);
    expect(reply.summary.errors.map((e) => e.code)).toEqual(['E_SYNC_FORBIDDEN_ROW', 'E_SYNC_FORBIDDEN_ROW', 'E_SYNC_REF_MISSING']);
    expect(reply.summary.status).toBe('ERROR');
    expect(await t.dump(SYNC_TABLES)).toBe(before);
    expect((await t.pullAll(f.b.token)).filter((c) => c.entity !== 'reference')).toEqual([]);
  });

  it('a replayed batch with altered content, and a far-future clock', async () => {
    const batch = f.a1.batch([f.a1.company('乙公司')]) as { changes: { fields: { name: string } }[] };
    await push({ token: f.a1.token, body: batch });
    batch.changes[0]!.fields.name = '改';
    await expectRefused(() => push({ token: f.a1.token, body: batch }), 409, 'E_SYNC_BATCH_MISMATCH');
    f.a1.clockOffsetMs = 3 * 24 * 3_600_000;
    await expectRefused(() => t.push(f.a1, [f.a1.company('未来公司')]), 422, 'E_CLOCK_SKEW');
  });

  it('an unexpected failure answers E_INTERNAL without a stack trace; health then says 503', async () => {
    await t.platform.store.close();
    const reply = await t.request('GET', '/api/v1/sync/pull', { token: f.a1.token });
    expect([reply.status, reply.json.error.code]).toEqual([500, 'E_INTERNAL']);
    expect(reply.text).not.toMatch(/\bat |Kysely|sqlite|postgres|stack/i);
    expect((await t.request('GET', '/api/v1/health')).status).toBe(503);
    expect(logger.lines.some((line) => line.includes('"unexpected error"'))).toBe(true);
    // afterEach closes whatever t is: give it a live one.
    t = await TestPlatform.open(await stores.newConfig());
  });

  it('unknown routes and methods are a 404 with a code', async () => {
    for (const [method, path] of [['GET', '/api/v1/nope'], ['DELETE', '/api/v1/sync/push'], ['GET', '/']]) {
      const reply = await t.request(method!, path!);
      expect([reply.status, reply.json.error.code]).toEqual([404, 'E_NOT_FOUND']);
    }
  });

  it('logs carry ids and counts, never names, phones or field values', async () => {
    const company = f.a1.company('张三科技有限公司', { notes: '老板手机 13800138000' });
    await t.push(f.a1, [company, f.a1.change('contact', 'c-1', 'create', { company_id: company.rowId, name: '张三', mobile: '13800138000' })]);
    await t.request('POST', '/api/v1/auth/login', { body: { username: 'lead-a', password: 'wrong-password' } });
    const text = logger.lines.join('\n');
    expect(text).toContain(f.a1.deviceId);
    expect(text).toContain('"msg":"push applied"');
    for (const secret of ['张三', '13800138000', '老板', 'lead-a', 'wrong-password', f.a1.token]) expect(text).not.toContain(secret);
    for (const line of logger.lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('rate limits', () => {
  const stores = useStores('sqlite');
  it('answer 429 with Retry-After, per token and for failed sign-ins per address', async () => {
    const t = await TestPlatform.open(await stores.newConfig(), { limits: { perClient: { capacity: 5, refillPerSecond: 0.01 }, sensitive: { capacity: 3, refillPerSecond: 0.01 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await t.request('GET', '/api/v1/me', { token: t.adminToken })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = await t.request('GET', '/api/v1/me', { token: t.adminToken });
      expect(limited.json.error.code).toBe('E_RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const guesses: number[] = [];
      for (let i = 0; i < 5; i += 1) guesses.push((await t.request('GET', '/api/v1/me', { token: `qzs_guess${i}xxxxxxxx` })).status);
      expect(guesses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
