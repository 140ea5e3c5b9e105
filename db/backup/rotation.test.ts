import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupName, type BackupKind, type BackupName } from './names';
import { backupsToKeep } from './rotation';

/** Local noon N days before `now` (local time, so any TZ the tests run in gives the same days). */
function daysAgo(now: Date, days: number, hour = 12): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, hour);
}
function backup(kind: BackupKind, createdAt: Date, reason: string | null = null): BackupName {
  return parseBackupName(backupFileName(kind, createdAt, reason))!;
}
const NOW = new Date(2026, 10, 27, 18); // Friday 27 November 2026, 18:00 local

describe('backup names', () => {
  it('round-trip kind, reason and time', () => {
    const at = new Date('2026-11-27T08:00:00.000Z');
    expect(backupFileName('auto', at)).toBe('auto-2026-11-27T08-00-00-000Z.sqlite3');
    expect(parseBackupName('pre-migration-v2-2026-11-27T08-00-00-000Z.sqlite3')).toEqual({ name: 'pre-migration-v2-2026-11-27T08-00-00-000Z.sqlite3', kind: 'risk', reason: 'migration-v2', createdAt: at });
    expect(parseBackupName(backupFileName('risk', at, 'import'))).toMatchObject({ kind: 'risk', reason: 'import' });
  });
  it('ignore anything else, and refuse a reason that could not be a file name', () => {
    for (const name of ['qianzhao.sqlite3', '.tmp-abc.sqlite3', 'auto-2026-11-27.sqlite3', 'auto-2026-11-27T08-00-00-000Z.sqlite3-wal', '../auto-2026-11-27T08-00-00-000Z.sqlite3x']) {
      expect(parseBackupName(name), name).toBeNull();
    }
    expect(() => backupFileName('risk', NOW, '../x')).toThrow();
    expect(() => backupFileName('risk', NOW, null)).toThrow();
  });
});

describe('rotation', () => {
  it('after two months of one backup a day: the last 7 days, then one a week for a month', () => {
    const all = Array.from({ length: 60 }, (_, days) => backup('auto', daysAgo(NOW, days)));
    const keep = backupsToKeep(all, NOW);
    const keptDaysAgo = all.filter((b) => keep.has(b.name)).map((b) => Math.round((daysAgo(NOW, 0).getTime() - b.createdAt.getTime()) / 86_400_000));
    // 0–6: daily. Then the newest of each earlier week (Sundays, as NOW is a Friday) up to 31 days old.
    expect(keptDaysAgo).toEqual([0, 1, 2, 3, 4, 5, 6, 12, 19, 26]);
    // Each kept weekly is a Sunday.
    for (const b of all.filter((x) => keep.has(x.name)).slice(7)) expect(b.createdAt.getDay()).toBe(0);
  });

  it('keeps only the newest backup of a day', () => {
    const today = backup('auto', daysAgo(NOW, 0, 9));
    const days = [1, 2, 3].map((d) => ({ morning: backup('auto', daysAgo(NOW, d, 9)), evening: backup('auto', daysAgo(NOW, d, 21)) }));
    const keep = backupsToKeep([today, ...days.flatMap((d) => [d.morning, d.evening])], NOW);
    expect([...keep].sort()).toEqual([today.name, ...days.map((d) => d.evening.name)].sort());
  });

  it('is stable: applying it again to what it kept removes nothing', () => {
    const all = Array.from({ length: 45 }, (_, days) => backup('auto', daysAgo(NOW, days)));
    const kept = all.filter((b) => backupsToKeep(all, NOW).has(b.name));
    expect(backupsToKeep(kept, NOW).size).toBe(kept.length);
  });

  it('never leaves a long-unused laptop without its last backups', () => {
    const old = [backup('auto', daysAgo(NOW, 90)), backup('auto', daysAgo(NOW, 120)), backup('auto', daysAgo(NOW, 150))];
    expect([...backupsToKeep(old, NOW)].sort()).toEqual([old[0]!.name, old[1]!.name].sort());
  });

  it('backups before a migration, import or merge: the last week’s, at most 20, always the newest 3', () => {
    const recent = Array.from({ length: 25 }, (_, i) => backup('risk', new Date(NOW.getTime() - (i + 1) * 3_600_000), i % 2 ? 'import' : 'merge'));
    const keep = backupsToKeep(recent, NOW);
    expect(keep.size).toBe(20);
    expect(recent.slice(0, 20).every((b) => keep.has(b.name))).toBe(true);
    const ancient = Array.from({ length: 5 }, (_, i) => backup('risk', daysAgo(NOW, 30 + i), 'migration-v2'));
    expect([...backupsToKeep(ancient, NOW)].sort()).toEqual(ancient.slice(0, 3).map((b) => b.name).sort());
  });

  it('never removes a backup the user made', () => {
    const manual = [backup('manual', daysAgo(NOW, 400)), backup('manual', daysAgo(NOW, 3))];
    expect(backupsToKeep(manual, NOW).size).toBe(2);
  });

  it('a backup stamped in the future (clock was wrong) is kept, not treated as ancient', () => {
    const future = backup('auto', new Date(NOW.getTime() + 5 * 86_400_000));
    expect(backupsToKeep([future, ...Array.from({ length: 10 }, (_, d) => backup('auto', daysAgo(NOW, d)))], NOW).has(future.name)).toBe(true);
  });
});
