import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { canonicalJson } from '../../../shared/sync/json';
import { MANIFEST_ENTRY, PAYLOAD_ENTRY, SIGNATURE_ENTRY, serializeManifest, type WeeklogManifest } from '../../../shared/weeklog/manifest';
import { signWithDeviceKey } from '../../identity/keys';
import type { Db } from '../../sql';
import { readWeeklogZip, writeZip } from './zip';

/**
 * Builders of hostile weekly-log files for the tests: take a real exported file apart,
 * change what an attacker (or a broken exporter) would change, and put it back together,
 * with the original signature, a stranger's, or — to test the checks behind the
 * signature — the member's own device key.
 */
export interface FileParts {
  manifest: WeeklogManifest;
  manifestBytes: Buffer;
  signature: Buffer;
  payload: Buffer;
}

export function takeApart(file: Uint8Array): FileParts {
  const entries = readWeeklogZip(file);
  const manifestBytes = entries.get(MANIFEST_ENTRY)!;
  return { manifest: JSON.parse(manifestBytes.toString('utf8')) as WeeklogManifest, manifestBytes, signature: entries.get(SIGNATURE_ENTRY)!, payload: entries.get(PAYLOAD_ENTRY)! };
}

export function assemble(parts: { manifestBytes: Uint8Array; signature: Uint8Array; payload: Uint8Array }, names: readonly string[] = [MANIFEST_ENTRY, SIGNATURE_ENTRY, PAYLOAD_ENTRY]): Buffer {
  return writeZip([
    { name: names[0]!, data: parts.manifestBytes },
    { name: names[1]!, data: parts.signature, deflate: false },
    { name: names[2]!, data: parts.payload },
  ]);
}

/** A manifest for `payload`, with its hash and counts right, changed by `patch`. */
export function manifestFor(base: WeeklogManifest, payload: Buffer, patch: Partial<WeeklogManifest> = {}): WeeklogManifest {
  return { ...base, payload: { ...base.payload, bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex') }, ...patch };
}

/** Re-signs with the member's own device key: the signature is good, so the checks behind it must catch the rest. */
export function forgeByDevice(deviceDb: Db, manifest: WeeklogManifest, payload: Buffer): Buffer {
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return assemble({ manifestBytes, signature: signWithDeviceKey(deviceDb, manifestBytes), payload });
}

/** Signed by a key the lead has never seen. */
export function signByStranger(manifest: WeeklogManifest, payload: Buffer): Buffer {
  const { privateKey } = generateKeyPairSync('ed25519');
  const manifestBytes = Buffer.from(serializeManifest(manifest), 'utf8');
  return assemble({ manifestBytes, signature: sign(null, manifestBytes, privateKey), payload });
}

export function ndjson(records: readonly unknown[]): Buffer {
  return Buffer.from(records.map((record) => `${canonicalJson(record)}\n`).join(''), 'utf8');
}
