import type { WeeklogFileInfo, WeeklogFileResult, WeeklogImportResult } from '../../../shared/contract/weeklog';
import { AppError } from '../../../shared/errors';
import { SYNC_ENTITIES, isSyncEntity } from '../../../shared/sync/entities';
import { checkMassDelete } from '../../../shared/sync/guard';
import { changeContentHash } from '../../../shared/sync/hash';
import { emptyStats, importChanges, newResult, type ImportResult } from '../../../shared/sync/import';
import type { ChangeRecord } from '../../../shared/sync/schema';
import { WEEKLOG_ERRORS, weeklogMessages } from '../../../shared/weeklog/errors';
import { WEEKLOG_LIMITS } from '../../../shared/weeklog/limits';
import type { WeeklogManifest } from '../../../shared/weeklog/manifest';
import { publicKeyFingerprint } from '../../identity/keys';
import type { Db } from '../../sql';
import { ENTITIES, isEntityName } from '../../store/entities';
import { ensureSyncSchema, recordConflict } from '../../sync/state';
import { statement } from '../../store/statements';
import type { Actor } from '../../store/writer';
import { SqliteImportStore } from './merge-store';
import { WeeklogRefusal } from './refusal';
import { sha256Hex, verifyWeeklogFile, type VerifiedWeeklog } from './verify';

export interface ImportContext {
  db: Db;
  deviceId: string;
  schemaVersion: number;
  now: () => Date;
  /** Its clock folds in every merged stamp, so the lead's next edit is stamped after them. */
  actor?: Actor;
}

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
  /** Larger than a weekly log may be: refused without reading it (the upload route sets this). */
  oversize?: boolean;
}

export interface ImportRequest {
  /** Merge everything, report, then roll back: the preview shows exactly what importing would do. */
  dryRun: boolean;
  /** Manifest hashes of files the lead confirmed although they delete more than half of a member's rows. */
  confirm?: readonly string[];
}

class DryRunRollback extends Error {}

const nodeSha256 = (data: Uint8Array): string => sha256Hex(data);

/**
 * The team lead's import of members' weekly-log files. Each file is verified on its own
 * (verify.ts) and refused with a reason, or skipped when already imported; the rest are
 * merged by shared/sync's engine — the same `importChanges` the platform and pull run —
 * each file in its own transaction. A dry run does all of it inside one transaction and
 * rolls it back. Any order of the same files ends in the same rows (merge-store.ts).
 */
export function importWeeklogFiles(ctx: ImportContext, files: readonly IncomingFile[], request: ImportRequest): WeeklogImportResult {
  if (files.length > WEEKLOG_LIMITS.maxFilesPerImport) {
    throw new AppError('E_WEEKLOG_TOO_MANY_FILES', weeklogMessages.tooManyFiles(WEEKLOG_LIMITS.maxFilesPerImport));
  }
  const results: WeeklogFileResult[] = [];
  const toMerge: { index: number; file: VerifiedWeeklog; name: string }[] = [];
  const seen = new Set<string>();
  for (const [index, incoming] of files.entries()) {
    const outcome = screen(ctx, incoming, seen, request.dryRun);
    results.push(outcome.result);
    if (outcome.verified) toMerge.push({ index, file: outcome.verified, name: incoming.name });
  }
  // Parents before children when the files allow it (fewer rows wait); the end state does not depend on it.
  toMerge.sort((a, b) => (a.file.manifest.hlc?.from ?? '').localeCompare(b.file.manifest.hlc?.from ?? '') || a.file.manifestSha256.localeCompare(b.file.manifestSha256));

  const store = new SqliteImportStore(ctx.db, { source: 'weeklog', userId: null });
  const mergeAll = (): void => {
    for (const item of toMerge) results[item.index] = mergeFile(ctx, store, item.file, item.name, request);
  };
  if (request.dryRun) {
    try {
      ctx.db.transaction(() => {
        mergeAll();
        throw new DryRunRollback();
      })();
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
  } else {
    mergeAll();
  }
  return summarize(results, request.dryRun);
}

interface Screened {
  result: WeeklogFileResult;
  verified?: VerifiedWeeklog;
}

function screen(ctx: ImportContext, incoming: IncomingFile, seen: Set<string>, dryRun: boolean): Screened {
  const fileSha256 = sha256Hex(incoming.bytes);
  const base = { fileName: incoming.name, fileSha256, manifestSha256: null, file: null, stats: emptyStats(), conflicts: [], errors: [], waiting: 0 };
  if (incoming.oversize) {
    return { result: { ...base, status: 'refused', reason: { code: 'E_WEEKLOG_TOO_LARGE', message: weeklogMessages.tooLarge(WEEKLOG_LIMITS.maxFileBytes / 1024 / 1024) } } };
  }
  const already = statement(ctx.db, 'SELECT manifest_sha256 FROM weeklog_import WHERE file_sha256 = ? LIMIT 1').pluck().get(fileSha256) as string | undefined;
  if (already) return { result: { ...base, manifestSha256: already, status: 'skipped', reason: { code: 'ALREADY_IMPORTED', message: '该文件已导入过，本次跳过' } } };
  let verified: VerifiedWeeklog;
  try {
    verified = verifyWeeklogFile(ctx, incoming.bytes, fileSha256);
  } catch (error) {
    if (!(error instanceof WeeklogRefusal)) {
      console.error('[weeklog] unexpected failure while verifying a file:', error);
      return { result: { ...base, status: 'refused', reason: { code: 'E_WEEKLOG_DAMAGED', message: WEEKLOG_ERRORS.E_WEEKLOG_DAMAGED } } };
    }
    const reason = { code: error.code, message: error.message, ...(error.details ? { details: { ...error.details } } : {}) };
    return { result: { ...base, status: 'refused', reason, file: error.details ? infoFromDetails(error.details) : null } };
  }
  const result = { ...base, manifestSha256: verified.manifestSha256, file: fileInfo(verified.manifest) };
  if (verified.manifest.device.id === ctx.deviceId) return { result: { ...result, status: 'skipped', reason: { code: 'OWN_DEVICE', message: '这是本机导出的文件，无需导入' } } };
  const imported = statement(ctx.db, 'SELECT 1 FROM weeklog_import WHERE manifest_sha256 = ?').pluck().get(verified.manifestSha256);
  if (imported || seen.has(verified.manifestSha256)) {
    return { result: { ...result, status: 'skipped', reason: { code: 'ALREADY_IMPORTED', message: imported ? '该文件已导入过，本次跳过' : '与本次选择的另一个文件相同，跳过' } } };
  }
  seen.add(verified.manifestSha256);
  return { result: { ...result, status: dryRun ? 'preview' : 'imported', reason: null }, verified };
}

function mergeFile(ctx: ImportContext, store: SqliteImportStore, file: VerifiedWeeklog, fileName: string, request: ImportRequest): WeeklogFileResult {
  const { manifest } = file;
  const base: WeeklogFileResult = {
    fileName,
    fileSha256: file.fileSha256,
    manifestSha256: file.manifestSha256,
    status: request.dryRun ? 'preview' : 'imported',
    reason: null,
    file: fileInfo(manifest),
    stats: emptyStats(),
    conflicts: [],
    errors: [],
    waiting: 0,
  };
  const massDelete = massDeleteCheck(ctx.db, manifest.user.id, file.changes);
  if (massDelete.stop && !(request.confirm ?? []).includes(file.manifestSha256)) {
    const message = `该文件将删除 ${manifest.user.name} 的 ${massDelete.deletions} 条记录（现有 ${massDelete.liveRows} 条，超过一半），已暂停；请核实后确认导入`;
    return { ...base, status: 'needs-confirmation', reason: { code: 'E_SYNC_MASS_DELETE', message, details: { deletions: massDelete.deletions, liveRows: massDelete.liveRows } } };
  }
  try {
    const result = ctx.db.transaction((): ImportResult => {
      store.setOrigin({ source: 'weeklog', userId: manifest.user.id });
      const merged = importChanges(store, file.changes, {
        hash: (change) => changeContentHash(change, nodeSha256),
        check: checkForThisApp,
        onMerged: (change) => ctx.actor?.clock.receive(change.hlc),
      }, newResult());
      recordConflicts(ctx, merged);
      recordImport(ctx, file, fileName, merged);
      return merged;
    })();
    return { ...base, stats: result.stats, conflicts: result.conflicts, errors: result.errors, waiting: store.countWaiting() };
  } catch (error) {
    console.error('[weeklog] merge failed, file rolled back:', error);
    return { ...base, status: 'refused', reason: { code: 'E_WEEKLOG_MERGE_FAILED', message: WEEKLOG_ERRORS.E_WEEKLOG_MERGE_FAILED } };
  }
}

/** What this app can store: an entity it has a table for, written by devices (not platform reference data). */
function checkForThisApp(change: ChangeRecord): { code: 'E_SYNC_UNKNOWN_ENTITY' | 'E_SYNC_FORBIDDEN_ENTITY'; message: string } | null {
  if (!isEntityName(change.entity)) return { code: 'E_SYNC_UNKNOWN_ENTITY', message: `本程序不认识的数据类型：${change.entity}` };
  if (isSyncEntity(change.entity) && SYNC_ENTITIES[change.entity].origin === 'platform') {
    return { code: 'E_SYNC_FORBIDDEN_ENTITY', message: '周志文件不能修改平台维护的参考数据' };
  }
  return null;
}

/** DESIGN §4: an import that would delete more than half of a member's rows stops and asks. */
function massDeleteCheck(db: Db, userId: string, changes: readonly unknown[]) {
  const deletes = changes.filter((item): item is ChangeRecord => {
    const op = (item as { op?: unknown }).op;
    return op === 'delete' || op === 'restore';
  });
  if (!deletes.some((change) => change.op === 'delete')) return { stop: false, deletions: 0, liveRows: 0 };
  const tables = Object.values(ENTITIES).map((spec) => spec.table);
  const liveRows = tables.reduce((sum, table) => sum + (statement(db, `SELECT count(*) FROM ${table} WHERE owner_user_id = ? AND deleted = 0`).pluck().get(userId) as number), 0);
  const isLiveOwnedRow = (entity: string, rowId: string): boolean =>
    isEntityName(entity) && statement(db, `SELECT 1 FROM ${ENTITIES[entity].table} WHERE id = ? AND owner_user_id = ? AND deleted = 0`).pluck().get(rowId, userId) !== undefined;
  return checkMassDelete(deletes, isLiveOwnedRow, liveRows, { minDeletions: 5 });
}

/** Conflicts go to the same list as sync's, where the user picks a value (db/sync/conflicts.ts). */
function recordConflicts(ctx: ImportContext, result: ImportResult): void {
  if (result.conflicts.length === 0) return;
  ensureSyncSchema(ctx.db);
  const at = ctx.now().toISOString();
  for (const conflict of result.conflicts) recordConflict(ctx.db, conflict, at);
}

function recordImport(ctx: ImportContext, file: VerifiedWeeklog, fileName: string, result: ImportResult): void {
  const { manifest } = file;
  statement(
    ctx.db,
    `INSERT INTO weeklog_import (manifest_sha256, file_sha256, file_name, device_id, user_id, user_name, week, scope, seq_from, seq_to, change_count, exported_at, imported_at, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    file.manifestSha256,
    file.fileSha256,
    fileName.slice(0, 255),
    manifest.device.id,
    manifest.user.id,
    manifest.user.name,
    manifest.week,
    manifest.scope,
    manifest.seq?.from ?? null,
    manifest.seq?.to ?? null,
    manifest.counts.changes,
    manifest.createdAt,
    ctx.now().toISOString(),
    JSON.stringify({ stats: result.stats, conflicts: result.conflicts.length, errors: result.errors.slice(0, 50) }),
  );
}

export function fileInfo(manifest: WeeklogManifest): WeeklogFileInfo {
  return {
    deviceId: manifest.device.id,
    fingerprint: publicKeyFingerprint(manifest.device.publicKey),
    userId: manifest.user.id,
    userName: manifest.user.name,
    teamName: manifest.team.name,
    week: manifest.week,
    scope: manifest.scope,
    exportedAt: manifest.createdAt,
    changeCount: manifest.counts.changes,
    seqFrom: manifest.seq?.from ?? null,
    seqTo: manifest.seq?.to ?? null,
  };
}

function infoFromDetails(details: Readonly<Record<string, string | number | null>>): WeeklogFileInfo | null {
  if (typeof details.deviceId !== 'string' || typeof details.userId !== 'string') return null;
  return {
    deviceId: details.deviceId,
    fingerprint: String(details.fingerprint ?? ''),
    userId: details.userId,
    userName: String(details.userName ?? ''),
    teamName: null,
    week: typeof details.week === 'string' ? details.week : '',
    scope: 'week',
    exportedAt: '',
    changeCount: 0,
    seqFrom: null,
    seqTo: null,
  };
}

function summarize(files: WeeklogFileResult[], dryRun: boolean): WeeklogImportResult {
  const total = { ...emptyStats(), files: files.length, imported: 0, skipped: 0, refused: 0 };
  for (const file of files) {
    for (const key of ['created', 'updated', 'deleted', 'ignored', 'conflicts', 'errors', 'total'] as const) total[key] += file.stats[key];
    if (file.status === 'imported' || file.status === 'preview') total.imported += 1;
    else if (file.status === 'skipped') total.skipped += 1;
    else total.refused += 1;
  }
  const status: WeeklogImportResult['status'] =
    total.refused === files.length && files.length > 0 ? 'ERROR' : total.refused > 0 || total.conflicts > 0 || total.errors > 0 ? 'WARNING' : 'OK';
  const nothingNew = total.imported > 0 && total.created + total.updated + total.deleted === 0;
  const parts = [
    `共 ${files.length} 个文件：${dryRun ? '可导入' : '导入'} ${total.imported} 个，跳过 ${total.skipped} 个，拒绝 ${total.refused} 个`,
    `新增 ${total.created} 条，更新 ${total.updated} 条，删除 ${total.deleted} 条，未变 ${total.ignored} 条，冲突 ${total.conflicts} 条，错误 ${total.errors} 条`,
  ];
  const headline = `${dryRun ? '预览（尚未导入）' : ''}${parts.join('；')}${total.imported === 0 && total.skipped > 0 && total.refused === 0 ? '。全部文件此前已导入，数据没有任何变化' : nothingNew ? '。数据没有变化' : ''}`;
  return { dryRun, status, files, total, headline };
}
