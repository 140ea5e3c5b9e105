/**
 * Crash safety (issue #7): a process writing a large transaction through the real
 * openAppDatabase (SQLCipher, WAL, synchronous=FULL) is SIGKILLed at random moments, many
 * times. After each kill the file passes integrity_check and the transaction is either all
 * there or not there at all; once the child said `committed`, it must be there.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAppDatabaseFile } from './database';

const ROOT = path.resolve(import.meta.dirname, '..');
// Bundled once (esbuild, ~0.1 s) so each child starts in milliseconds instead of compiling TypeScript;
// inside node_modules/ so the bundle still resolves the native driver from there.
const WRITER = path.join(ROOT, 'node_modules', '.cache', 'qianzhao-test', 'crash-writer.mjs');
const ROWS = 20_000;
const RUNS = 25;

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-crash-'));
  await build({
    entryPoints: [path.join(import.meta.dirname, 'fixtures', 'crash-writer.ts')],
    outfile: WRITER,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    banner: { js: "import { createRequire as __qzCreateRequire } from 'node:module'; const require = __qzCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A small seeded PRNG (mulberry32): the kill moments are reproducible from the printed seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunResult {
  committed: boolean;
  killed: boolean;
  /** ms from `begin` to `committed`, when it got there. */
  writeMs: number | null;
}

function runWriter(runId: string, killAfterBeginMs: number | null): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dir, runId, String(ROWS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let began = 0;
    let committedAt: number | null = null;
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!began && output.includes('begin\n')) {
        began = performance.now();
        if (killAfterBeginMs !== null) {
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterBeginMs);
        }
      }
      if (committedAt === null && output.includes('committed\n')) committedAt = performance.now();
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`writer failed (${code}): ${errors}`));
      resolve({ committed: committedAt !== null, killed: signal === 'SIGKILL' && killed, writeMs: committedAt === null ? null : committedAt - began });
    });
  });
}

function inspect(runId: string): { integrity: string; rows: number } {
  // Read-write, so SQLite recovers the WAL the killed process left, exactly as the next start would.
  const db = openAppDatabaseFile(dir, { readonly: false });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
    const rows = Number(db.prepare("SELECT count(*) FROM company WHERE id LIKE ? || '-%'").pluck().get(runId));
    return { integrity, rows };
  } finally {
    db.close();
  }
}

it(`a SIGKILL at a random moment of a ${ROWS}-row transaction, ${RUNS} times: integrity ok, all or nothing`, async () => {
  const seed = Number(process.env.QZ_CRASH_SEED ?? Date.now() % 100_000);
  const next = random(seed);
  // Calibrate: how long the transaction takes here, uninterrupted.
  const calibration = await runWriter('calibrate', null);
  expect(calibration.committed).toBe(true);
  const window = Math.max(50, calibration.writeMs ?? 200);
  const outcomes = { absent: 0, present: 0, committedThenKilled: 0 };

  for (let run = 0; run < RUNS; run++) {
    const runId = `r${run}`;
    // Every other kill aims at the end of the transaction, where the commit (WAL append, fsync) happens.
    const delay = Math.round(run % 2 === 0 ? next() * window : window * (0.6 + 0.6 * next()));
    const result = await runWriter(runId, delay);
    const state = inspect(runId);
    const context = `seed ${seed}, run ${run}, killed ${delay} ms after begin (window ${window.toFixed(0)} ms)`;
    expect(state.integrity, context).toBe('ok');
    expect([0, ROWS], context).toContain(state.rows);
    // Acknowledged means durable: synchronous=FULL.
    if (result.committed) expect(state.rows, context).toBe(ROWS);
    if (state.rows === 0) outcomes.absent += 1;
    else outcomes.present += 1;
    if (result.committed && result.killed) outcomes.committedThenKilled += 1;
  }
  console.log(`[crash] seed ${seed}: ${RUNS} kills (transaction ≈ ${calibration.writeMs?.toFixed(0)} ms) → ${outcomes.absent} absent, ${outcomes.present} present (${outcomes.committedThenKilled} killed after acknowledging the commit)`);
  // The kills really landed inside the transaction at least some of the time.
  expect(outcomes.absent).toBeGreaterThan(0);
}, 300_000);
