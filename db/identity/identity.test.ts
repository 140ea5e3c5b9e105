import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabase } from '../store/test-support';
import { deviceKeyPair, publicKeyFingerprint, publicKeyPem, signWithDeviceKey, verifyEd25519 } from './keys';
import { readProfile, saveProfile } from './profile';

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.dispose());

describe('the device identity', () => {
  it('makes an Ed25519 key pair on first use, keeps it in meta, and signs with it', () => {
    const first = deviceKeyPair(t.app.db);
    expect(first.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(t.app.db.prepare("SELECT count(*) FROM meta WHERE key IN ('device_signing_key', 'device_public_key')").pluck().get()).toBe(2);
    expect(deviceKeyPair(t.app.db).publicKey).toBe(first.publicKey);
    const message = Buffer.from('manifest bytes');
    const signature = signWithDeviceKey(t.app.db, message);
    expect(signature).toHaveLength(64);
    expect(verifyEd25519(first.publicKey, message, signature)).toBe(true);
    expect(verifyEd25519(first.publicKey, Buffer.from('other bytes'), signature)).toBe(false);
    expect(verifyEd25519('not a key', message, signature)).toBe(false);
    expect(verifyEd25519(first.publicKey, message, signature.subarray(0, 63))).toBe(false);
  });

  it('exports the public key for the platform registry and a fingerprint people compare', () => {
    const { publicKey } = deviceKeyPair(t.app.db);
    expect(publicKeyPem(publicKey)).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(publicKeyFingerprint(publicKey)).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  });

  it('keeps the member\'s name and team name', () => {
    expect(readProfile(t.app.db, t.app.deviceId).userName).toBeNull();
    saveProfile(t.app.db, { userName: '  张三 ', teamName: '驻深招商工作队' });
    expect(readProfile(t.app.db, t.app.deviceId)).toMatchObject({ userName: '张三', teamName: '驻深招商工作队', deviceId: t.app.deviceId, userId: t.app.userId });
    saveProfile(t.app.db, { teamName: '' });
    expect(readProfile(t.app.db, t.app.deviceId).teamName).toBeNull();
  });
});
