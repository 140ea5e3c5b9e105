/**
 * Field work on a full team database (100,000 companies, 300,000 contacts, 1,000,000
 * visits, 50,000 projects), in process: every call goes through `Backend.fetch` with
 * the token and origin, so JSON, validation, the handler and SQLite are all measured —
 * only the socket is not. Figures: search p95 per query kind, visit save p99 (with field
 * history and outbox, synchronous=FULL), company page p95, and resident memory after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, openAppDatabaseFile } from '../db/database';
import { openDatabase } from '../db/sql';
import type { InputOf } from '../shared/contract';
import { searchKeysFor } from '../shared/domain/search-keys';
import { VISIT_KINDS } from '../shared/domain/reference';
import { createRpcClient, type RpcCall } from '../shared/rpc-client';
import { describeTimes, formatSizes, percentile, printFigure, printMachine, removeDir, scratchCopy, seededDataDir, sizesFromArgs, timeRuns } from './lib';
import { Random } from './prng';

const ORIGIN = 'http://127.0.0.1:5178';
const TOKEN = 'bench-token-0123456789abcdefghijklmnop';
const SEARCH_RUNS = 300;
const SAVE_RUNS = 1000;
const PAGE_RUNS = 500;
const LIST_RUNS = 20;

interface Samples {
  companyIds: string[];
  contactsByCompany: Map<string, string[]>;
  /** 4-character substrings of real names: brand word + the start of an industry word. */
  nameParts: string[];
}

/** Picks real ids and name parts with a separate read-only connection, closed before measuring. */
function pickSamples(dataDir: string, rng: Random, count: number): Samples {
  const db = openAppDatabaseFile(dataDir, { readonly: true });
  try {
    const { n } = db.prepare('SELECT max(rowid) AS n FROM company').get() as { n: number };
    const byRowid = db.prepare('SELECT id, name_norm FROM company WHERE rowid = ?');
    const contacts = db.prepare('SELECT id FROM contact WHERE company_id = ? AND deleted = 0 LIMIT 3');
    const companyIds: string[] = [];
    const contactsByCompany = new Map<string, string[]>();
    const nameParts: string[] = [];
    while (companyIds.length < count) {
      const row = byRowid.get(rng.int(1, n)) as { id: string; name_norm: string } | undefined;
      if (!row) continue;
      companyIds.push(row.id);
      contactsByCompany.set(row.id, (contacts.all(row.id) as { id: string }[]).map((contact) => contact.id));
      if (nameParts.length < 20 && row.name_norm.length >= 4) nameParts.push(row.name_norm.slice(0, 4));
    }
    return { companyIds, contactsByCompany, nameParts };
  } finally {
    db.close();
  }
}

function searchKinds(samples: Samples): [name: string, queries: string[]][] {
  const keys = samples.nameParts.map((part) => searchKeysFor(part));
  return [
    ['1-char Chinese', ['华', '科', '新', '创', '王', '李']],
    ['2-char Chinese', ['科技', '电子', '医药', '华达', '张伟', '项目']],
    ['4-char name substring', samples.nameParts],
    ['pinyin initials', keys.map((key) => key.pinyinInitials)],
    ['full pinyin', keys.map((key) => key.pinyinFull)],
    ['credit-code prefix', ['9144', '914403', '91440305']],
  ];
}

async function figure(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const reason = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
    console.log(`${name}: not measured (${reason})`);
  }
}

function visitInput(rng: Random, samples: Samples, index: number): InputOf<'visits.create'> {
  const companyId = samples.companyIds[index % samples.companyIds.length]!;
  const kind = rng.pick(VISIT_KINDS).code;
  const day = `2026-11-${String(rng.int(1, 27)).padStart(2, '0')}`;
  return {
    companyId,
    visitDate: day,
    kind,
    participants: ['张伟', '李娜'],
    contactIds: (samples.contactsByCompany.get(companyId) ?? []).slice(0, 1),
    summary: '工作队赴企业拜访，与总经理座谈。企业计划在西南地区布局，双方就在贵阳市投资建设数据中心项目深入交流。企业有一定意向，需进一步比较各地条件。',
    outcome: rng.chance(0.6) ? '企业同意提供项目计划书' : null,
    intent: rng.pick(['strong', 'medium', 'weak'] as const),
    nextStep: rng.chance(0.5) ? '安排企业高层赴黔考察' : null,
    followUpDate: rng.chance(0.15) ? '2026-12-15' : null,
    trip: kind === 'inspection_trip' ? { startDate: day, endDate: day, itinerary: '考察观山湖区产业园', officials: ['观山湖区副区长'], attendees: ['王总'] } : null,
  };
}

/**
 * Start-up runs quick_check on a worker over the whole file (tens of seconds at this size),
 * taking one of two cores. Measure the steady state after it, and say how long it took.
 */
async function settleIntegrityCheck(rpc: RpcCall): Promise<void> {
  const started = performance.now();
  for (;;) {
    const { integrity } = await rpc('system.info', {});
    if (integrity !== null) {
      printFigure(`background quick_check after start (reference; result ${integrity})`, (performance.now() - started) / 1000, 's');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The cheapest durable write on this disk: a one-row transaction with the app's pragmas
 * (WAL, synchronous=FULL; unencrypted), on the same file system. No visit save can beat its p99.
 */
async function commitFloor(dataDir: string): Promise<void> {
  const db = openDatabase(path.join(dataDir, 'commit-floor.sqlite3'));
  try {
    db.exec('CREATE TABLE t (v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const times = await timeRuns(SAVE_RUNS, (index) => insert.run(String(index)), 20);
    process.stderr.write(`[field-work] commit floor: ${describeTimes(times)}\n`);
    printFigure('one-row commit, WAL + synchronous=FULL, p99 (reference: the fsync floor)', percentile(times.wallMs, 99), 'ms');
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  printMachine();
  const sizes = sizesFromArgs();
  const dataDir = scratchCopy(seededDataDir(sizes));
  process.stderr.write(`[field-work] ${formatSizes(sizes)}; copy in ${dataDir}\n`);
  const rng = new Random(7);
  const samples = pickSamples(dataDir, rng, SAVE_RUNS + PAGE_RUNS + 40);
  printFigure('database file size (reference)', fs.statSync(path.join(dataDir, DATABASE_FILE)).size / 2 ** 20, 'MB');
  await commitFloor(dataDir);

  printFigure('bench process before the backend opens, tsx included (reference)', process.memoryUsage().rss / 2 ** 20, 'MB');
  // Imported here, not at the top: while handlers are being written, a missing one is reported, not a crash.
  const { createBackend } = await import('../db/server/backend');
  // The hourly backup's first run (3 min after start, on a worker) would land mid-measurement at random; it is not field work.
  const backend = createBackend({ dataDir, rendererDir: null, token: TOKEN, origin: ORIGIN, scheduleBackups: false });
  const rpc: RpcCall = createRpcClient({
    token: TOKEN,
    baseUrl: ORIGIN,
    fetch: (input, init) => backend.fetch(new Request(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: ORIGIN } })),
  });
  try {
    await settleIntegrityCheck(rpc);
    for (const [kind, queries] of searchKinds(samples)) {
      await figure(`search p95, ${kind}`, async () => {
        const hits: number[] = [];
        const times = await timeRuns(SEARCH_RUNS, async (index) => {
          hits.push((await rpc('search.query', { q: queries[index % queries.length]!, limit: 20 })).items.length);
        }, queries.length);
        process.stderr.write(`[field-work] search, ${kind} (${queries.slice(0, 3).join(', ')} …; ${Math.min(...hits)}–${Math.max(...hits)} hits): ${describeTimes(times)}\n`);
        printFigure(`search p95, ${kind}`, percentile(times.wallMs, 95), 'ms', { below: 20 });
      });
    }

    const pageIds = samples.companyIds.slice(SAVE_RUNS);
    await figure('company page p95 (companies.get)', async () => {
      const sizesSeen: number[] = [];
      const times = await timeRuns(PAGE_RUNS, async (index) => {
        const page = await rpc('companies.get', { id: pageIds[index % pageIds.length]! });
        sizesSeen.push(page.timeline.length);
      }, 20);
      process.stderr.write(`[field-work] company page (timeline ${Math.min(...sizesSeen)}–${Math.max(...sizesSeen)} items): ${describeTimes(times)}\n`);
      printFigure('company page p95 (companies.get)', percentile(times.wallMs, 95), 'ms', { below: 30 });
    });

    await figure('visit save p99 (visits.create)', async () => {
      const times = await timeRuns(SAVE_RUNS, async (index) => {
        await rpc('visits.create', visitInput(rng, samples, index));
      }, 20);
      process.stderr.write(`[field-work] visit save: ${describeTimes(times)}\n`);
      printFigure('visit save p99 (visits.create)', percentile(times.wallMs, 99), 'ms', { below: 5 });
    });

    // Not a target: the list's exact total counts every live visit, which shows up only at this scale.
    await figure('visits list, first page with total, p95 (reference)', async () => {
      const times = await timeRuns(LIST_RUNS, () => rpc('visits.list', {}), 2);
      process.stderr.write(`[field-work] visits.list, first page: ${describeTimes(times)}\n`);
      printFigure('visits list, first page with total, p95 (reference)', percentile(times.wallMs, 95), 'ms');
    });

    printFigure('backend resident memory after the above (RSS)', process.memoryUsage().rss / 2 ** 20, 'MB', { below: 300 });
  } finally {
    backend.close();
    removeDir(dataDir);
  }
}

main().catch((error: unknown) => {
  // A benchmark reports; it never fails the run.
  console.log(`field work: not measured: ${error instanceof Error ? error.message : String(error)}`);
});
