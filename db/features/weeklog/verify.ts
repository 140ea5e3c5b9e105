import { createHash } from 'node:crypto';
import { hlcNode, isHlc } from '../../../shared/sync/hlc';
import { weeklogMessages } from '../../../shared/weeklog/errors';
import { WEEKLOG_LIMITS } from '../../../shared/weeklog/limits';
import {
  MANIFEST_ENTRY,
  PAYLOAD_ENTRY,
  SIGNATURE_ENTRY,
  WEEKLOG_FORMAT,
  WEEKLOG_FORMAT_VERSION,
  weeklogManifestSchema,
  type WeeklogManifest,
} from '../../../shared/weeklog/manifest';
import { publicKeyFingerprint, verifyEd25519 } from '../../identity/keys';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { WeeklogRefusal } from './refusal';
import { readWeeklogZip } from './zip';

/** The oldest schema whose change records this app still merges (2: the first with an outbox). */
export const MIN_FILE_SCHEMA_VERSION = 2;

export interface VerifyContext {
  db: Db;
  now: () => Date;
  schemaVersion: number;
}

export interface VerifiedWeeklog {
  manifest: WeeklogManifest;
  manifestSha256: string;
  fileSha256: string;
  /** The change records as they are in the file; the merge engine parses each one itself. */
  changes: unknown[];
}

interface KnownDeviceRow {
  public_key: string;
  revoked_at: string | null;
}

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Everything that must hold before a file may touch the database, checked in an order
 * where each step can trust the ones before it: the container (zip.ts), the signature
 * over the manifest's exact bytes by a device this lead knows, the manifest's form and
 * versions, its clock, then the payload's hash — which the signed manifest carries, so
 * from here on every byte of content is covered — and its agreement with the counts.
 * Throws a WeeklogRefusal; reads the known-device list and nothing else.
 */
export function verifyWeeklogFile(ctx: VerifyContext, bytes: Uint8Array, fileSha256: string = sha256Hex(bytes)): VerifiedWeeklog {
  const entries = readWeeklogZip(bytes);
  const manifestBytes = entries.get(MANIFEST_ENTRY)!;
  const signature = entries.get(SIGNATURE_ENTRY)!;
  const payload = entries.get(PAYLOAD_ENTRY)!;
  if (signature.length === 0) throw new WeeklogRefusal('E_WEEKLOG_SIGNATURE_MISSING');

  const claimed = claimedDevice(manifestBytes);
  const known = statement(ctx.db, 'SELECT public_key, revoked_at FROM known_device WHERE device_id = ?').get(claimed.id) as KnownDeviceRow | undefined;
  // A known device is checked against the key the lead registered, never the one the file names.
  if (!verifyEd25519(known?.public_key ?? claimed.publicKey, manifestBytes, signature)) throw new WeeklogRefusal('E_WEEKLOG_SIGNATURE_INVALID');
  const manifest = parseManifest(manifestBytes);
  if (!known) {
    const fingerprint = publicKeyFingerprint(manifest.device.publicKey);
    throw new WeeklogRefusal('E_WEEKLOG_UNKNOWN_DEVICE', weeklogMessages.unknownDevice(manifest.user.name || manifest.device.id, fingerprint), {
      deviceId: manifest.device.id,
      publicKey: manifest.device.publicKey,
      fingerprint,
      userId: manifest.user.id,
      userName: manifest.user.name,
      week: manifest.week,
    });
  }
  if (known.public_key !== manifest.device.publicKey) throw new WeeklogRefusal('E_WEEKLOG_DEVICE_KEY_MISMATCH', weeklogMessages.keyMismatch(manifest.user.name || manifest.device.id));
  if (known.revoked_at !== null) throw new WeeklogRefusal('E_WEEKLOG_DEVICE_REVOKED');

  if (manifest.schemaVersion > ctx.schemaVersion || manifest.schemaVersion < MIN_FILE_SCHEMA_VERSION) {
    throw new WeeklogRefusal('E_WEEKLOG_SCHEMA_UNSUPPORTED', weeklogMessages.schema(manifest.schemaVersion, ctx.schemaVersion));
  }
  const nowMs = ctx.now().getTime();
  const newest = Math.max(Date.parse(manifest.createdAt), manifest.hlc ? wallMs(manifest.hlc.to) : 0);
  if (newest - nowMs > WEEKLOG_LIMITS.maxClockSkewMs) throw new WeeklogRefusal('E_WEEKLOG_FROM_FUTURE', weeklogMessages.fromFuture(newest - nowMs));

  if (payload.length !== manifest.payload.bytes || sha256Hex(payload) !== manifest.payload.sha256) throw new WeeklogRefusal('E_WEEKLOG_PAYLOAD_HASH');
  const changes = parsePayload(payload);
  checkAgainstManifest(manifest, changes);
  return { manifest, manifestSha256: sha256Hex(manifestBytes), fileSha256, changes };
}

/** Just enough of the manifest to know whose key must have signed it. */
function claimedDevice(manifestBytes: Buffer): { id: string; publicKey: string } {
  const parsed = decodeJson(manifestBytes);
  const device = typeof parsed === 'object' && parsed !== null ? (parsed as { device?: unknown }).device : undefined;
  const id = typeof device === 'object' && device !== null ? (device as { id?: unknown }).id : undefined;
  const publicKey = typeof device === 'object' && device !== null ? (device as { publicKey?: unknown }).publicKey : undefined;
  if (typeof id !== 'string' || typeof publicKey !== 'string' || id.length > 64) throw new WeeklogRefusal('E_WEEKLOG_MANIFEST_INVALID');
  return { id, publicKey };
}

function parseManifest(manifestBytes: Buffer): WeeklogManifest {
  const raw = decodeJson(manifestBytes) as { format?: unknown; formatVersion?: unknown };
  if (raw.format !== WEEKLOG_FORMAT) throw new WeeklogRefusal('E_WEEKLOG_MANIFEST_INVALID');
  if (raw.formatVersion !== WEEKLOG_FORMAT_VERSION) {
    throw new WeeklogRefusal('E_WEEKLOG_FORMAT_UNSUPPORTED', weeklogMessages.format(typeof raw.formatVersion === 'number' ? raw.formatVersion : 0));
  }
  const parsed = weeklogManifestSchema.safeParse(raw);
  if (!parsed.success) throw new WeeklogRefusal('E_WEEKLOG_MANIFEST_INVALID');
  return parsed.data;
}

function decodeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new WeeklogRefusal('E_WEEKLOG_MANIFEST_INVALID');
  }
}

function parsePayload(payload: Buffer): unknown[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    throw new WeeklogRefusal('E_WEEKLOG_PAYLOAD_INVALID');
  }
  if (text === '') return [];
  if (!text.endsWith('\n')) throw new WeeklogRefusal('E_WEEKLOG_PAYLOAD_INVALID', weeklogMessages.payloadLine(1, '缺少结尾换行'));
  const lines = text.slice(0, -1).split('\n');
  if (lines.length > WEEKLOG_LIMITS.maxChanges) throw new WeeklogRefusal('E_WEEKLOG_TOO_LARGE');
  return lines.map((line, index) => {
    if (line.length > WEEKLOG_LIMITS.maxChangeBytes) throw new WeeklogRefusal('E_WEEKLOG_PAYLOAD_INVALID', weeklogMessages.payloadLine(index + 1, '过长'));
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
      return value;
    } catch {
      throw new WeeklogRefusal('E_WEEKLOG_PAYLOAD_INVALID', weeklogMessages.payloadLine(index + 1, '不是有效的 JSON 对象'));
    }
  });
}

/**
 * The payload must be what the manifest says: that many changes, of those entities and
 * ops, seqs rising inside the range, stamps inside the HLC range — and, in a member's
 * file, every stamp made by the device that signed it.
 */
function checkAgainstManifest(manifest: WeeklogManifest, changes: readonly unknown[]): void {
  const refuse = (): never => {
    throw new WeeklogRefusal('E_WEEKLOG_COUNTS');
  };
  if (changes.length !== manifest.counts.changes) refuse();
  if ((changes.length === 0) !== (manifest.seq === null) || (changes.length === 0) !== (manifest.hlc === null)) refuse();
  const byEntity: Record<string, number> = {};
  const byOp: Record<string, number> = {};
  let previousSeq = 0;
  for (const item of changes) {
    const change = item as { seq?: unknown; hlc?: unknown; entity?: unknown; op?: unknown };
    if (typeof change.seq !== 'number' || typeof change.hlc !== 'string' || typeof change.entity !== 'string' || typeof change.op !== 'string') refuse();
    const seq = change.seq as number;
    const hlc = change.hlc as string;
    if (!isHlc(hlc) || seq <= previousSeq || !manifest.seq || seq < manifest.seq.from || seq > manifest.seq.to) refuse();
    if (!manifest.hlc || hlc < manifest.hlc.from || hlc > manifest.hlc.to) refuse();
    if (hlcNode(hlc) !== manifest.device.id) refuse();
    previousSeq = seq;
    byEntity[change.entity as string] = (byEntity[change.entity as string] ?? 0) + 1;
    byOp[change.op as string] = (byOp[change.op as string] ?? 0) + 1;
  }
  if (!sameCounts(byEntity, manifest.counts.byEntity) || !sameCounts(byOp, manifest.counts.byOp)) refuse();
}

function sameCounts(actual: Record<string, number>, claimed: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(actual), ...Object.keys(claimed)]);
  for (const key of keys) if ((actual[key] ?? 0) !== (claimed[key] ?? 0)) return false;
  return true;
}

function wallMs(hlc: string): number {
  return Number(hlc.slice(0, 15));
}
