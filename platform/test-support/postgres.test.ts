import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPgBin } from './postgres';

describe('the test PostgreSQL helper', () => {
  it('fails loudly, naming the package to install, when the server binaries are missing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-nopg-'));
    try {
      expect(() => findPgBin(empty, undefined)).toThrow(/PostgreSQL server binaries not found.*apt-get install -y postgresql/s);
      fs.mkdirSync(path.join(empty, '15', 'bin'), { recursive: true });
      fs.writeFileSync(path.join(empty, '15', 'bin', 'initdb'), '');
      fs.mkdirSync(path.join(empty, '9', 'bin'), { recursive: true });
      fs.writeFileSync(path.join(empty, '9', 'bin', 'initdb'), '');
      expect(findPgBin(empty, undefined)).toBe(path.join(empty, '15', 'bin'));
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
