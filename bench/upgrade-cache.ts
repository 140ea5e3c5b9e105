/**
 * `node --import tsx bench/upgrade-cache.ts <dataDir>`: brings a cached seed database to
 * today's schema, as the app would on start, so appending a migration does not cost a
 * reseed (and a benchmark never times a migration). Exits 3 when the file's migrations
 * are not a prefix of ours (one was edited or removed): the cache must be seeded again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_DIR } from '../db/backup/names';
import { openAppDatabase } from '../db/database';
import { AppError } from '../shared/errors';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: upgrade-cache.ts <dataDir>');
  process.exit(2);
}
try {
  const app = openAppDatabase(dataDir);
  app.close();
  // The pre-migration copy protects real data; a cache can be seeded again, and the copy would double the disk it takes.
  fs.rmSync(path.join(dataDir, BACKUP_DIR), { recursive: true, force: true });
  if (app.migration.from !== app.migration.to) process.stderr.write(`[bench] cached seed migrated from schema ${app.migration.from} to ${app.migration.to}\n`);
} catch (error) {
  if (error instanceof AppError && (error.code === 'E_DB_MIGRATION_MISMATCH' || error.code === 'E_DB_TOO_NEW')) process.exit(3);
  throw error;
}
