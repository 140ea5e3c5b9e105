import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeDesktopFiles } from './files';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-files-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('nodeDesktopFiles', () => {
  it('writes a new file and replaces an old one whole', async () => {
    const target = path.join(dir, '周报.xlsx');
    await nodeDesktopFiles.writeAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(target)]).toEqual([1, 2, 3]);
    await nodeDesktopFiles.writeAtomic(target, new Uint8Array([9]));
    expect([...fs.readFileSync(target)]).toEqual([9]);
    expect(fs.readdirSync(dir)).toEqual(['周报.xlsx']);
  });

  it('leaves no partial file behind when the write fails', async () => {
    const target = path.join(dir, 'a-folder');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep'), 'x');
    await expect(nodeDesktopFiles.writeAtomic(target, new Uint8Array([1]))).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['a-folder']);
  });

  it('measures and reads regular files only', async () => {
    const file = path.join(dir, 'a.qzlog');
    fs.writeFileSync(file, Buffer.from('hello'));
    expect(await nodeDesktopFiles.size(file)).toBe(5);
    const read = await nodeDesktopFiles.read(file);
    expect(read).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(read).toString()).toBe('hello');
    await expect(nodeDesktopFiles.size(dir)).rejects.toThrow();
    await expect(nodeDesktopFiles.size(path.join(dir, 'missing'))).rejects.toThrow();
  });
});
