import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS, closeDatabase, openDatabase, readPragmas } from './sql';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-sql-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  const expected = { journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: BUSY_TIMEOUT_MS };

  it('sets WAL, synchronous=FULL, foreign_keys and busy_timeout on a new file', () => {
    const db = openDatabase(path.join(dir, 'new.sqlite3'));
    expect(readPragmas(db)).toEqual(expected);
    closeDatabase(db);
  });

  it('sets them again on an existing file (connection pragmas are not stored in the file)', () => {
    const file = path.join(dir, 'existing.sqlite3');
    const first = openDatabase(file);
    first.exec('CREATE TABLE t (x INTEGER)');
    closeDatabase(first);
    const second = openDatabase(file);
    expect(readPragmas(second)).toEqual(expected);
    expect(second.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 't'").get()).toEqual({ n: 1 });
    closeDatabase(second);
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(path.join(dir, 'fk.sqlite3'));
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))');
    expect(() => db.prepare('INSERT INTO child VALUES (42)').run()).toThrow(/FOREIGN KEY/);
    closeDatabase(db);
  });

  it('refuses a file that is not a database with E_DB_CORRUPT', () => {
    const file = path.join(dir, 'junk.sqlite3');
    fs.writeFileSync(file, 'this is not a database'.repeat(100));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'E_DB_CORRUPT' }));
  });

  it('closeDatabase folds the WAL back into the main file', () => {
    const file = path.join(dir, 'wal.sqlite3');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)');
    closeDatabase(db);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    closeDatabase(db);
  });
});
