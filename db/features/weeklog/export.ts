import { createHash } from 'node:crypto';
import pkg from '../../../package.json' with { type: 'json' };
import { AppError } from '../../../shared/errors';
import { canonicalJson } from '../../../shared/sync/json';
import type { ChangeRecord } from '../../../shared/sync/schema';
import { WEEKLOG_ERRORS } from '../../../shared/weeklog/errors';
import { weeklogFileName, type ExportScope } from '../../../shared/weeklog/file-name';
import { isoWeekOfInstant, weekRange } from '../../../shared/weeklog/iso-week';
import {
  MANIFEST_ENTRY,
  PAYLOAD_ENTRY,
  serializeManifest,
  SIGNATURE_ENTRY,
  WEEKLOG_FORMAT,
  WEEKLOG_FORMAT_VERSION,
  type WeeklogManifest,
} from '../../../shared/weeklog/manifest';
import { signWithDeviceKey } from '../../identity/keys';
import { readProfile } from '../../identity/profile';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { writeZip } from './zip';

export interface ExportContext {
  db: Db;
  deviceId: string;
  schemaVersion: number;
  now: () => Date;
}

export interface ExportRequest {
  scope: ExportScope;
  /** For scope 'week'; default: this week (China time). */
  week?: string | undefined;
}

export interface ExportedWeeklog {
  fileName: string;
  bytes: Buffer;
  manifest: WeeklogManifest;
  manifestSha256: string;
}

interface OutboxRow {
  seq: number;
  change_id: string;
  entity: string;
  row_id: string;
  op: ChangeRecord['op'];
  fields: string;
  base: string;
  hlc: string;
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** `hlc >= wallPrefix(ms)` selects stamps from that millisecond on: HLCs start with the zero-padded wall time. */
function wallPrefix(ms: number): string {
  return String(ms).padStart(15, '0');
}

/** The device's changes for the request, in outbox order. */
function selectChanges(db: Db, request: ExportRequest, week: string): OutboxRow[] {
  const columns = 'seq, change_id, entity, row_id, op, fields, base, hlc';
  if (request.scope === 'week') {
    const range = weekRange(week);
    return statement(db, `SELECT ${columns} FROM outbox WHERE hlc >= ? AND hlc < ? ORDER BY seq`).all(
      wallPrefix(Date.parse(range.startsAt)),
      wallPrefix(Date.parse(range.endsAt)),
    ) as OutboxRow[];
  }
  return statement(db, `SELECT ${columns} FROM outbox WHERE seq > ? ORDER BY seq`).all(lastExportedSeq(db)) as OutboxRow[];
}

export function lastExportedSeq(db: Db): number {
  return (statement(db, 'SELECT max(seq_to) FROM weeklog_export').pluck().get() as number | null) ?? 0;
}

/** The change record exactly as sync pushes it (shared/sync's ChangeRecord). */
export function toChangeRecord(row: OutboxRow): ChangeRecord {
  const change: ChangeRecord = {
    changeId: row.change_id,
    seq: row.seq,
    hlc: row.hlc,
    entity: row.entity,
    rowId: row.row_id,
    op: row.op,
    fields: JSON.parse(row.fields) as ChangeRecord['fields'],
  };
  const base = JSON.parse(row.base) as ChangeRecord['fields'];
  if (row.op !== 'create' && Object.keys(base).length > 0) change.base = base;
  return change;
}

function tally(changes: readonly ChangeRecord[], key: 'entity' | 'op'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const change of changes) counts[change[key]] = (counts[change[key]] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Writes this device's weekly-log file (DESIGN §5, docs/weeklog-format.md) and records
 * the export, so the next "since my last export" starts after it. Nothing else changes.
 */
export function exportWeeklog(ctx: ExportContext, request: ExportRequest): ExportedWeeklog {
  const { db } = ctx;
  const profile = readProfile(db, ctx.deviceId);
  const userName = profile.userName;
  if (!userName) throw new AppError('E_WEEKLOG_PROFILE_REQUIRED', WEEKLOG_ERRORS.E_WEEKLOG_PROFILE_REQUIRED);
  const now = ctx.now();
  const week = request.scope === 'week' && request.week ? request.week : isoWeekOfInstant(now);
  return db.transaction((): ExportedWeeklog => {
    const rows = selectChanges(db, request, week);
    if (request.scope === 'since-last-export' && rows.length === 0) throw new AppError('E_WEEKLOG_NOTHING_NEW', WEEKLOG_ERRORS.E_WEEKLOG_NOTHING_NEW);
    const changes = rows.map(toChangeRecord);
    const payload = Buffer.from(changes.map((change) => `${canonicalJson(change)}\n`).join(''), 'utf8');
    const previous = statement(db, 'SELECT manifest_sha256, seq_to FROM weeklog_export ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as
      | { manifest_sha256: string; seq_to: number | null }
      | undefined;
    const first = changes[0];
    const last = changes.at(-1);
    const hlcs = changes.map((change) => change.hlc).sort();
    const manifest: WeeklogManifest = {
      format: WEEKLOG_FORMAT,
      formatVersion: WEEKLOG_FORMAT_VERSION,
      schemaVersion: ctx.schemaVersion,
      appVersion: pkg.version,
      scope: request.scope,
      week,
      createdAt: now.toISOString(),
      device: { id: ctx.deviceId, publicKey: profile.publicKey },
      user: { id: profile.userId ?? ctx.deviceId, name: userName },
      team: { id: profile.teamId, name: profile.teamName },
      seq: first && last ? { from: first.seq, to: last.seq } : null,
      hlc: hlcs.length > 0 ? { from: hlcs[0]!, to: hlcs.at(-1)! } : null,
      counts: { changes: changes.length, byEntity: tally(changes, 'entity'), byOp: tally(changes, 'op') },
      payload: { name: PAYLOAD_ENTRY, bytes: payload.length, sha256: sha256(payload) },
      previous: previous ? { manifestSha256: previous.manifest_sha256, seqTo: previous.seq_to } : null,
    };
    const manifestBytes = Buffer.from(serializeManifest(manifest), 'utf8');
    const signature = signWithDeviceKey(db, manifestBytes);
    const bytes = writeZip([
      { name: MANIFEST_ENTRY, data: manifestBytes },
      { name: SIGNATURE_ENTRY, data: signature, deflate: false },
      { name: PAYLOAD_ENTRY, data: payload },
    ]);
    const manifestSha256 = sha256(manifestBytes);
    const fileName = weeklogFileName(userName, week, request.scope);
    statement(
      db,
      `INSERT INTO weeklog_export (manifest_sha256, scope, week, seq_from, seq_to, change_count, file_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (manifest_sha256) DO NOTHING`,
    ).run(manifestSha256, request.scope, week, manifest.seq?.from ?? null, manifest.seq?.to ?? null, changes.length, fileName, manifest.createdAt);
    return { fileName, bytes, manifest, manifestSha256 };
  })();
}
