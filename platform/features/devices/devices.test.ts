import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newPublicKey, TestPlatform } from '../../test-support/harness';
import { STORE_KINDS, useStores } from '../../test-support/stores';
import { newEnrollmentCode, normaliseEnrollmentCode, parseEd25519PublicKey } from './keys';

describe('device keys and codes', () => {
  it('accepts an Ed25519 key as raw base64, SPKI base64 or PEM, and nothing else', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    const raw = spki.subarray(12).toString('base64');
    expect(parseEd25519PublicKey(raw)).toBe(raw);
    expect(parseEd25519PublicKey(spki.toString('base64'))).toBe(raw);
    expect(parseEd25519PublicKey(publicKey.export({ format: 'pem', type: 'spki' }).toString())).toBe(raw);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const x25519 = generateKeyPairSync('x25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    for (const junk of [rsa, x25519, 'AAAA', '', 'not base64!', Buffer.alloc(31).toString('base64')]) expect(parseEd25519PublicKey(junk)).toBeNull();
  });

  it('makes codes people can type, and reads them back however they were typed', () => {
    const code = newEnrollmentCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(normaliseEnrollmentCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code.replace(/-/g, ''));
    expect(normaliseEnrollmentCode('o0-il')).toBe('0011');
  });
});

describe.each(STORE_KINDS)('devices on %s', (kind) => {
  const stores = useStores(kind);
  let t: TestPlatform;
  let teamId: string;
  let userId: string;
  beforeEach(async () => {
    t = await TestPlatform.open(await stores.newConfig());
    teamId = await t.createTeam('深圳工作队');
    userId = await t.createUser('staff-1', 'staff', teamId);
  });
  afterEach(() => t.close());

  const enroll = (body: Record<string, unknown>) => t.request('POST', '/api/v1/devices/enroll', { body: { publicKey: newPublicKey(), deviceName: '笔记本', ...body } });

  it('enrolls a device with a code and its public key; the code works once, even when raced', async () => {
    const code = await t.enrollmentCode(userId);
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => enroll({ code: i % 2 ? code : code.toLowerCase() })));
    const ok = replies.filter((r) => r.status === 201);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.json).toMatchObject({ userId, role: 'staff', teamId, token: expect.stringMatching(/^qzd_/) });
    for (const reply of replies.filter((r) => r.status !== 201)) expect([reply.status, reply.json.error.code]).toEqual([400, 'E_ENROLL_CODE_INVALID']);
    expect(await t.db.selectFrom('devices').select('id').execute()).toHaveLength(1);
    const me = await t.request('GET', '/api/v1/me', { token: ok[0]!.json.token });
    expect(me.json).toMatchObject({ deviceId: ok[0]!.json.deviceId, tokenKind: 'device' });
    expect(await t.dump()).not.toContain(ok[0]!.json.token);
  });

  it('refuses an expired code, a bad key, and a device id already taken (without using up the code)', async () => {
    const expired = await t.enrollmentCode(userId);
    await t.db.updateTable('enrollment_codes').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await enroll({ code: expired })).json.error.code).toBe('E_ENROLL_CODE_INVALID');
    const code = await t.enrollmentCode(userId);
    expect((await enroll({ code, publicKey: 'AAAA' })).json.error.code).toBe('E_PUBLIC_KEY_INVALID');
    const first = await enroll({ code, deviceId: '0193a0b0-0000-7000-8000-000000000001' });
    expect(first.json.deviceId).toBe('0193a0b0-0000-7000-8000-000000000001');
    const again = await t.enrollmentCode(userId);
    const taken = await enroll({ code: again, deviceId: '0193a0b0-0000-7000-8000-000000000001' });
    expect([taken.status, taken.json.error.code]).toEqual([409, 'E_DEVICE_EXISTS']);
    expect((await enroll({ code: again })).status).toBe(201);
  });

  it('admins list and revoke devices; a revoked device is locked out at once', async () => {
    const device = await t.enroll(userId, '张三的笔记本');
    const otherTeam = await t.createTeam('广州工作队');
    const leadB = await t.enroll(await t.createUser('lead-b', 'lead', otherTeam));
    const list = await t.request('GET', '/api/v1/devices', { token: t.adminToken });
    expect(list.json.devices.map((d: { id: string }) => d.id).sort()).toEqual([device.deviceId, leadB.deviceId].sort());
    const leadView = await t.request('GET', '/api/v1/devices', { token: leadB.token });
    expect(leadView.json.devices.map((d: { id: string }) => d.id)).toEqual([leadB.deviceId]);
    expect((await t.request('GET', '/api/v1/devices', { token: device.token })).status).toBe(403);

    expect((await t.push(device, [device.company('甲公司')])).status).toBe(200);
    const revoked = await t.request('POST', `/api/v1/devices/${device.deviceId}/revoke`, { token: t.adminToken });
    expect(revoked.status).toBe(200);
    const after = await t.push(device, [device.company('乙公司')]);
    expect([after.status, after.json.error.code]).toEqual([401, 'E_UNAUTHORIZED']);
    expect((await t.request('GET', '/api/v1/sync/pull', { token: device.token })).status).toBe(401);
    expect((await t.request('POST', '/api/v1/devices/nope/revoke', { token: t.adminToken })).status).toBe(404);
  });
});
