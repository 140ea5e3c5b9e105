/**
 * `npm run seed -- --data <dir> --companies <n> [--contacts <n>] [--visits <n>] [--projects <n>] [--seed <int>] [--until <date>]`
 *
 * Fills an empty app database with realistic Chinese field-work data: a baseline, as if
 * the rows had always been there. Rows go in with prepared INSERTs in large
 * transactions, not through the writer, so they have no field history, clocks or outbox
 * (1M visits through createRow would take an hour and a GB of outbox nobody would push).
 * The search index is built with the app's own reindexRow, so its documents are exactly
 * the ones the app would write. Same --seed and --until, same database.
 */
import { parseArgs } from 'node:util';
import { openAppDatabase } from '../db/database';
import type { Db } from '../db/sql';
import { reindexRow } from '../db/store/search-index';
import { Random } from './prng';
import { makeProject } from './seed-projects';
import { CompanyMaker, DAY_MS, instant, makeContact, makeVisit, personName, type CompanyInfo, type Row, type SeedContext } from './seed-rows';

/** The seed's "today" unless --until says otherwise: fixed, so a seed is reproducible on any day. */
const DEFAULT_UNTIL = '2026-11-27';
const CHUNK_ROWS = 50_000;
/** Share of companies the team works hardest, and the share of visits/projects they get. */
const KEY_SHARE = 0.05;
const BULK_TABLES = ['company', 'contact', 'visit', 'project', 'project_stage_event', 'funds_entry', 'task'];

type SearchDocument = [createdAt: string, kind: 'company' | 'contact' | 'project', id: string];

interface SeedOptions {
  dataDir: string;
  companies: number;
  contacts: number;
  visits: number;
  projects: number;
  seed: number;
  until: string;
}

function parseOptions(argv: string[]): SeedOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' }, companies: { type: 'string' }, contacts: { type: 'string' }, visits: { type: 'string' },
      projects: { type: 'string' }, seed: { type: 'string' }, until: { type: 'string' },
    },
    strict: true,
  });
  const count = (name: string, value: string | undefined, fallback?: number): number => {
    const parsed = value === undefined ? fallback : Number(value);
    if (parsed === undefined || !Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} needs a whole number (got ${value ?? 'nothing'})`);
    return parsed;
  };
  if (!values.data) throw new Error('--data <dir> is required');
  const companies = count('companies', values.companies);
  if (companies < 1) throw new Error('--companies must be at least 1');
  const until = values.until ?? DEFAULT_UNTIL;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new Error('--until needs YYYY-MM-DD');
  return {
    dataDir: values.data,
    companies,
    contacts: count('contacts', values.contacts, companies * 3),
    visits: count('visits', values.visits, companies * 10),
    projects: count('projects', values.projects, Math.round(companies * 0.5)),
    seed: count('seed', values.seed, 1),
    until,
  };
}

/** Prints rows/s to stderr every couple of seconds and at the end of each phase. */
class Progress {
  private readonly started = performance.now();
  private lastPrint = this.started;
  private done = 0;

  constructor(private readonly label: string, private readonly total: number) {}

  add(rows: number): void {
    this.done += rows;
    const now = performance.now();
    if (now - this.lastPrint > 2000 || this.done === this.total) {
      this.lastPrint = now;
      const rate = Math.round(this.done / ((now - this.started) / 1000));
      process.stderr.write(`[seed] ${this.label} ${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')} · ${rate.toLocaleString('en')} rows/s\n`);
    }
  }
}

/** Inserts rows whose keys are the column names; one prepared statement per table. */
class Inserter {
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();
  readonly counts = new Map<string, number>();

  constructor(private readonly db: Db) {}

  insert(table: string, row: Row): void {
    let statement = this.statements.get(table);
    if (!statement) {
      const columns = Object.keys(row);
      statement = this.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      this.statements.set(table, statement);
    }
    statement.run(row);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }
}

/** Runs `make(i)` for i in [0, total) in transactions of CHUNK_ROWS. */
function inChunks(db: Db, label: string, total: number, make: (index: number) => void): void {
  const progress = new Progress(label, total);
  for (let start = 0; start < total; start += CHUNK_ROWS) {
    const end = Math.min(total, start + CHUNK_ROWS);
    db.transaction(() => {
      for (let index = start; index < end; index++) make(index);
    })();
    progress.add(end - start);
  }
}

/** Secondary indexes are rebuilt once at the end: sorting once is far cheaper than 1.5M random B-tree inserts. */
function dropIndexes(db: Db): string[] {
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})`)
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  return indexes.map((index) => index.sql);
}

function seed(options: SeedOptions): void {
  const started = performance.now();
  const app = openAppDatabase(options.dataDir);
  const { db } = app;
  const existing = (db.prepare('SELECT count(*) AS n FROM company').get() as { n: number }).n;
  if (existing > 0) {
    app.close();
    throw new Error(`${app.file} already holds ${existing} companies; seed an empty data folder`);
  }
  // This connection only: a crash mid-seed loses a scratch file, nothing else. The app's own opens keep FULL.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');
  // CREATE INDEX may sort with a helper thread: the index rebuild is the seed's longest step.
  db.pragma('threads = 2');

  const rng = new Random(options.seed);
  const untilMs = Date.parse(`${options.until}T10:00:00Z`);
  const startMs = untilMs - 3 * 365 * DAY_MS;
  const staff = Array.from({ length: 12 }, () => ({ id: rng.uuidv7(startMs - 400 * DAY_MS), name: personName(rng).name }));
  // This device's user is one of the team, so "my visits" finds seeded rows; seeded, so reruns match.
  db.prepare("UPDATE meta SET value = ? WHERE key = 'user_id'").run(staff[0]!.id);
  const ctx: SeedContext = { rng, untilMs, startMs, staff, teamId: rng.uuidv7(startMs - 400 * DAY_MS) };
  const out = new Inserter(db);
  const indexSql = dropIndexes(db);

  const companies: CompanyInfo[] = [];
  const keyCount = Math.max(1, Math.round(options.companies * KEY_SHARE));
  const maker = new CompanyMaker(ctx);
  inChunks(db, 'companies', options.companies, (index) => {
    const { row, info } = maker.make(index < keyCount);
    out.insert('company', row);
    companies.push(info);
  });
  // Key companies draw a share of everything on top of an even spread.
  const pickCompany = (keyShare: number): CompanyInfo => companies[rng.chance(keyShare) ? rng.int(0, keyCount - 1) : rng.int(0, companies.length - 1)]!;
  // Search documents, made last but in creation order: the app writes them as rows are created, so a
  // higher FTS rowid means a newer row, which the search handler relies on ("newest first").
  const documents: SearchDocument[] = companies.map((company) => [instant(company.createdMs), 'company', company.id]);
  inChunks(db, 'contacts', options.contacts, (index) => {
    const row = makeContact(ctx, index < companies.length ? companies[index]! : pickCompany(0.3));
    out.insert('contact', row);
    documents.push([String(row.created_at), 'contact', String(row.id)]);
  });
  inChunks(db, 'visits', options.visits, () => {
    const { visit, task } = makeVisit(ctx, pickCompany(0.3));
    out.insert('visit', visit);
    if (task) out.insert('task', task);
  });
  inChunks(db, 'projects', options.projects, (index) => {
    const { project, events, funds } = makeProject(ctx, () => pickCompany(0.4), index + 1);
    out.insert('project', project);
    for (const event of events) out.insert('project_stage_event', event);
    for (const entry of funds) out.insert('funds_entry', entry);
    documents.push([String(project.created_at), 'project', String(project.id)]);
  });

  const indexStarted = performance.now();
  for (const sql of indexSql) db.exec(sql);
  process.stderr.write(`[seed] rebuilt ${indexSql.length} indexes in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s\n`);

  documents.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  inChunks(db, 'search documents', documents.length, (index) => reindexRow(db, documents[index]![1], documents[index]![2]));

  db.pragma('synchronous = FULL');
  app.close();
  const count = (table: string): string => (out.counts.get(table) ?? 0).toLocaleString('en');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `seeded ${app.file}: ${count('company')} companies, ${count('contact')} contacts, ${count('visit')} visits ` +
      `(${count('task')} follow-up tasks), ${count('project')} projects (${count('project_stage_event')} stage events, ` +
      `${count('funds_entry')} funds entries), ${documents.length.toLocaleString('en')} search documents in ${seconds} s ` +
      `(seed ${options.seed}, until ${options.until})`,
  );
}

try {
  seed(parseOptions(process.argv.slice(2)));
} catch (error) {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
