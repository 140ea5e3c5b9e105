import path from 'node:path';

/**
 * Backup files are named for what they are and when they were made, so the folder reads
 * well in a file manager and rotation needs no index file:
 *   auto-2026-11-27T08-00-00-000Z.sqlite3          rolling (daily / weekly)
 *   manual-2026-11-27T08-00-00-000Z.sqlite3        made by the user; never rotated away
 *   pre-migration-v2-2026-11-27T08-00-00-000Z.sqlite3, pre-import-…, pre-merge-…, pre-restore-…
 *                                                  made before a risky step
 * Every backup is encrypted with the database's own key.
 */
export type BackupKind = 'auto' | 'manual' | 'risk';

export const BACKUP_DIR = 'backups';
export const BACKUP_EXTENSION = '.sqlite3';
/** In-progress copies: never listed, never restored, swept when old. */
export const TEMP_PREFIX = '.tmp-';

export interface BackupName {
  name: string;
  kind: BackupKind;
  /** For `risk`: what was about to happen (`migration-v2`, `import`, `merge`, `restore`). */
  reason: string | null;
  createdAt: Date;
}

const STAMP = String.raw`(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)`;
const PATTERN = new RegExp(String.raw`^(?:(auto|manual)|pre-([a-z0-9][a-z0-9-]{0,39}))-${STAMP}\.sqlite3$`);
/** What a caller may pass as the reason of a risk backup: it becomes part of a file name. */
export const REASON_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function dateOfStamp(stamp: string): Date {
  const iso = stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
  return new Date(iso);
}

export function backupFileName(kind: BackupKind, createdAt: Date, reason: string | null = null): string {
  if (kind === 'risk') {
    if (reason === null || !REASON_PATTERN.test(reason) || reason.length > 40) throw new Error(`A risk backup needs a kebab-case reason, got ${JSON.stringify(reason)}`);
    return `pre-${reason}-${stampOf(createdAt)}${BACKUP_EXTENSION}`;
  }
  return `${kind}-${stampOf(createdAt)}${BACKUP_EXTENSION}`;
}

/** Null for anything that is not one of our backup names (rotation never touches such files). */
export function parseBackupName(name: string): BackupName | null {
  const match = PATTERN.exec(path.basename(name));
  if (!match || match[3] === undefined) return null;
  const createdAt = dateOfStamp(match[3]);
  if (Number.isNaN(createdAt.getTime())) return null;
  if (match[1] !== undefined) return { name, kind: match[1] as 'auto' | 'manual', reason: null, createdAt };
  return { name, kind: 'risk', reason: match[2] ?? null, createdAt };
}
