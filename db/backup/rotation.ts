import type { BackupName } from './names';

/**
 * Which backups to keep. Pure: a list of names and a clock in, a set out.
 *
 * Rolling (`auto`) backups, in the machine's local calendar:
 *   - daily for a week: the newest backup of each of the last 7 days (today included);
 *   - weekly for a month: the newest backup of each week (Monday to Sunday) for backups
 *     up to 31 days old;
 *   - and always the newest two, however old: a laptop left in a drawer for two months must
 *     come back with its last backups, not with none.
 * Backups before a risky step (`risk`: migration, import, merge, restore): those younger
 * than 7 days, at most 20; always the newest 3.
 * Backups the user made (`manual`): never removed automatically.
 */
export const ROTATION = {
  dailyDays: 7,
  weeklyMaxAgeDays: 31,
  autoAlwaysKeep: 2,
  riskMaxAgeDays: 7,
  riskMax: 20,
  riskAlwaysKeep: 3,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Local calendar day, as a sortable number of days (DST-proof: built from the date parts). */
function localDayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** Local week, numbered by the day number of its Monday. */
function localWeekNumber(date: Date): number {
  const day = localDayNumber(date);
  const weekday = (date.getDay() + 6) % 7; // Monday 0 … Sunday 6
  return day - weekday;
}

function newestFirst(a: BackupName, b: BackupName): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.name < b.name ? 1 : -1);
}

/** Newest backup per key, for backups passing `include`. */
function newestPer(backups: readonly BackupName[], key: (backup: BackupName) => number, include: (backup: BackupName) => boolean): BackupName[] {
  const seen = new Set<number>();
  const kept: BackupName[] = [];
  for (const backup of backups) {
    if (!include(backup)) continue;
    const k = key(backup);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(backup);
  }
  return kept;
}

export function backupsToKeep(backups: readonly BackupName[], now: Date): Set<string> {
  const keep = new Set<string>();
  const today = localDayNumber(now);
  const ageDays = (backup: BackupName): number => Math.max(0, (now.getTime() - backup.createdAt.getTime()) / DAY_MS);

  const auto = backups.filter((b) => b.kind === 'auto').sort(newestFirst);
  const inDailyWindow = (b: BackupName): boolean => today - localDayNumber(b.createdAt) < ROTATION.dailyDays;
  for (const b of newestPer(auto, (x) => localDayNumber(x.createdAt), inDailyWindow)) keep.add(b.name);
  for (const b of newestPer(auto, (x) => localWeekNumber(x.createdAt), (x) => ageDays(x) <= ROTATION.weeklyMaxAgeDays)) keep.add(b.name);
  for (const b of auto.slice(0, ROTATION.autoAlwaysKeep)) keep.add(b.name);

  const risk = backups.filter((b) => b.kind === 'risk').sort(newestFirst);
  risk.forEach((b, index) => {
    if (index < ROTATION.riskAlwaysKeep || (index < ROTATION.riskMax && ageDays(b) < ROTATION.riskMaxAgeDays)) keep.add(b.name);
  });

  for (const b of backups) if (b.kind === 'manual') keep.add(b.name);
  return keep;
}
