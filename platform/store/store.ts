import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDialect, type Dialect, type StoreConfig } from './dialect';
import { migrateToLatest } from './migrations';
import type { PlatformDb } from './schema';

export type { StoreConfig, StoreKind } from './dialect';

/** The platform's one door to its database: a Kysely instance, its dialect and a transaction runner. */
export interface PlatformStore extends Dialect {
  /** Applied migrations' names from this open (empty when the schema was current). */
  migrated: string[];
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the store and brings its schema up to date. */
export async function openStore(config: StoreConfig): Promise<PlatformStore> {
  const dialect = openDialect(config);
  try {
    const migrated = await migrateToLatest(dialect.db as unknown as Kysely<unknown>);
    return {
      ...dialect,
      migrated,
      ping: async () => {
        await sql`select 1`.execute(dialect.db);
      },
      close: () => dialect.db.destroy(),
    };
  } catch (error) {
    await dialect.db.destroy();
    throw error;
  }
}

/** `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise an SQLite file in the data folder. */
export function storeConfigFrom(env: { DATABASE_URL?: string | undefined }, dataDir: string | undefined): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    return { kind: 'postgres', url };
  }
  if (!dataDir) throw new Error('--data <folder> is required unless DATABASE_URL points at PostgreSQL');
  return { kind: 'sqlite', file: path.join(path.resolve(dataDir), 'platform.sqlite') };
}

export type { PlatformDb };
