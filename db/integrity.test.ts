import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { quickCheckInBackground } from './integrity';
import { closeDatabase, openDatabase } from './sql';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-integrity-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function makeDatabase(file: string): void {
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE INDEX t_body ON t (body)');
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 5000; i += 1) insert.run(`第 ${i} 行 ${'数据'.repeat(20)}`);
  })();
  closeDatabase(db);
}

it('reports ok for a healthy file', async () => {
  const file = path.join(dir, 'ok.sqlite3');
  makeDatabase(file);
  expect(await quickCheckInBackground(file)).toBe('ok');
});

it('reports corrupt when pages in the middle of the file are overwritten', async () => {
  const file = path.join(dir, 'bad.sqlite3');
  makeDatabase(file);
  const size = fs.statSync(file).size;
  const handle = fs.openSync(file, 'r+');
  fs.writeSync(handle, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(handle);
  expect(await quickCheckInBackground(file)).toBe('corrupt');
});

it('reports unchecked, not corrupt, for a file that is not there', async () => {
  expect(await quickCheckInBackground(path.join(dir, 'missing.sqlite3'))).toBe('unchecked');
});
