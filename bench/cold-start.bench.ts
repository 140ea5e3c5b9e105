/**
 * Backend cold start: from spawning `node dist/backend/web.mjs` to the first answered
 * `system.info` RPC, i.e. everything a user waits for before the app can show data —
 * Node start-up, loading the bundle, opening and checking the database, listening, and
 * one request through the token, origin and validation path. Median of five launches.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fallbackBundle, regularBundle, type BackendBundle } from './backend-bundle';
import { formatSizes, median, printFigure, printMachine, REPO_ROOT, removeDir, scratchCopy, seededDataDir, sizesFromArgs } from './lib';

const RUNS = 5;
const TARGET = { below: 300 };
const READY_LINE = /web mode ready: (http:\/\/[^/\s]+)\//;
const TOKEN_META = /<meta name="qz-token" content="([^"]+)">/;

/** Linux clock ticks per second for /proc CPU times (`getconf CLK_TCK`; 100 nearly everywhere). */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/**
 * CPU ms the process's main thread has used so far, or NaN off Linux. On a busy machine
 * wall time includes waiting for a core; this does not, so it estimates an idle start.
 * Main thread only: quick_check's worker runs beside start-up on the other core.
 */
function mainThreadCpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000;
  } catch {
    return Number.NaN;
  }
}

interface Launch {
  wallMs: number;
  cpuMs: number;
}

/** One launch: ms from spawn to the first successful system.info, then a clean shutdown. */
async function launch(bundle: BackendBundle, dataDir: string): Promise<Launch> {
  const started = performance.now();
  const args = [bundle.entry, '--port', '0', '--data', dataDir, '--renderer', bundle.rendererDir];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = READY_LINE.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`backend exited (${String(code)}) before it was ready: ${errors.trim()}`)));
    });
    const page = await fetch(`${origin}/`).then((response) => response.text());
    const token = TOKEN_META.exec(page)?.[1];
    if (!token) throw new Error('index.html carries no qz-token meta tag');
    const response = await fetch(`${origin}/rpc/system.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-qz-token': token },
      body: '{}',
    });
    if (!response.ok) throw new Error(`system.info answered ${response.status}: ${await response.text()}`);
    await response.json();
    return { wallMs: performance.now() - started, cpuMs: mainThreadCpuMs(child.pid) };
  } finally {
    // SIGTERM lets the backend fold its WAL back, so the next launch opens a clean file.
    child.kill('SIGTERM');
    await exited;
  }
}

async function measure(bundle: BackendBundle, name: string, dataDirFor: (run: number) => string): Promise<void> {
  const runs: Launch[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await launch(bundle, dataDirFor(run)));
  process.stderr.write(`[cold-start] ${name}: ${runs.map((run) => `${run.wallMs.toFixed(0)} (cpu ${run.cpuMs.toFixed(0)})`).join(', ')} ms\n`);
  printFigure(name, median(runs.map((run) => run.wallMs)), 'ms', TARGET);
  printFigure(`${name}, backend main-thread CPU time (reference)`, median(runs.map((run) => run.cpuMs)), 'ms');
}

/** The regular build if it builds and starts; otherwise, saying why, the backend bundled alone. */
async function usableBundle(): Promise<BackendBundle | null> {
  const regular = regularBundle();
  if (regular) {
    const probeDir = scratchCopy(null);
    try {
      await launch(regular, probeDir);
      return regular;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.log(`note: dist/backend/web.mjs does not start: ${reason}`);
      return fallbackBundle('dist/backend/web.mjs does not start');
    } finally {
      removeDir(probeDir);
    }
  }
  return fallbackBundle('the full build fails');
}

/** What Node alone costs on this machine, wall and CPU: the floor under every figure above it. */
function nodeBaseline(): Launch {
  const runs: Launch[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['-e', 'const u = process.cpuUsage(); console.log((u.user + u.system) / 1000)'], { encoding: 'utf8' });
    runs.push({ wallMs: performance.now() - started, cpuMs: Number(result.stdout) });
  }
  return { wallMs: median(runs.map((run) => run.wallMs)), cpuMs: median(runs.map((run) => run.cpuMs)) };
}

async function main(): Promise<void> {
  printMachine();
  const bundle = await usableBundle();
  if (!bundle) return;
  const baseline = nodeBaseline();
  printFigure('node start-up alone (reference)', baseline.wallMs, 'ms');
  printFigure('node start-up alone, CPU time (reference)', baseline.cpuMs, 'ms');

  const scratch: string[] = [];
  const fresh = (): string => {
    const dir = scratchCopy(null);
    scratch.push(dir);
    return dir;
  };
  try {
    await measure(bundle, 'cold start, first launch (creates and migrates the DB)', () => fresh());
    const empty = fresh();
    await measure(bundle, 'cold start, empty DB', () => empty);

    const sizes = sizesFromArgs();
    const seeded = scratchCopy(seededDataDir(sizes));
    scratch.push(seeded);
    await measure(bundle, `cold start, ${sizes.companies.toLocaleString('en')}-company DB (${formatSizes(sizes)})`, () => seeded);
  } finally {
    for (const dir of scratch) removeDir(dir);
  }
  if (bundle.note) console.log(`note: ${bundle.note}`);
}

main().catch((error: unknown) => {
  // A benchmark reports; it never fails the run.
  console.log(`cold start: not measured: ${error instanceof Error ? error.message : String(error)}`);
});
