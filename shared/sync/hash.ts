import { canonicalJson } from './json';
import type { ChangeRecord } from './schema';

/**
 * SHA-256 is injected: Node passes `node:crypto`, the browser SubtleCrypto. This module
 * stays pure and the same bytes are hashed everywhere.
 */
export type Sha256Hex = (data: Uint8Array) => string;
export type Sha256HexAsync = (data: Uint8Array) => Promise<string>;

/**
 * What a change *is*, independent of how it travelled: everything except `seq` (a
 * position in one device's queue — a team lead re-pushing a member's change gives it
 * another seq, and it must still be recognised as the same change).
 */
export function changeContentBytes(change: ChangeRecord): Uint8Array {
  const { seq: _seq, ...content } = change;
  return new TextEncoder().encode(canonicalJson(content));
}

export function changeContentHash(change: ChangeRecord, sha256: Sha256Hex): string {
  return sha256(changeContentBytes(change));
}

export function changeContentHashAsync(change: ChangeRecord, sha256: Sha256HexAsync): Promise<string> {
  return sha256(changeContentBytes(change));
}

/** Hash of any JSON value in canonical form (e.g. a whole push body). */
export function jsonHash(value: unknown, sha256: Sha256Hex): string {
  return sha256(new TextEncoder().encode(canonicalJson(value)));
}

/** SubtleCrypto-backed SHA-256 for the browser (also present in Node ≥ 20 as globalThis.crypto). */
export const subtleSha256: Sha256HexAsync = async (data) => {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
};

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
