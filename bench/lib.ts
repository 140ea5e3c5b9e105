/**
 * Shared helpers for the benchmarks: percentiles, timing loops, one printed line per
 * figure, and seeded databases cached between runs (seeding 1M visits takes minutes;
 * measuring should not).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../db/database';
import { KEY_FILE } from '../db/keys/file-key-store';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Nearest-rank percentile (p in 0–100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export interface RunTimes {
  /** Wall-clock ms per run: what a user waits. */
  wallMs: number[];
  /**
   * CPU ms per run (this process, all threads). On a busy machine wall time includes
   * waiting for a core and this does not: a wall p95 far above the CPU p95 is the machine.
   */
  cpuMs: number[];
}

/** Runs `fn` `warmup` times unmeasured (JIT, statement cache, page cache), then `runs` times. */
export async function timeRuns(runs: number, fn: (index: number) => unknown, warmup = 0): Promise<RunTimes> {
  for (let index = 0; index < warmup; index++) await fn(index);
  const times: RunTimes = { wallMs: [], cpuMs: [] };
  for (let index = 0; index < runs; index++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await fn(index);
    times.wallMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    times.cpuMs.push((used.user + used.system) / 1000);
  }
  return times;
}

/** `p50 1.20 ms, p95 3.40 ms, max 9.1 ms (CPU p50 1.10, p95 2.90)` for stderr details. */
export function describeTimes(times: RunTimes): string {
  const at = (samples: number[], p: number): string => percentile(samples, p).toFixed(2);
  return `p50 ${at(times.wallMs, 50)} ms, p95 ${at(times.wallMs, 95)}, p99 ${at(times.wallMs, 99)}, max ${at(times.wallMs, 100)} (CPU p50 ${at(times.cpuMs, 50)}, p95 ${at(times.cpuMs, 95)}, p99 ${at(times.cpuMs, 99)})`;
}

export interface Target {
  /** The figure must stay below this, in the same unit. */
  below: number;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Prints exactly one line, e.g. `cold start, empty DB: 142 ms (target < 300 ms)`; a miss says so. Never throws or exits. */
export function printFigure(name: string, value: number, unit: string, target?: Target): void {
  const shown = `${name}: ${format(value)} ${unit}`;
  if (!target) {
    console.log(shown);
    return;
  }
  const missed = !(value < target.below);
  console.log(`${shown} (target < ${target.below} ${unit})${missed ? ' MISSED' : ''}`);
}

export interface SeedSizes {
  companies: number;
  contacts: number;
  visits: number;
  projects: number;
  seed: number;
}

/** The field-work scale from the brief; `--companies <n>` on a bench scales it down for a quick look. */
export function sizesFromArgs(argv: readonly string[] = process.argv.slice(2)): SeedSizes {
  const { values } = parseArgs({ args: [...argv], options: { companies: { type: 'string' }, seed: { type: 'string' } }, strict: false });
  const companies = Number(values.companies ?? 100_000);
  if (!Number.isInteger(companies) || companies < 1) throw new Error(`--companies needs a whole number (got ${String(values.companies)})`);
  return { companies, contacts: companies * 3, visits: companies * 10, projects: Math.round(companies / 2), seed: Number(values.seed ?? 1) };
}

/**
 * Anything that changes what a seed writes: our generators and the search documents.
 * Not the migrations: an appended migration is applied to the cached file instead.
 */
const SEED_INPUTS = ['bench/prng.ts', 'bench/seed.ts', 'bench/seed-rows.ts', 'bench/seed-projects.ts', 'bench/seed-words.ts',
  'db/store/search-index.ts', 'shared/domain/search-keys.ts', 'shared/domain/names.ts'];

function seedFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of SEED_INPUTS) hash.update(file).update(fs.readFileSync(path.join(REPO_ROOT, file)));
  return hash.digest('hex').slice(0, 10);
}

function runTs(script: string, args: readonly (string | number)[]): number | null {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench', script), ...args.map(String)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return result.status;
}

const SCHEMA_MISMATCH = 3;

/**
 * A data folder seeded with `sizes`, made once and kept under the temp folder; a rerun
 * with the same sizes and seed code reuses it, migrated to today's schema first. Treat
 * it as read-only: `scratchCopy` it before anything writes. Seeding and migrating run
 * in child processes so their memory never shows in the caller's figures. To force a
 * fresh seed, delete the folder (its path is printed when it is made).
 */
export function seededDataDir(sizes: SeedSizes): string {
  const key = `c${sizes.companies}-p${sizes.contacts}-v${sizes.visits}-j${sizes.projects}-s${sizes.seed}-${seedFingerprint()}`;
  const root = path.join(os.tmpdir(), `qianzhao-bench-${key}`);
  const dataDir = path.join(root, 'data');
  const doneMarker = path.join(root, 'complete');
  if (fs.existsSync(doneMarker)) {
    const status = runTs('upgrade-cache.ts', [dataDir]);
    if (status === 0) return dataDir;
    if (status !== SCHEMA_MISMATCH) throw new Error(`could not open the cached seed in ${dataDir} (exit ${String(status)})`);
    process.stderr.write(`[bench] the cached seed's migrations no longer match ours; seeding again\n`);
  }

  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  process.stderr.write(`[bench] seeding ${dataDir} (once; later runs reuse it)\n`);
  const status = runTs('seed.ts', ['--data', dataDir, '--companies', sizes.companies, '--contacts', sizes.contacts, '--visits', sizes.visits, '--projects', sizes.projects, '--seed', sizes.seed]);
  if (status !== 0) throw new Error(`seeding failed (exit ${String(status)})`);
  fs.writeFileSync(doneMarker, new Date().toISOString());
  return dataDir;
}

/**
 * A fresh temp data folder holding a copy of `dataDir`'s database and its key file (the
 * database is encrypted), so a benchmark's writes never reach the cache.
 */
export function scratchCopy(dataDir: string | null): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qianzhao-bench-run-'));
  if (!dataDir) return scratch;
  fs.copyFileSync(path.join(dataDir, DATABASE_FILE), path.join(scratch, DATABASE_FILE));
  const key = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(key)) {
    fs.copyFileSync(key, path.join(scratch, KEY_FILE));
    // The key store refuses a key file others could read.
    fs.chmodSync(path.join(scratch, KEY_FILE), 0o600);
  }
  return scratch;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Figures on a busy machine are not comparable: every benchmark prints this first. */
export function printMachine(): void {
  const [oneMinute] = os.loadavg();
  console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${oneMinute?.toFixed(1)} (1 min)`);
}

export const formatSizes = (sizes: SeedSizes): string =>
  `${sizes.companies.toLocaleString('en')} companies, ${sizes.contacts.toLocaleString('en')} contacts, ` +
  `${sizes.visits.toLocaleString('en')} visits, ${sizes.projects.toLocaleString('en')} projects`;
