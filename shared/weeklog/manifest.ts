import { z } from 'zod';
import { isHlc } from '../sync/hlc';
import { isIsoWeek } from './iso-week';

/**
 * manifest.json of a weekly-log file (docs/weeklog-format.md). The signature covers its
 * exact bytes, and it carries the SHA-256 of changes.ndjson, so one signature check binds
 * everything in the file. Parsed strictly: an unknown key is refused, not ignored.
 */
export const WEEKLOG_FORMAT = 'qianzhao-weeklog';
export const WEEKLOG_FORMAT_VERSION = 1;
export const PAYLOAD_ENTRY = 'changes.ndjson';
export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
/** Entry order in the zip: the manifest first, so a reader can stop early. */
export const WEEKLOG_ENTRIES = [MANIFEST_ENTRY, SIGNATURE_ENTRY, PAYLOAD_ENTRY] as const;

const id = z.string().regex(/^[0-9A-Za-z-]{1,64}$/);
const hlc = z.string().refine(isHlc, 'not an HLC');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/).refine((value) => !Number.isNaN(Date.parse(value)));
/** Raw 32-byte Ed25519 public key, standard base64. */
export const publicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

export const weeklogManifestSchema = z
  .object({
    format: z.literal(WEEKLOG_FORMAT),
    formatVersion: z.number().int().min(1).max(1000),
    schemaVersion: z.number().int().min(1).max(100_000),
    appVersion: z.string().min(1).max(40),
    scope: z.enum(['week', 'since-last-export']),
    /** The week the file is for (for since-last-export: the week it was made in). */
    week: z.string().refine(isIsoWeek, 'not an ISO week'),
    createdAt: instant,
    device: z.object({ id, publicKey: publicKeySchema }).strict(),
    user: z.object({ id, name: z.string().max(100) }).strict(),
    team: z.object({ id: id.nullable(), name: z.string().max(100).nullable() }).strict(),
    /** The device's outbox sequence numbers in the file; null when it holds no change. */
    seq: z.object({ from: count, to: count }).strict().nullable(),
    hlc: z.object({ from: hlc, to: hlc }).strict().nullable(),
    counts: z
      .object({
        changes: count,
        byEntity: z.record(z.string().max(64), count),
        byOp: z.record(z.string().max(16), count),
      })
      .strict(),
    payload: z.object({ name: z.literal(PAYLOAD_ENTRY), bytes: count, sha256 }).strict(),
    /** The export before this one from the same device: lets the lead see a missing file. */
    previous: z.object({ manifestSha256: sha256, seqTo: count.nullable() }).strict().nullable(),
  })
  .strict();

export type WeeklogManifest = z.infer<typeof weeklogManifestSchema>;

/** The manifest's bytes: JSON in the key order above, two-space indent, UTF-8, trailing newline. */
export function serializeManifest(manifest: WeeklogManifest): string {
  return `${JSON.stringify(weeklogManifestSchema.parse(manifest), null, 2)}\n`;
}
