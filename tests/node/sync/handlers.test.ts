import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TestPlatform } from '../../../platform/test-support/harness';
import { useStores } from '../../../platform/test-support/stores';
import { featureTest } from '../../../db/features/test-support';
import { createRow } from '../../../db/store/writer';
import { TOKEN_FILE, fileTokenStore } from '../../../db/sync/token-store';
import { callSync } from '../../../db/features/sync/handlers';
import { syncServiceFor } from '../../../db/features/sync/service-registry';

const stores = useStores('sqlite');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('sync RPCs', () => {
  it('enrolls with the app device id and public key, keeps the token in a 0600 file, syncs and reports status', async () => {
    const t = await TestPlatform.open(await stores.newConfig());
    cleanups.push(() => t.close());
    const team = await t.createTeam('深圳工作队');
    const user = await t.createUser('zhangsan', 'staff', team);
    const f = featureTest();
    cleanups.push(f.dispose);
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((url: string | URL | Request, init?: RequestInit) => t.platform.fetch(new Request(String(url), init))) as typeof fetch;
    cleanups.push(() => {
      globalThis.fetch = realFetch;
    });
    const service = syncServiceFor(f.ctx, { timers: false });
    cleanups.push(() => service.close());

    expect(await callSync('sync.status', {}, f.ctx)).toMatchObject({ enrolled: false, pendingChanges: 0 });
    await expect(callSync('sync.enroll', { platformUrl: 'ftp://x', code: 'A' }, f.ctx)).rejects.toThrow();
    const bad = await callSync('sync.enroll', { platformUrl: 'http://platform.test', code: 'AAAA-BBBB-CCCC-DDDD' }, f.ctx).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(Error);

    const enrolled = await callSync('sync.enroll', { platformUrl: 'http://platform.test/', code: await t.enrollmentCode(user) }, f.ctx);
    expect(enrolled).toMatchObject({ enrolled: true, platformUrl: 'http://platform.test' });
    const file = path.join(path.dirname(f.db.name), TOKEN_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fileTokenStore(path.dirname(f.db.name)).load()?.token).toMatch(/^qzd_/);
    const device = await t.db.selectFrom('devices').select(['id', 'public_key']).executeTakeFirstOrThrow();
    expect(device.id).toBe(f.ctx.deviceId);

    createRow(f.db, f.actor, 'company', { name: '甲公司', name_norm: '甲公司', aliases: [], is_fortune500: false, is_listed: false, tags: [] });
    expect((await callSync('sync.status', {}, f.ctx)).pendingChanges).toBe(1);
    const now = await callSync('sync.now', {}, f.ctx);
    expect(now).toMatchObject({ outcome: 'ok', status: { pendingChanges: 0, online: true } });
    expect(now.status.lastSuccessAt).not.toBeNull();
    expect(await callSync('sync.attention', {}, f.ctx)).toEqual({ items: [] });
    expect(await callSync('sync.conflicts', {}, f.ctx)).toEqual({ items: [] });
    await expect(callSync('sync.confirmMassDelete', {}, f.ctx)).rejects.toThrow('没有等待确认的删除');
  });

  it('never runs two syncs at once', async () => {
    const f = featureTest();
    cleanups.push(f.dispose);
    const service = syncServiceFor(f.ctx, { timers: false });
    cleanups.push(() => service.close());
    let active = 0;
    let most = 0;
    const original = service.client.sync.bind(service.client);
    service.client.sync = async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      active -= 1;
      return original();
    };
    await Promise.all([service.now(), service.now(), service.now()]);
    expect(most).toBe(1);
  });
});
