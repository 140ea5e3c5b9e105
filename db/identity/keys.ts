import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../sql';
import { statement } from '../store/statements';

/**
 * The device's Ed25519 key pair (DESIGN §4): made on first use, kept in the meta table
 * (the database file is what at-rest encryption protects), never leaves the device. The
 * public key is what the platform's device registry and a team lead's list of known
 * devices hold; weekly-log files are signed with the private key.
 */
const PRIVATE_KEY = 'device_signing_key';
const PUBLIC_KEY = 'device_public_key';

interface KeyPair {
  privateKey: KeyObject;
  /** Raw 32 bytes, standard base64 (44 characters). */
  publicKey: string;
}

const cache = new WeakMap<Db, KeyPair>();

/** The device's key pair, created and stored the first time it is asked for. */
export function deviceKeyPair(db: Db): KeyPair {
  const cached = cache.get(db);
  if (cached) return cached;
  const pair = db.transaction((): KeyPair => {
    const stored = statement(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(PRIVATE_KEY) as string | undefined;
    if (stored) {
      const privateKey = createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'pkcs8' });
      return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
    }
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(publicKey);
    const put = statement(db, 'INSERT INTO meta (key, value) VALUES (?, ?)');
    put.run(PRIVATE_KEY, privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));
    put.run(PUBLIC_KEY, raw);
    return { privateKey, publicKey: raw };
  }).immediate();
  cache.set(db, pair);
  return pair;
}

export function signWithDeviceKey(db: Db, bytes: Uint8Array): Buffer {
  return sign(null, bytes, deviceKeyPair(db).privateKey);
}

/** Ed25519 verification against a raw base64 public key; false for a malformed key or signature. */
export function verifyEd25519(publicKey: string, bytes: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (signature.length !== 64) return false;
    return verify(null, bytes, publicKeyObject(publicKey), signature);
  } catch {
    return false;
  }
}

const keyObjects = new Map<string, KeyObject>();

export function publicKeyObject(publicKey: string): KeyObject {
  let key = keyObjects.get(publicKey);
  if (!key) {
    const raw = Buffer.from(publicKey, 'base64');
    if (raw.length !== 32 || raw.toString('base64') !== publicKey) throw new Error('not a raw Ed25519 public key');
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    if (keyObjects.size > 1000) keyObjects.clear();
    keyObjects.set(publicKey, key);
  }
  return key;
}

/** The public key as SubjectPublicKeyInfo PEM, for registries that want a standard encoding. */
export function publicKeyPem(publicKey: string): string {
  return publicKeyObject(publicKey).export({ format: 'pem', type: 'spki' }).toString();
}

/**
 * What two people compare by phone before the lead trusts a device: 16 hex digits of
 * SHA-256 of the raw key, in four groups (`3F2A-91C0-…`).
 */
export function publicKeyFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(String(jwk.x), 'base64url').toString('base64');
}
