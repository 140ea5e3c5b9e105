import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupContract } from '../../../shared/contract/backup';
import { provisioningContract } from '../../../shared/contract/provisioning';
import { contentHash } from '../../content-hash';
import { openAppDatabase } from '../../database';
import type { HandlerContext } from '../../rpc/types';
import { testDatabase } from '../../store/test-support';
import { provisioningHandlers } from '../provisioning/handlers';
import { backupHandlers } from './handlers';

// Worker threads, child processes and fsyncs: seconds each on a loaded build machine.
vi.setConfig({ testTimeout: 60_000 });

const NOW = new Date('2027-03-01T02:00:00Z');
let t: ReturnType<typeof testDatabase>;
let ctx: HandlerContext;
beforeEach(() => {
  t = testDatabase();
  ctx = { db: t.app.db, deviceId: t.app.deviceId, actor: t.actor, schemaVersion: t.app.migration.to, now: () => NOW, integrity: () => 'ok' };
});
afterEach(() => t.dispose());

/** Parses the input with the method's schema first, as the RPC layer does. */
function call<M extends keyof typeof backupHandlers>(method: M, input: unknown): ReturnType<(typeof backupHandlers)[M]> {
  const parsed = backupContract[method].input.parse(input) as never;
  return backupHandlers[method](parsed, ctx) as ReturnType<(typeof backupHandlers)[M]>;
}

describe('settings › backups', () => {
  it('create, list, restore (staged for the next start), cancel', async () => {
    t.app.db.prepare("INSERT INTO company (id, name, created_at, updated_at) VALUES ('c1', '贵阳企业', 'x', 'x')").run();
    const atBackup = contentHash(t.app.db);
    const made = await call('backup.create', {});
    expect(made).toMatchObject({ kind: 'manual', name: expect.stringMatching(/^manual-/) });
    const overview = await call('backup.list', {});
    expect(overview).toMatchObject({ backups: [made], pendingRestore: null, lastRestore: null });
    expect(JSON.stringify(overview)).not.toMatch(/[0-9a-f]{64}/); // no key material in any answer

    t.app.db.prepare('DELETE FROM company').run();
    const staged = await call('backup.restore', { name: made.name });
    expect(staged).toMatchObject({ restartRequired: true, message: expect.stringContaining('重新打开黔招通') });
    expect((await call('backup.list', {})).pendingRestore).toMatchObject({ source: expect.stringContaining(made.name) });
    expect(await call('backup.cancelRestore', {})).toEqual({ cancelled: true });
    expect((await call('backup.list', {})).pendingRestore).toBeNull();

    await call('backup.restore', { name: made.name });
    t.app.close();
    const next = openAppDatabase(t.dir);
    expect(contentHash(next.db)).toBe(atBackup);
    expect(next.restore?.ok).toBe(true);
    next.close();
  });

  it('names outside backups/ or unknown are refused', async () => {
    expect(() => backupContract['backup.restore'].input.parse({ name: '../qianzhao.sqlite3' })).toThrow();
    expect(() => backupContract['backup.restore'].input.parse({ name: 'manual-2026-11-27T08-00-00-000Z.sqlite3/../../x' })).toThrow();
    await expect(call('backup.restore', { name: 'manual-2026-11-27T08-00-00-000Z.sqlite3' })).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('a corrupt backup in the list is refused at restore', async () => {
    for (let i = 0; i < 300; i++) t.app.db.prepare("INSERT INTO company (id, name, created_at, updated_at) VALUES (?, '企业', 'x', 'x')").run(`c${i}`);
    const made = await call('backup.create', {});
    const file = path.join(t.dir, 'backups', made.name);
    const handle = fs.openSync(file, 'r+');
    fs.writeSync(handle, Buffer.alloc(4096, 1), 0, 4096, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
    fs.closeSync(handle);
    await expect(call('backup.restore', { name: made.name })).rejects.toMatchObject({ code: 'E_BACKUP_INVALID' });
  });
});

describe('first-run wizard', () => {
  const CA = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'provisioning', 'fixtures', 'test-ca.pem'), 'utf8');
  const apply = (input: unknown) => provisioningHandlers['provisioning.apply'](provisioningContract['provisioning.apply'].input.parse(input), ctx);

  it('status says not provisioned; the form applies; the code is never echoed', () => {
    expect(provisioningHandlers['provisioning.status']({}, ctx)).toMatchObject({ provisioned: false, fileProblem: null });
    const status = apply({ platformUrl: 'https://zhaoshang.example.gov.cn', caCertificatePem: CA, team: '驻深圳工作队', enrollmentCode: 'abcd-efgh' });
    expect(status).toMatchObject({ provisioned: true, provisionedFrom: 'wizard', hasEnrollmentCode: true });
    expect(JSON.stringify(status)).not.toContain('ABCD-EFGH');
  });

  it('the form is checked with the file’s rules (http refused) and an expired CA is refused', () => {
    expect(() => provisioningContract['provisioning.apply'].input.parse({ platformUrl: 'http://a.cn', team: 't', enrollmentCode: 'ABCDEF' })).toThrow(/https/);
    ctx = { ...ctx, now: () => new Date('2200-01-01T00:00:00Z') };
    expect(() => apply({ platformUrl: 'https://a.cn', caCertificatePem: CA, team: 't', enrollmentCode: 'ABCDEF' })).toThrow(expect.objectContaining({ code: 'E_VALIDATION', message: expect.stringContaining('已过期') }));
  });
});
