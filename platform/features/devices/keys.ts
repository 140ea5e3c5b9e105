import { createPublicKey, randomBytes } from 'node:crypto';

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * An Ed25519 public key as base64 of the raw 32 bytes, base64 of its SPKI DER, or PEM.
 * Returns the raw key (base64), or null when it is not an Ed25519 public key.
 */
export function parseEd25519PublicKey(input: string): string | null {
  const text = input.trim();
  try {
    const key = text.startsWith('-----BEGIN')
      ? createPublicKey({ key: text, format: 'pem' })
      : (() => {
          if (!/^[A-Za-z0-9+/=_-]+$/.test(text)) return null;
          const bytes = Buffer.from(text, 'base64');
          const der = bytes.length === 32 ? Buffer.concat([SPKI_ED25519_PREFIX, bytes]) : bytes;
          return createPublicKey({ key: der, format: 'der', type: 'spki' });
        })();
    if (!key || key.asymmetricKeyType !== 'ed25519') return null;
    const spki = key.export({ format: 'der', type: 'spki' });
    return spki.subarray(SPKI_ED25519_PREFIX.length).toString('base64');
  } catch {
    return null;
  }
}

/** Crockford's base32: no I, L, O, U, so a code read aloud or retyped survives. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrollment code: 80 random bits as XXXX-XXXX-XXXX-XXXX. */
export function newEnrollmentCode(): string {
  const chars = [...randomBytes(16)].map((byte) => CODE_ALPHABET[byte % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** What people type: any case, with or without dashes and spaces; O→0 and I/L→1 as Crockford reads them. */
export function normaliseEnrollmentCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
