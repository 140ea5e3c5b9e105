import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SelectQueryBuilder } from 'kysely';
import pg from 'pg';
import type { PlatformDb } from './schema';

/**
 * Everything that differs between the two stores lives in this file: how a connection
 * is opened, how a transaction starts and is retried, and whether rows can be locked.
 * All queries elsewhere are plain Kysely and run unchanged on both.
 */
export type StoreKind = 'sqlite' | 'postgres';

export interface Dialect {
  kind: StoreKind;
  db: Kysely<PlatformDb>;
  /** Runs `work` in one transaction; on PostgreSQL retries serialisation failures, deadlocks and unique races. */
  transaction<T>(work: (trx: Kysely<PlatformDb>) => Promise<T>): Promise<T>;
}

export type StoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

export function openDialect(config: StoreConfig): Dialect {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, config.poolSize ?? 10);
}

function openSqlite(file: string): Dialect {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<PlatformDb>({ dialect: new SqliteDialect({ database }) });
  return {
    kind: 'sqlite',
    db,
    // Kysely's SQLite driver has one connection behind a mutex: holding it serialises every
    // writer of this process, and BEGIN IMMEDIATE takes the file's write lock up front.
    transaction: (work) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      }),
  };
}

/** PostgreSQL errors worth a fresh attempt: serialisation failure, deadlock, a unique race between instances. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 6;

function openPostgres(url: string, poolSize: number): Dialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    statement_timeout: 30_000,
    // BIGINT (seqs, counters) comes back as a JS number: our values stay far below 2^53.
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<PlatformDb>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async transaction(work) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await db.transaction().setIsolationLevel('read committed').execute(work);
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(pgCode(error) ?? '')) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        }
      }
    },
  };
}

/** `SELECT … FOR UPDATE` on PostgreSQL; SQLite has no row locks (its transaction holds the file's write lock). */
export function forUpdate<DB, TB extends keyof DB, O>(kind: StoreKind, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return kind === 'postgres' ? query.forUpdate() : query;
}

function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique-constraint violation on either store. */
export function isUniqueViolation(error: unknown): boolean {
  const code = pgCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
