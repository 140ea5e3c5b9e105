import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { seedReference } from '../features/reference/reference';
import { openStore, type StoreConfig } from '../store/store';
import { startPostgres, type PgCluster } from './postgres';

/** The two stores the whole platform suite runs on (`describe.each(STORE_KINDS)`). */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKindUnderTest = (typeof STORE_KINDS)[number];

export interface StoreFactory {
  /** A fresh store of this kind, already migrated and seeded (a copy of a template: fast). */
  newConfig(): Promise<StoreConfig>;
  /** A fresh store with nothing in it, not even the schema. */
  emptyConfig(): Promise<StoreConfig>;
  /** The PostgreSQL cluster, for tests that need several instances on one database. */
  cluster(): PgCluster | null;
}

/**
 * Registers the hooks a describe block needs for one store kind: for PostgreSQL one
 * cluster per block (started before its tests, stopped after). Each test gets its own
 * database (PostgreSQL: CREATE DATABASE … TEMPLATE; SQLite: a copied file).
 */
export function useStores(kind: StoreKindUnderTest): StoreFactory {
  let cluster: PgCluster | null = null;
  const dirs: string[] = [];
  beforeAll(async () => {
    if (kind === 'postgres') cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const emptyConfig = async (template?: string): Promise<StoreConfig> => {
    if (kind === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-platform-'));
      dirs.push(dir);
      const file = path.join(dir, 'platform.sqlite');
      if (template) fs.copyFileSync(template, file);
      return { kind: 'sqlite', file };
    }
    if (!cluster) throw new Error('the PostgreSQL cluster did not start (see the beforeAll error)');
    return { kind: 'postgres', url: await cluster.createDatabase(template), poolSize: 5 };
  };
  let template: Promise<string> | null = null;
  const makeTemplate = async (): Promise<string> => {
    const config = await emptyConfig();
    const store = await openStore(config);
    await seedReference(store, new Date());
    await store.close();
    return config.kind === 'sqlite' ? config.file : new URL(config.url).pathname.slice(1);
  };
  return {
    async newConfig() {
      template ??= makeTemplate();
      return emptyConfig(await template);
    },
    emptyConfig: () => emptyConfig(),
    cluster: () => cluster,
  };
}
