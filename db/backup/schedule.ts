import type { Db } from '../sql';
import { backupDirOf, backupInBackground, cancelBackgroundBackup, listBackups, rotateBackups, type BackupInfo } from './backup';

export interface ScheduleOptions {
  /** Wait after start before the first check: start-up (and its quick_check) come first. */
  firstDelayMs?: number;
  /** How often to check whether today's backup exists. */
  intervalMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface BackupSchedule {
  /** Makes today's backup now if there is none yet, then rotates. Resolves with the new backup or null. */
  runOnce(): Promise<BackupInfo | null>;
  stop(): void;
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/**
 * Rolling backups while the app runs: a few minutes after start and then hourly, if no
 * automatic backup exists for today, one is made on a worker thread and old ones are
 * rotated away (rotation.ts). A laptop that sleeps through midnight gets its backup on the
 * next hourly check. Failures are logged and retried next hour; they never stop the app.
 */
export function startBackupSchedule(db: Db, options: ScheduleOptions = {}): BackupSchedule {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.error(line));
  const backupDir = backupDirOf(db);
  let running: Promise<BackupInfo | null> | null = null;
  let stopped = false;

  const runOnce = (): Promise<BackupInfo | null> => {
    if (running) return running;
    running = (async () => {
      const today = now();
      const hasToday = listBackups(backupDir).some((backup) => backup.kind === 'auto' && sameLocalDay(backup.createdAt, today));
      if (hasToday || stopped || !db.open) return null;
      const made = await backupInBackground(db, { kind: 'auto', now: today });
      rotateBackups(backupDir, today);
      return made;
    })()
      .catch((error: unknown) => {
        if (!stopped) log(`[backup] automatic backup failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const first = setTimeout(() => void runOnce(), options.firstDelayMs ?? 3 * 60 * 1000);
  const hourly = setInterval(() => void runOnce(), options.intervalMs ?? 60 * 60 * 1000);
  first.unref();
  hourly.unref();
  return {
    runOnce,
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(hourly);
      // A worker still reading would hold the WAL open and delay the close's checkpoint.
      if (running) cancelBackgroundBackup(backupDir);
    },
  };
}
