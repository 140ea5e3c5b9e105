import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WeeklogFileResult } from '../../../shared/contract/weeklog';
import { contentHash } from '../../content-hash';
import { readProfile } from '../../identity/profile';
import { createRow, updateRow } from '../../store/writer';
import { approveDevice, revokeDevice } from './devices';
import { exportWeeklog } from './export';
import { assemble, forgeByDevice, manifestFor, ndjson, signByStranger, takeApart } from './hostile-support';
import { importWeeklogFiles } from './import';
import { writeZip } from './zip';
import { weekTest, WEEK_TEST_NOW } from './test-support';

let member: ReturnType<typeof weekTest>;
let lead: ReturnType<typeof weekTest>;
let good: Buffer;

beforeEach(() => {
  member = weekTest({ userName: '张三' });
  lead = weekTest({ userName: '李组长' });
  const company = createRow(member.db, member.actor, 'company', { name: '深圳市大疆创新科技有限公司', name_norm: '大疆创新科技' });
  createRow(member.db, member.actor, 'visit', { company_id: company, visit_date: '2026-11-26', kind: 'door_visit', participants: ['张三'], contact_ids: [], summary: '了解扩产计划' });
  updateRow(member.db, member.actor, 'company', company, { notes: '有意在贵阳设厂' });
  good = exportWeeklog(member.ctx, { scope: 'week', week: '2026-W48' }).bytes;
  const profile = readProfile(member.db, member.app.deviceId);
  approveDevice(lead.db, { deviceId: profile.deviceId, publicKey: profile.publicKey, label: '张三的电脑', userId: profile.userId, userName: '张三' }, WEEK_TEST_NOW);
});

afterEach(() => {
  member.dispose();
  lead.dispose();
});

/** Imports one file; it must be refused with `code`, a Chinese reason, and not one byte of the database changed. */
function expectRefused(bytes: Uint8Array, code: string): WeeklogFileResult {
  const before = contentHash(lead.db);
  const result = importWeeklogFiles(lead.ctx, [{ name: '张三_2026-W48.qzlog', bytes }], { dryRun: false });
  const file = result.files[0]!;
  expect(file.status).toBe('refused');
  expect(file.reason?.code).toBe(code);
  expect(file.reason?.message).toMatch(/[\u4e00-\u9fff]/);
  expect(result.status).toBe('ERROR');
  expect(contentHash(lead.db)).toBe(before);
  return file;
}

function flipBit(bytes: Uint8Array, at: number, bit = 0): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ (1 << bit);
  return copy;
}

describe('hostile weekly-log files are refused with a reason and change nothing', () => {
  it('the untouched file imports (the baseline the others differ from)', () => {
    const result = importWeeklogFiles(lead.ctx, [{ name: 'ok.qzlog', bytes: good }], { dryRun: false });
    expect(result.files[0]).toMatchObject({ status: 'imported', stats: { created: 2, updated: 1, errors: 0 } });
  });

  it('a flipped bit in the changes, as stored (compressed) and as signed (uncompressed)', () => {
    const parts = takeApart(good);
    // The third entry's deflated bytes: after its local header (30 bytes + name).
    const local = good.lastIndexOf(Buffer.from('changes.ndjson'), good.length - 22 - 46 - 14 - 1);
    const compressedSize = good.readUInt32LE(local - 30 + 18);
    expectRefused(flipBit(good, local + 'changes.ndjson'.length + Math.floor(compressedSize / 2), 3), 'E_WEEKLOG_DAMAGED');
    const payload = flipBit(parts.payload, 40, 1);
    expectRefused(assemble({ ...parts, payload }), 'E_WEEKLOG_PAYLOAD_HASH');
  });

  it('an edited manifest (the signature no longer matches)', () => {
    const parts = takeApart(good);
    const edited = Buffer.from(parts.manifestBytes.toString('utf8').replace('"张三"', '"王五"'), 'utf8');
    expectRefused(assemble({ ...parts, manifestBytes: edited }), 'E_WEEKLOG_SIGNATURE_INVALID');
    const moreChanges = Buffer.from(parts.manifestBytes.toString('utf8').replace(/"changes": 3/, '"changes": 2'), 'utf8');
    expectRefused(assemble({ ...parts, manifestBytes: moreChanges }), 'E_WEEKLOG_SIGNATURE_INVALID');
  });

  it('a wrong or missing signature', () => {
    const parts = takeApart(good);
    expectRefused(assemble({ ...parts, signature: flipBit(parts.signature, 10) }), 'E_WEEKLOG_SIGNATURE_INVALID');
    expectRefused(assemble({ ...parts, signature: Buffer.alloc(0) }), 'E_WEEKLOG_SIGNATURE_MISSING');
    const withoutSignature = writeZip([
      { name: 'manifest.json', data: parts.manifestBytes },
      { name: 'changes.ndjson', data: parts.payload },
    ]);
    expectRefused(withoutSignature, 'E_WEEKLOG_SIGNATURE_MISSING');
    // A stranger who claims to be 张三's device, with a key of their own.
    expectRefused(signByStranger(parts.manifest, parts.payload), 'E_WEEKLOG_SIGNATURE_INVALID');
  });

  it('an unknown device, with what the lead needs to approve it; a revoked one', () => {
    const stranger = weekTest({ userName: '陌生人' });
    createRow(stranger.db, stranger.actor, 'company', { name: '某公司' });
    const file = exportWeeklog(stranger.ctx, { scope: 'week', week: '2026-W48' }).bytes;
    const refused = expectRefused(file, 'E_WEEKLOG_UNKNOWN_DEVICE');
    const profile = readProfile(stranger.db, stranger.app.deviceId);
    expect(refused.reason?.details).toMatchObject({ deviceId: profile.deviceId, publicKey: profile.publicKey, fingerprint: profile.fingerprint, userName: '陌生人' });
    expect(refused.reason?.message).toContain(profile.fingerprint);
    stranger.dispose();

    revokeDevice(lead.db, member.app.deviceId, WEEK_TEST_NOW);
    expectRefused(good, 'E_WEEKLOG_DEVICE_REVOKED');
  });

  it('a truncated zip, cut anywhere', () => {
    for (const keep of [good.length - 1, good.length - 22, Math.floor(good.length / 2), 40, 4]) {
      expectRefused(good.subarray(0, keep), 'E_WEEKLOG_TRUNCATED');
    }
  });

  it('not a zip at all', () => {
    expectRefused(Buffer.from('%PDF-1.7 not a weekly log at all'), 'E_WEEKLOG_NOT_ZIP');
    expectRefused(Buffer.alloc(0), 'E_WEEKLOG_NOT_ZIP');
  });

  it('a zip bomb: refused from the directory before inflating, or the moment it outgrows its declared size', () => {
    const parts = takeApart(good);
    // 64 MiB of newlines deflate to ~64 KiB: the claimed ratio alone gives it away.
    const huge = Buffer.alloc(64 * 1024 * 1024, 0x0a);
    const started = performance.now();
    expectRefused(assemble({ ...parts, payload: huge }), 'E_WEEKLOG_ZIP_BOMB');
    // A zip that lies: it declares 100 bytes, and inflates to 64 MiB.
    const liar = assemble({ ...parts, payload: huge });
    const declared = 100;
    const patched = patchDeclaredSize(liar, 'changes.ndjson', declared);
    expectRefused(patched, 'E_WEEKLOG_ZIP_BOMB');
    expect(performance.now() - started).toBeLessThan(10_000);
    // More entries than a weekly log has.
    const crowded = writeZip([
      { name: 'manifest.json', data: parts.manifestBytes },
      { name: 'manifest.sig', data: parts.signature, deflate: false },
      { name: 'changes.ndjson', data: parts.payload },
      { name: 'extra.bin', data: Buffer.alloc(10) },
    ]);
    expectRefused(crowded, 'E_WEEKLOG_BAD_ENTRY');
  });

  it('entry names with ../, absolute paths, or unexpected names', () => {
    const parts = takeApart(good);
    expectRefused(assemble(parts, ['../manifest.json', 'manifest.sig', 'changes.ndjson']), 'E_WEEKLOG_UNSAFE_PATH');
    expectRefused(assemble(parts, ['manifest.json', 'manifest.sig', '../../etc/changes.ndjson']), 'E_WEEKLOG_UNSAFE_PATH');
    expectRefused(assemble(parts, ['/manifest.json', 'manifest.sig', 'changes.ndjson']), 'E_WEEKLOG_UNSAFE_PATH');
    expectRefused(assemble(parts, ['C:\\manifest.json', 'manifest.sig', 'changes.ndjson']), 'E_WEEKLOG_UNSAFE_PATH');
    expectRefused(assemble(parts, ['manifest.json', 'manifest.sig', 'changes.json']), 'E_WEEKLOG_BAD_ENTRY');
  });

  it('the same content re-packed by another zip tool', () => {
    const parts = takeApart(good);
    const repacked = zipSync({ 'manifest.json': parts.manifestBytes, 'manifest.sig': parts.signature, 'changes.ndjson': parts.payload });
    expectRefused(repacked, 'E_WEEKLOG_NOT_CANONICAL');
  });

  it('an unsupported schema or format version, signed by the real device', () => {
    const parts = takeApart(good);
    expectRefused(forgeByDevice(member.db, manifestFor(parts.manifest, parts.payload, { schemaVersion: 999 }), parts.payload), 'E_WEEKLOG_SCHEMA_UNSUPPORTED');
    expectRefused(forgeByDevice(member.db, manifestFor(parts.manifest, parts.payload, { schemaVersion: 1 }), parts.payload), 'E_WEEKLOG_SCHEMA_UNSUPPORTED');
    expectRefused(forgeByDevice(member.db, manifestFor(parts.manifest, parts.payload, { formatVersion: 2 }), parts.payload), 'E_WEEKLOG_FORMAT_UNSUPPORTED');
  });

  it('a file from the future names the skew', () => {
    const parts = takeApart(good);
    const future = new Date(WEEK_TEST_NOW.getTime() + 3 * 86_400_000).toISOString();
    const file = expectRefused(forgeByDevice(member.db, manifestFor(parts.manifest, parts.payload, { createdAt: future }), parts.payload), 'E_WEEKLOG_FROM_FUTURE');
    expect(file.reason?.message).toContain('约 3 天');
    // Stamps a day and a half ahead, in the changes themselves.
    const ahead = String(WEEK_TEST_NOW.getTime() + 36 * 3_600_000).padStart(15, '0');
    const lines = parts.payload.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as { hlc: string });
    for (const line of lines) line.hlc = ahead + line.hlc.slice(15);
    const payload = ndjson(lines);
    const hlc = { from: lines[0]!.hlc, to: lines.at(-1)!.hlc };
    expectRefused(forgeByDevice(member.db, manifestFor(parts.manifest, payload, { hlc }), payload), 'E_WEEKLOG_FROM_FUTURE');
  });

  it('content that disagrees with its own (validly signed) manifest', () => {
    const parts = takeApart(good);
    const lines = parts.payload.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const fewer = ndjson(lines.slice(1));
    expectRefused(forgeByDevice(member.db, manifestFor(parts.manifest, fewer), fewer), 'E_WEEKLOG_COUNTS');
    const foreign = ndjson(lines.map((line, index) => (index === 0 ? { ...line, hlc: `${String(line.hlc).slice(0, 23)}another-device` } : line)));
    expectRefused(forgeByDevice(member.db, manifestFor(parts.manifest, foreign), foreign), 'E_WEEKLOG_COUNTS');
    const broken = Buffer.from(`${parts.payload.toString('utf8')}{not json\n`, 'utf8');
    expectRefused(forgeByDevice(member.db, manifestFor(parts.manifest, broken), broken), 'E_WEEKLOG_PAYLOAD_INVALID');
    const badManifest = { ...parts.manifest, extra: 1 } as unknown as typeof parts.manifest;
    expectRefused(forgeByDevice(member.db, badManifest, parts.payload), 'E_WEEKLOG_MANIFEST_INVALID');
  });

  it('a hostile file does not stop the good ones imported with it', () => {
    const result = importWeeklogFiles(
      lead.ctx,
      [
        { name: 'bad.qzlog', bytes: good.subarray(0, 100) },
        { name: 'good.qzlog', bytes: good },
      ],
      { dryRun: false },
    );
    expect(result.files.map((file) => file.status)).toEqual(['refused', 'imported']);
    expect(result.status).toBe('WARNING');
    expect(result.headline).toContain('导入 1 个');
  });
});

/** Rewrites an entry's declared uncompressed size in both its local and central headers (a lying zip). */
function patchDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  for (let at = copy.indexOf(nameBytes); at >= 0; at = copy.indexOf(nameBytes, at + 1)) {
    if (copy.readUInt32LE(at - 30) === 0x04034b50) copy.writeUInt32LE(size, at - 30 + 22);
    else if (copy.readUInt32LE(at - 46) === 0x02014b50) copy.writeUInt32LE(size, at - 46 + 24);
  }
  return copy;
}
