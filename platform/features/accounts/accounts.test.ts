import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPlatform } from '../../test-support/harness';
import { STORE_KINDS, useStores } from '../../test-support/stores';
import { bootstrapAdmin } from './accounts';

describe.each(STORE_KINDS)('accounts and roles on %s', (kind) => {
  const stores = useStores(kind);
  let t: TestPlatform;
  beforeEach(async () => {
    t = await TestPlatform.open(await stores.newConfig());
  });
  afterEach(() => t.close());

  it('bootstrap-admin makes the first admin, whose password signs in; a re-run resets it; it never makes a second admin', async () => {
    const store = t.platform.store;
    const first = await bootstrapAdmin(store, 'root', new Date(), 60_000).catch((error: Error) => error);
    // The harness already made an admin ('admin'), so another name is refused…
    expect(first).toBeInstanceOf(Error);
    // …while the existing admin gets a new password (recovery) and a working token.
    const reset = await bootstrapAdmin(store, 'admin', new Date(), 60_000);
    expect(reset).toMatchObject({ username: 'admin', created: false });
    expect(reset.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const me = await t.request('GET', '/api/v1/me', { token: reset.token });
    expect(me.json.user).toMatchObject({ username: 'admin', role: 'admin' });
    const login = await t.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: reset.password } });
    expect(login.status).toBe(200);
    expect(login.json.token).toMatch(/^qzs_/);
    const wrong = await t.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'not-it' } });
    expect([wrong.status, wrong.json.error.code]).toEqual([401, 'E_LOGIN_FAILED']);
    const nobody = await t.request('POST', '/api/v1/auth/login', { body: { username: 'ghost', password: 'x' } });
    expect([nobody.status, nobody.json.error.code]).toEqual([401, 'E_LOGIN_FAILED']);
    const teamId = await t.createTeam('队');
    await t.createUser('staffer', 'staff', teamId);
    await expect(bootstrapAdmin(store, 'staffer', new Date(), 60_000)).rejects.toThrow(/不是管理员/);
  }, 30_000); // scrypt is slow on purpose, six times over

  it('stores only hashes of passwords and tokens', async () => {
    const teamId = await t.createTeam('队');
    await t.createUser('lead', 'lead', teamId, 'a-long-enough-password');
    const dump = await t.dump();
    expect(dump).not.toContain('a-long-enough-password');
    expect(dump).not.toContain(t.adminToken);
  }, 15_000);

  it('logout revokes the token; an expired session is refused', async () => {
    const teamId = await t.createTeam('队');
    await t.createUser('lead', 'lead', teamId, 'a-long-enough-password');
    const login = await t.request('POST', '/api/v1/auth/login', { body: { username: 'lead', password: 'a-long-enough-password' } });
    const token = login.json.token as string;
    expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(200);
    expect((await t.request('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(401);
    await t.db.updateTable('tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('kind', '=', 'session').execute();
    expect((await t.request('GET', '/api/v1/me', { token: t.adminToken })).json.error.code).toBe('E_UNAUTHORIZED');
  }, 15_000);

  it('admins create teams and users; the rules of roles and teams hold', async () => {
    const teamId = await t.createTeam('深圳工作队');
    const admin = { token: t.adminToken };
    const post = (path: string, body: unknown, token = t.adminToken) => t.request('POST', path, { token, body });
    expect((await post('/api/v1/teams', { name: '深圳工作队' })).json.error.code).toBe('E_TEAM_NAME_TAKEN');
    expect((await post('/api/v1/users', { username: 'x1', role: 'staff', teamId: null })).status).toBe(400);
    expect((await post('/api/v1/users', { username: 'x2', role: 'admin', teamId })).status).toBe(400);
    expect((await post('/api/v1/users', { username: 'x3', role: 'staff', teamId: 'nope' })).json.error.code).toBe('E_TEAM_NOT_FOUND');
    expect((await post('/api/v1/users', { username: '张三', role: 'staff', teamId })).json.error.code).toBe('E_VALIDATION');
    expect((await post('/api/v1/users', { username: 'x4', role: 'root', teamId })).json.error.code).toBe('E_VALIDATION');
    await t.createUser('lead-a', 'lead', teamId);
    expect((await post('/api/v1/users', { username: 'lead-a', role: 'staff', teamId })).json.error.code).toBe('E_USERNAME_TAKEN');
    const users = await t.request('GET', '/api/v1/users', admin);
    expect(users.json.users.map((u: { username: string }) => u.username)).toEqual(['admin', 'lead-a']);
  });

  it('staff and leads reach only their own team; only admins administer', async () => {
    const f = await t.fixture();
    const other = await t.createUser('staff-b2', 'staff', f.teamB);
    for (const device of [f.a1, f.leadA]) {
      expect((await t.request('POST', '/api/v1/teams', { token: device.token, body: { name: 'x' } })).status).toBe(403);
      expect((await t.request('POST', '/api/v1/users', { token: device.token, body: { username: 'y', role: 'staff', teamId: f.teamA } })).status).toBe(403);
      expect((await t.request('POST', `/api/v1/users/${other}/enrollment-codes`, { token: device.token })).status).toBe(403);
      expect((await t.request('POST', `/api/v1/devices/${f.b.deviceId}/revoke`, { token: device.token })).status).toBe(403);
      expect((await t.request('GET', '/api/v1/teams', { token: device.token })).json.teams.map((x: { id: string }) => x.id)).toEqual([f.teamA]);
    }
    expect((await t.request('GET', '/api/v1/users', { token: f.a1.token })).status).toBe(403);
    const leadView = await t.request('GET', '/api/v1/users', { token: f.leadA.token });
    expect(new Set(leadView.json.users.map((u: { teamId: string }) => u.teamId))).toEqual(new Set([f.teamA]));
  });
});
