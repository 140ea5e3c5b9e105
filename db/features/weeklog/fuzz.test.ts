import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../content-hash';
import { readProfile } from '../../identity/profile';
import { approveDevice } from './devices';
import { assemble, takeApart } from './hostile-support';
import { importWeeklogFiles, type IncomingFile } from './import';
import { mergeProjectionHash } from './projection';
import { prng, simulateTeam, type SimTeam } from './team-simulation';
import { weekTest, WEEK_TEST_NOW } from './test-support';
import { readWeeklogZip } from './zip';
import { WeeklogRefusal } from './refusal';

/**
 * Mutates real exported files 1,200 times. A file is signed: any change to the bytes it
 * carries (manifest, signature, changes) must be refused, and a refused file must leave
 * the database byte for byte as it was. The only mutations that may pass are those that
 * leave every carried byte the same (e.g. the unused padding bits after a deflate
 * stream's last block); then the import must be exactly the original file's import.
 */
const ITERATIONS = 1200;
let team: SimTeam;
let lead: ReturnType<typeof weekTest>;
let pristine: string;
const originalImport = new Map<IncomingFile, string>();

beforeAll(() => {
  team = simulateTeam({ members: 2, weeks: ['2026-W47', '2026-W48'], changesPerFile: 25, seed: 5, crossEdits: true });
  lead = newLead();
  pristine = contentHash(lead.db);
  // What each untouched file does to this database, for comparing a mutant that gets in.
  for (const file of team.files) {
    const scratch = newLead();
    importWeeklogFiles(scratch.ctx, [file], { dryRun: false });
    originalImport.set(file, mergeProjectionHash(scratch.db));
    scratch.dispose();
  }
}, 120_000);

afterAll(() => {
  lead?.dispose();
  team?.dispose();
});

function newLead() {
  const created = weekTest({ userName: '组长' });
  for (const member of team.members) {
    const profile = readProfile(member.db, member.app.deviceId);
    approveDevice(created.db, { deviceId: profile.deviceId, publicKey: profile.publicKey, label: member.name, userId: profile.userId, userName: member.name }, WEEK_TEST_NOW);
  }
  return created;
}

type Mutation = (bytes: Buffer, random: () => number) => Buffer;

const at = (bytes: Buffer, random: () => number) => Math.floor(random() * bytes.length);
const MUTATIONS: Record<string, Mutation> = {
  flipBit: (bytes, random) => {
    const copy = Buffer.from(bytes);
    const i = at(copy, random);
    copy[i] = copy[i]! ^ (1 << Math.floor(random() * 8));
    return copy;
  },
  setByte: (bytes, random) => {
    const copy = Buffer.from(bytes);
    copy[at(copy, random)] = Math.floor(random() * 256);
    return copy;
  },
  truncate: (bytes, random) => bytes.subarray(0, at(bytes, random)),
  appendGarbage: (bytes, random) => Buffer.concat([bytes, Buffer.from(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)))]),
  deleteRange: (bytes, random) => {
    const start = at(bytes, random);
    return Buffer.concat([bytes.subarray(0, start), bytes.subarray(start + 1 + Math.floor(random() * 16))]);
  },
  duplicateRange: (bytes, random) => {
    const start = at(bytes, random);
    const end = Math.min(bytes.length, start + 1 + Math.floor(random() * 32));
    return Buffer.concat([bytes.subarray(0, end), bytes.subarray(start, end), bytes.subarray(end)]);
  },
  swapBytes: (bytes, random) => {
    const copy = Buffer.from(bytes);
    const i = at(copy, random);
    const j = at(copy, random);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    return copy;
  },
  /**
   * Inside the signed content, re-packed canonically so the container checks pass and
   * only the signature and the payload hash stand between the change and the database.
   */
  flipInManifest: (bytes, random) => repacked(bytes, random, 'manifestBytes'),
  flipInPayload: (bytes, random) => repacked(bytes, random, 'payload'),
  flipInSignature: (bytes, random) => repacked(bytes, random, 'signature'),
  /** Aimed at the headers and the manifest, where a blind flip lands less often. */
  flipInHeaders: (bytes, random) => {
    const copy = Buffer.from(bytes);
    const zone = random() < 0.5 ? Math.floor(random() * Math.min(400, copy.length)) : copy.length - 1 - Math.floor(random() * Math.min(220, copy.length));
    copy[zone] = copy[zone]! ^ (1 << Math.floor(random() * 8));
    return copy;
  },
};

function repacked(bytes: Buffer, random: () => number, part: 'manifestBytes' | 'payload' | 'signature'): Buffer {
  const parts = takeApart(bytes);
  const target = Buffer.from(parts[part]);
  const i = Math.floor(random() * target.length);
  target[i] = target[i]! ^ (1 << Math.floor(random() * 8));
  return assemble({ ...parts, [part]: target });
}

function carried(bytes: Uint8Array): Map<string, Buffer> | null {
  try {
    return readWeeklogZip(bytes);
  } catch (error) {
    if (error instanceof WeeklogRefusal) return null;
    throw error;
  }
}

describe('fuzzing real exported files', () => {
  it(`${ITERATIONS} mutations: each refused without a trace, or carrying the very same signed bytes`, () => {
    const random = prng(97);
    const names = Object.keys(MUTATIONS);
    const tally = { refused: 0, harmless: 0 };
    const reasons = new Map<string, number>();
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const original = team.files[iteration % team.files.length]!;
      const name = names[iteration % names.length]!;
      const mutant = MUTATIONS[name]!(Buffer.from(original.bytes), random);
      if (mutant.equals(Buffer.from(original.bytes))) continue;
      const result = importWeeklogFiles(lead.ctx, [{ name: 'mutant.qzlog', bytes: mutant }], { dryRun: false });
      const file = result.files[0]!;
      if (file.status === 'refused') {
        tally.refused += 1;
        reasons.set(file.reason!.code, (reasons.get(file.reason!.code) ?? 0) + 1);
        expect(file.reason!.message).toMatch(/[\u4e00-\u9fff]/);
        expect(contentHash(lead.db), `${name} #${iteration} left a trace`).toBe(pristine);
        continue;
      }
      // It got in: then every byte it carries must be the original's, and so must the import.
      tally.harmless += 1;
      expect(file.status, `${name} #${iteration}`).toBe('imported');
      const mine = carried(mutant)!;
      const theirs = carried(original.bytes)!;
      for (const [entry, content] of theirs) expect(mine.get(entry)?.equals(content), `${name} #${iteration} changed ${entry}`).toBe(true);
      expect(mergeProjectionHash(lead.db)).toBe(originalImport.get(original));
      undoImport();
    }
    console.log(`fuzz: ${tally.refused} refused, ${tally.harmless} harmless; reasons ${JSON.stringify(Object.fromEntries(reasons))}`);
    expect(tally.refused + tally.harmless).toBeGreaterThanOrEqual(ITERATIONS - 10);
    expect(tally.refused).toBeGreaterThan(ITERATIONS * 0.95);
    // The signed-content mutations reached the checks behind the container.
    for (const code of ['E_WEEKLOG_SIGNATURE_INVALID', 'E_WEEKLOG_PAYLOAD_HASH']) expect(reasons.get(code) ?? 0).toBeGreaterThan(20);
  }, 300_000);
});

/** Puts the lead's database back as it was before a harmless mutant was imported. */
function undoImport(): void {
  const db = lead.db;
  db.transaction(() => {
    for (const table of ['company', 'contact', 'visit', 'project', 'project_stage_event', 'funds_entry', 'task', 'week_note', 'field_history', 'field_clock', 'import_change', 'import_parked_field', 'import_parked_row', 'weeklog_import', 'search_fts', 'search_doc']) {
      db.prepare(`DELETE FROM ${table}`).run();
    }
  })();
}
