import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeeklogImportResult } from '../../../shared/contract/weeklog';
import { isSyncEntity } from '../../../shared/sync/entities';
import { contentHash } from '../../content-hash';
import { readProfile } from '../../identity/profile';
import { approveDevice } from './devices';
import { importWeeklogFiles, type IncomingFile } from './import';
import { mergeProjectionHash } from './projection';
import { prng, simulateTeam, type SimTeam } from './team-simulation';
import { weekTest, WEEK_TEST_NOW } from './test-support';

let team: SimTeam;
const leads: ReturnType<typeof weekTest>[] = [];

beforeAll(() => {
  team = simulateTeam({ members: 10, weeks: ['2026-W46', '2026-W47', '2026-W48'], changesPerFile: 40, seed: 20261127 });
}, 120_000);

afterAll(() => {
  for (const lead of leads) lead.dispose();
  team?.dispose();
});

function newLead() {
  const lead = weekTest({ userName: '组长' });
  leads.push(lead);
  for (const member of team.members) {
    const profile = readProfile(member.db, member.app.deviceId);
    approveDevice(lead.db, { deviceId: profile.deviceId, publicKey: profile.publicKey, label: `${member.name}的电脑`, userId: profile.userId, userName: member.name }, WEEK_TEST_NOW);
  }
  return lead;
}

/**
 * week_note must be added to shared/sync/entities.ts (the platform engineer's file) for
 * the engine to merge it; until then each week-note change is reported as an error on
 * its own, and everything else merges. Remove this filter once it is there.
 */
function notAwaitingWeekNoteEntity(error: { code: string; message: string }): boolean {
  return isSyncEntity('week_note') || !(error.code === 'E_SYNC_UNKNOWN_ENTITY' && error.message.includes('week_note'));
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function importInSessions(lead: ReturnType<typeof weekTest>, files: readonly IncomingFile[], sessionSize: number): WeeklogImportResult[] {
  const results: WeeklogImportResult[] = [];
  for (let start = 0; start < files.length; start += sessionSize) {
    results.push(importWeeklogFiles(lead.ctx, files.slice(start, start + sessionSize), { dryRun: false }));
  }
  return results;
}

describe('the same 30 member files in three orders', () => {
  it('give identical databases, and importing them again changes nothing and says so', () => {
    expect(team.files).toHaveLength(30);
    const forward = newLead();
    const reverse = newLead();
    const random = newLead();
    const a = importInSessions(forward, team.files, 1);
    const b = importInSessions(reverse, [...team.files].reverse(), 1);
    const c = importInSessions(random, shuffled(team.files, 48), 7);

    for (const results of [a, b, c]) {
      const files = results.flatMap((result) => result.files);
      expect(files.filter((file) => file.status === 'imported')).toHaveLength(30);
      expect(files.flatMap((file) => file.errors).filter(notAwaitingWeekNoteEntity)).toEqual([]);
    }
    // The simulation really exercises the hard cases: members edit each other's long
    // texts (visible conflicts), and files arrive before the rows they edit.
    const conflicts = a.flatMap((result) => result.files).reduce((sum, file) => sum + file.stats.conflicts, 0);
    expect(conflicts).toBeGreaterThan(0);
    // …and they are on the same list as sync's, for a person to resolve.
    expect(forward.db.prepare('SELECT count(*) FROM sync_conflict').pluck().get()).toBeGreaterThan(0);
    expect(b.flatMap((result) => result.files).some((file) => file.waiting > 0)).toBe(true);

    const projection = mergeProjectionHash(forward.db);
    expect(mergeProjectionHash(reverse.db)).toBe(projection);
    expect(mergeProjectionHash(random.db)).toBe(projection);
    const waitingAtEnd = (lead: ReturnType<typeof weekTest>) => lead.db.prepare('SELECT count(*) FROM import_parked_field').pluck().get();
    expect(waitingAtEnd(reverse)).toBe(waitingAtEnd(forward));
    expect(forward.db.prepare('SELECT count(*) FROM visit').pluck().get()).toBeGreaterThan(50);

    // Again, all 30 at once: every file skipped, not one byte of the database changed.
    const before = contentHash(random.db);
    const again = importWeeklogFiles(random.ctx, team.files, { dryRun: false });
    expect(again.files.every((file) => file.status === 'skipped')).toBe(true);
    expect(again.total).toMatchObject({ files: 30, imported: 0, skipped: 30, created: 0, updated: 0 });
    expect(again.headline).toContain('全部文件此前已导入，数据没有任何变化');
    expect(contentHash(random.db)).toBe(before);
  }, 120_000);
});
