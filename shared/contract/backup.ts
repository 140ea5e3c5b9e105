import { z } from 'zod';
import { method } from './define';

/**
 * Backups and restore, for the settings screen (设置 › 数据备份). Backups live in the data
 * folder's `backups/`, encrypted with the database's key; a restore is checked, staged, and
 * applied when the app next starts (the running database is never swapped under the UI).
 */
export type BackupKind = 'auto' | 'manual' | 'risk';

export interface BackupEntry {
  /** The file name inside backups/, e.g. `auto-2026-11-27T08-00-00-000Z.sqlite3`: the id for backup.restore. */
  name: string;
  /** `auto` daily/weekly, `manual` made by the user (never removed automatically), `risk` made before a migration, import, merge or restore. */
  kind: BackupKind;
  /** For `risk`: `migration-v2`, `import`, `merge`, `restore`, `encryption`. */
  reason: string | null;
  createdAt: string;
  sizeBytes: number;
}

export interface PendingRestoreInfo {
  /** The file that will replace the database on the next start. */
  source: string;
  stagedAt: string;
  schemaVersion: number;
}

export interface LastRestoreInfo {
  ok: boolean;
  at: string;
  source: string;
  /** Chinese sentence for the user: what was restored and where the old data went, or why it was refused. */
  message: string;
}

export interface BackupOverview {
  backups: BackupEntry[];
  /** The folder on this machine, to show the user (it is theirs). */
  folder: string;
  lastAutoBackupAt: string | null;
  pendingRestore: PendingRestoreInfo | null;
  lastRestore: LastRestoreInfo | null;
}

export interface RestoreStaged {
  pendingRestore: PendingRestoreInfo;
  /** Always true: the UI tells the user to restart 黔招通 to finish. */
  restartRequired: true;
  message: string;
}

export const backupName = z
  .string({ error: '请选择一个备份' })
  .max(120, '备份名称不正确')
  .regex(/^(?:auto|manual|pre-[a-z0-9][a-z0-9-]{0,39})-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite3$/, '备份名称不正确');

export const backupContract = {
  /** Every backup, newest first, with any restore waiting for the next start and the last restore's outcome. */
  'backup.list': method<BackupOverview>()(z.object({}).strict()),
  /** A backup now (kind `manual`), made on a worker thread and verified before it is listed. */
  'backup.create': method<BackupEntry>()(z.object({}).strict()),
  /** Checks a backup (opens with the key, quick_check, not newer than the app) and stages it for the next start. */
  'backup.restore': method<RestoreStaged>()(z.object({ name: backupName }).strict()),
  /** Drops a staged restore before it is applied. */
  'backup.cancelRestore': method<{ cancelled: boolean }>()(z.object({}).strict()),
};
