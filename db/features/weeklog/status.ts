import type { ImportedFileEntry, WeeklogExportInfo, WeeklogStatus } from '../../../shared/contract/weeklog';
import type { ImportStats } from '../../../shared/sync/schema';
import { isoWeekOfInstant, weekRange } from '../../../shared/weeklog/iso-week';
import { publicKeyFingerprint } from '../../identity/keys';
import { readProfile } from '../../identity/profile';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { lastExportedSeq } from './export';

/** What the 导出本周日志 page shows: who this device is, what a file would hold, the last export. */
export function weeklogStatus(db: Db, deviceId: string, now: Date, week?: string): WeeklogStatus {
  const profile = readProfile(db, deviceId);
  const shown = week ?? isoWeekOfInstant(now);
  const range = weekRange(shown);
  const prefix = (iso: string) => String(Date.parse(iso)).padStart(15, '0');
  const weekChanges = statement(db, 'SELECT count(*) FROM outbox WHERE hlc >= ? AND hlc < ?').pluck().get(prefix(range.startsAt), prefix(range.endsAt)) as number;
  const sinceLastExport = statement(db, 'SELECT count(*) FROM outbox WHERE seq > ?').pluck().get(lastExportedSeq(db)) as number;
  const last = statement(db, 'SELECT * FROM weeklog_export ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as
    | { scope: WeeklogExportInfo['scope']; week: string; file_name: string; change_count: number; seq_from: number | null; seq_to: number | null; created_at: string }
    | undefined;
  return {
    deviceId,
    publicKey: profile.publicKey,
    fingerprint: profile.fingerprint,
    userName: profile.userName,
    teamName: profile.teamName,
    week: shown,
    weekChanges,
    sinceLastExport,
    lastExport: last
      ? { scope: last.scope, week: last.week, fileName: last.file_name, changeCount: last.change_count, seqFrom: last.seq_from, seqTo: last.seq_to, createdAt: last.created_at }
      : null,
  };
}

interface ImportRow {
  manifest_sha256: string;
  file_name: string;
  device_id: string;
  user_id: string;
  user_name: string;
  week: string;
  scope: ImportedFileEntry['scope'];
  seq_from: number | null;
  seq_to: number | null;
  change_count: number;
  exported_at: string;
  imported_at: string;
  summary: string;
}

/** Files this lead imported, newest first. */
export function importedFiles(db: Db, limit: number): ImportedFileEntry[] {
  const rows = statement(db, 'SELECT i.*, d.public_key FROM weeklog_import i LEFT JOIN known_device d ON d.device_id = i.device_id ORDER BY imported_at DESC, exported_at DESC LIMIT ?').all(limit) as (ImportRow & {
    public_key: string | null;
  })[];
  return rows.map((row) => ({
    fileName: row.file_name,
    manifestSha256: row.manifest_sha256,
    importedAt: row.imported_at,
    stats: (JSON.parse(row.summary) as { stats: ImportStats }).stats,
    deviceId: row.device_id,
    fingerprint: row.public_key ? publicKeyFingerprint(row.public_key) : '',
    userId: row.user_id,
    userName: row.user_name,
    teamName: null,
    week: row.week,
    scope: row.scope,
    exportedAt: row.exported_at,
    changeCount: row.change_count,
    seqFrom: row.seq_from,
    seqTo: row.seq_to,
  }));
}
