import { afterEach, describe, expect, it } from 'vitest';
import { HlcClock } from '../../../shared/sync/hlc';
import { TestPlatform } from '../../../platform/test-support/harness';
import { useStores } from '../../../platform/test-support/stores';
import { testDatabase } from '../../../db/store/test-support';
import { createRow, setDeleted, updateRow, type Actor } from '../../../db/store/writer';
import { statement } from '../../../db/store/statements';
import { SyncClient, SyncOfflineError, type SyncClientOptions } from '../../../db/sync/client';
import { enrollDevice } from '../../../db/sync/enroll';
import { getMeta, getNumber, setMeta } from '../../../db/sync/state';
import { memoryTokenStore } from '../../../db/sync/token-store';
import { listConflicts, resolveConflict } from '../../../db/sync/conflicts';

const stores = useStores('sqlite');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type FetchHook = (url: string, init: RequestInit | undefined, real: () => Promise<Response>) => Promise<Response>;

async function world() {
  const t = await TestPlatform.open(await stores.newConfig());
  cleanups.push(() => t.close());
  const team = await t.createTeam('深圳工作队');
  const platformFetch = ((url: string | URL | Request, init?: RequestInit) => t.platform.fetch(new Request(String(url), init))) as typeof fetch;
  const app = async (username: string, options: Partial<SyncClientOptions> & { hook?: FetchHook; clockOffsetMs?: number } = {}) => {
    const userId = await t.createUser(username, 'staff', team);
    const local = testDatabase();
    cleanups.push(local.dispose);
    const offset = options.clockOffsetMs ?? 0;
    const actor: Actor = { ...local.actor, clock: new HlcClock(local.app.deviceId, () => Date.now() + offset), now: () => new Date(Date.now() + offset) };
    const tokens = memoryTokenStore();
    await enrollDevice({ db: local.app.db, deviceId: local.app.deviceId, platformUrl: 'http://platform.test/', code: await t.enrollmentCode(userId), tokens, fetch: platformFetch });
    const state = { hook: options.hook };
    const fetchFn = ((url: string | URL | Request, init?: RequestInit) => {
      const real = () => platformFetch(url, init);
      return state.hook ? state.hook(String(url), init, real) : real();
    }) as typeof fetch;
    const sleeps: number[] = [];
    const client = new SyncClient({
      db: local.app.db,
      deviceId: local.app.deviceId,
      clock: actor.clock,
      schemaVersion: local.app.migration.to,
      credentials: () => tokens.load(),
      fetch: fetchFn,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options,
    });
    return { db: local.app.db, actor, client, state, sleeps, deviceId: local.app.deviceId };
  };
  return { t, app };
}

const company = (db: Parameters<typeof createRow>[0], actor: Actor, name: string) => createRow(db, actor, 'company', { name, name_norm: name, aliases: [], is_fortune500: false, is_listed: false, tags: [] });

/** Outbox entries the platform has not acknowledged (pushed ones are kept for the weekly export). */
function unpushed(db: Parameters<typeof statement>[0]): number {
  const acked = Number(statement(db, "SELECT value FROM meta WHERE key = 'sync_acked_seq'").pluck().get() ?? 0);
  return statement(db, 'SELECT count(*) FROM outbox WHERE seq > ?').pluck().get(acked) as number;
}

describe('sync client', () => {
  it('pushes, and another device pulls the changes (search index included)', async () => {
    const { app } = await world();
    const a = await app('a1');
    const b = await app('b1');
    const id = company(a.db, a.actor, '贵州茅台酒股份有限公司');
    createRow(a.db, a.actor, 'visit', { company_id: id, visit_date: '2026-11-27', kind: 'onsite', participants: [], contact_ids: [], summary: '初次拜访' });
    expect(await a.client.sync()).toMatchObject({ kind: 'ok', pushed: 2 });
    expect(unpushed(a.db)).toBe(0);
    expect(await b.client.sync()).toMatchObject({ kind: 'ok', pulled: 2 });
    expect(statement(b.db, 'SELECT name FROM company WHERE id = ?').pluck().get(id)).toBe('贵州茅台酒股份有限公司');
    expect(statement(b.db, 'SELECT summary FROM visit').pluck().get()).toBe('初次拜访');
    expect(statement(b.db, "SELECT count(*) FROM field_clock WHERE row_id = ?").pluck().get(id)).toBeGreaterThan(0);
    expect(statement(b.db, 'SELECT count(*) FROM search_doc WHERE row_id = ?').pluck().get(id)).toBe(1);
    // The next local edit on b is stamped after what it received.
    expect(b.actor.clock.tick() > (statement(b.db, 'SELECT max(hlc) FROM field_clock').pluck().get() as string)).toBe(true);
    // Its own changes come back to a without effect.
    expect(await a.client.sync()).toMatchObject({ kind: 'ok', pushed: 0 });
    expect(statement(a.db, "SELECT count(*) FROM field_history WHERE source != 'local'").pluck().get()).toBe(0);
  });

  it('retries the same batch after a lost reply: applied once', async () => {
    const { t, app } = await world();
    let lose = 2;
    const a = await app('a1', {
      hook: async (url, init, real) => {
        if (url.includes('/sync/push') && lose > 0) {
          lose -= 1;
          await real(); // the platform applies it; the reply is lost
          throw new TypeError('fetch failed');
        }
        return real();
      },
    });
    const bodies: string[] = [];
    const inner = a.state.hook!;
    a.state.hook = (url, init, real) => {
      if (url.includes('/sync/push')) bodies.push(String(init?.body));
      return inner(url, init, real);
    };
    company(a.db, a.actor, '甲公司');
    expect(await a.client.sync()).toMatchObject({ kind: 'ok', pushed: 1 });
    expect(bodies.length).toBe(3);
    expect(new Set(bodies).size).toBe(1);
    expect(a.sleeps.length).toBe(2);
    const log = await t.db.selectFrom('change_log').select('change_id').where('device_id', 'is not', null).execute();
    expect(log.length).toBe(1);
  });

  it('backs off with jitter on 5xx and 429, then gives up as offline', async () => {
    const { app } = await world();
    const a = await app('a1', { maxAttempts: 4, baseDelayMs: 100, random: () => 0.5, hook: async () => new Response('{"error":{"code":"E_RATE_LIMITED","message":"慢一点"}}', { status: 503 }) });
    company(a.db, a.actor, '甲公司');
    await expect(a.client.sync()).rejects.toBeInstanceOf(SyncOfflineError);
    expect(a.sleeps).toEqual([75, 150, 300]);
    expect(getMeta(a.db, 'sync_last_error')).toContain('无法连接平台');
    a.state.hook = async (url, init, real) => real();
    expect(await a.client.sync()).toMatchObject({ kind: 'ok', pushed: 1 });
  });

  it('honours Retry-After on 429', async () => {
    const { app } = await world();
    let once = true;
    const a = await app('a1', {
      hook: async (url, init, real) => {
        if (once) {
          once = false;
          return new Response('{"error":{"code":"E_RATE_LIMITED","message":"请求过于频繁"}}', { status: 429, headers: { 'retry-after': '7' } });
        }
        return real();
      },
    });
    expect(await a.client.sync()).toMatchObject({ kind: 'ok' });
    expect(a.sleeps).toEqual([7000]);
  });

  it('resumes from lastAppliedSeq + 1 after a 409 seq gap', async () => {
    const { t, app } = await world();
    const a = await app('a1');
    for (let i = 0; i < 5; i += 1) company(a.db, a.actor, `公司${i}`);
    setMeta(a.db, 'sync_acked_seq', '3'); // believes too much was acked
    expect(await a.client.sync()).toMatchObject({ kind: 'ok' });
    expect(getNumber(a.db, 'sync_acked_seq')).toBe(5);
    expect((await t.db.selectFrom('change_log').select('change_id').where('device_id', 'is not', null).execute()).length).toBe(5);
  });

  it('splits the outbox into batches under the byte limit', async () => {
    const { t, app } = await world();
    const a = await app('a1', { maxBatchBytes: 2000 });
    let pushes = 0;
    a.state.hook = (url, init, real) => {
      if (url.includes('/sync/push')) pushes += 1;
      return real();
    };
    for (let i = 0; i < 20; i += 1) company(a.db, a.actor, `公司${i}`);
    expect(await a.client.sync()).toMatchObject({ kind: 'ok', pushed: 20 });
    expect(pushes).toBeGreaterThan(3);
    expect((await t.db.selectFrom('change_log').select('change_id').where('device_id', 'is not', null).execute()).length).toBe(20);
  });

  it('stops on clock skew with the platform message, and keeps the outbox', async () => {
    const { app } = await world();
    const a = await app('a1', { clockOffsetMs: 30 * 3_600_000 });
    company(a.db, a.actor, '甲公司');
    const outcome = await a.client.sync();
    expect(outcome).toMatchObject({ kind: 'blocked', reason: 'clock-skew' });
    expect(outcome.kind === 'blocked' && outcome.message).toMatch(/设备时钟快了约 30 小时/);
    expect(getMeta(a.db, 'sync_blocked')).toMatch(/校准为北京时间/);
    expect(unpushed(a.db)).toBe(1);
  });

  it('parks per-change errors as needing attention, with the reason', async () => {
    const { app } = await world();
    const a = await app('a1');
    // A visit whose company the platform never saw: E_SYNC_REF_MISSING.
    a.db.pragma('foreign_keys = OFF');
    createRow(a.db, a.actor, 'visit', { company_id: 'no-such', visit_date: '2026-11-27', kind: 'onsite', participants: [], contact_ids: [] });
    a.db.pragma('foreign_keys = ON');
    company(a.db, a.actor, '好公司');
    expect(await a.client.sync()).toMatchObject({ kind: 'ok', errors: 1 });
    const parked = statement(a.db, 'SELECT code, message, entity FROM sync_attention').all();
    expect(parked).toEqual([{ code: 'E_SYNC_REF_MISSING', message: expect.stringContaining('引用的记录不存在'), entity: 'visit' }]);
    expect(unpushed(a.db)).toBe(0);
  });

  it('records a conflict on concurrent long-text edits, and resolves it either way without losing a value', async () => {
    const { app } = await world();
    const a = await app('a1');
    const b = await app('b1');
    const id = company(a.db, a.actor, '甲公司');
    await a.client.sync();
    await b.client.sync();
    updateRow(a.db, a.actor, 'company', id, { notes: '甲写的' });
    updateRow(b.db, b.actor, 'company', id, { notes: '乙写的' });
    await a.client.sync();
    await b.client.sync(); // b's edit is later: it wins; the platform reports the conflict
    await a.client.sync(); // a learns about it in its own merge
    for (const side of [a, b]) {
      expect(statement(side.db, 'SELECT notes FROM company WHERE id = ?').pluck().get(id)).toBe('乙写的');
      const conflicts = listConflicts(side.db);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ field: 'notes', kept: { value: '乙写的' }, other: { value: '甲写的' } });
    }
    // a picks its own (the other) value: a new local change; b's stays in history.
    resolveConflict(a.db, a.actor, listConflicts(a.db)[0]!.id, 'other');
    expect(listConflicts(a.db)).toHaveLength(0);
    expect(statement(a.db, 'SELECT notes FROM company WHERE id = ?').pluck().get(id)).toBe('甲写的');
    await a.client.sync();
    resolveConflict(b.db, b.actor, listConflicts(b.db)[0]!.id, 'kept');
    await b.client.sync();
    expect(statement(b.db, 'SELECT notes FROM company WHERE id = ?').pluck().get(id)).toBe('甲写的');
    const values = statement(b.db, "SELECT new_value FROM field_history WHERE row_id = ? AND field = 'notes'").pluck().all(id);
    expect(values).toEqual(expect.arrayContaining([JSON.stringify('甲写的'), JSON.stringify('乙写的')]));
  });

  it('stops before a pull that would delete most rows, and goes on once confirmed', async () => {
    const { app } = await world();
    const a = await app('a1');
    const b = await app('b1');
    const ids = Array.from({ length: 8 }, (_, i) => company(a.db, a.actor, `公司${i}`));
    await a.client.sync();
    await b.client.sync();
    for (const id of ids.slice(0, 6)) setDeleted(a.db, a.actor, 'company', id, true);
    await a.client.sync();
    const outcome = await b.client.sync();
    expect(outcome).toMatchObject({ kind: 'blocked', reason: 'mass-delete' });
    expect(JSON.parse(getMeta(b.db, 'sync_mass_delete')!)).toMatchObject({ deletions: 6, liveRows: 8 });
    expect(statement(b.db, 'SELECT count(*) FROM company WHERE deleted = 0').pluck().get()).toBe(8);
    const pending = JSON.parse(getMeta(b.db, 'sync_mass_delete')!) as { cursor: number };
    setMeta(b.db, 'sync_mass_delete_ok', String(pending.cursor));
    expect(await b.client.sync()).toMatchObject({ kind: 'ok' });
    expect(statement(b.db, 'SELECT count(*) FROM company WHERE deleted = 0').pluck().get()).toBe(2);
    expect(getMeta(b.db, 'sync_mass_delete')).toBeNull();
  });

  it('killed mid-apply: the page rolls back; the next sync applies each change exactly once', async () => {
    const { app } = await world();
    const a = await app('a1');
    for (let i = 0; i < 30; i += 1) company(a.db, a.actor, `公司${i}`);
    await a.client.sync();
    let die = true;
    const b = await app('b1', {
      pageLimit: 10,
      onPageApplied: (page) => {
        if (die && page.nextCursor > 15) throw new Error('killed');
      },
    });
    await expect(b.client.sync()).rejects.toThrow('killed');
    const partial = statement(b.db, 'SELECT count(*) FROM company').pluck().get() as number;
    expect(partial % 10).toBe(0);
    expect(getNumber(b.db, 'sync_cursor')).toBeLessThanOrEqual(partial + 10);
    die = false;
    expect(await b.client.sync()).toMatchObject({ kind: 'ok' });
    expect(statement(b.db, 'SELECT count(*) FROM company').pluck().get()).toBe(30);
    expect(statement(b.db, "SELECT count(*) FROM field_history WHERE source = 'sync' AND field = 'name'").pluck().get()).toBe(30);
    expect(statement(b.db, 'SELECT count(*) FROM import_change').pluck().get()).toBe(30);
  });
});
