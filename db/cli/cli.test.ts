import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentHash } from '../content-hash';
import { openAppDatabase, openAppDatabaseFile } from '../database';
import { acquireInstanceLock } from '../instance-lock';
import { KEYCHAIN_KEY_FILE } from '../keys/key';
import { runCli } from './main';
import { commandNames } from './registry';

// Worker threads, child processes and fsyncs: seconds each on a loaded build machine.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (line) => out.push(line), stderr: (line) => err.push(line) });
  return { code, out, err };
}
const data = (): string => path.join(dir, 'data');

describe('the command registry', () => {
  it('is the files in commands/: adding a command is adding one file', () => {
    expect(commandNames()).toEqual(expect.arrayContaining(['backup', 'backups', 'provision', 'restore', 'verify']));
  });
  it('help lists them; exit 0', async () => {
    const { code, out } = await cli('help');
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/backup\s+立即备份/);
  }, 60_000);
  it('usage errors exit 2: no command, an unknown one, an unknown option, a missing argument', async () => {
    expect((await cli()).code).toBe(2);
    expect(await cli('--data', data(), 'frobnicate')).toMatchObject({ code: 2, err: expect.arrayContaining([expect.stringContaining('没有这个命令')]) });
    expect((await cli('--data', data(), 'backups', '--nope')).code).toBe(2);
    expect(await cli('--data', data(), 'restore')).toMatchObject({ code: 2, err: expect.arrayContaining([expect.stringContaining('请给出一个备份文件')]) });
  });
  it('--json prints exactly one object, for errors too', async () => {
    const { code, out } = await cli('--json', '--data', data(), 'restore', path.join(dir, 'missing.sqlite3'));
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ ok: false, error: { code: 'E_BACKUP_INVALID', message: expect.stringContaining('文件不存在') } });
  });
});

describe('backup and restore from the command line', () => {
  it('backup → verify → restore brings back the same content hash; input refused exits 1', async () => {
    const app = openAppDatabase(data());
    app.db.prepare("INSERT INTO company (id, name, created_at, updated_at) VALUES ('c1', '贵州轮胎股份有限公司', 'x', 'x')").run();
    const atBackup = contentHash(app.db);
    app.close();

    const made = await cli('--json', '--data', data(), 'backup');
    expect(made.code).toBe(0);
    const backup = (JSON.parse(made.out[0]!) as { result: { backup: { file: string } } }).result.backup.file;
    expect((await cli('--data', data(), 'verify', backup)).out[0]).toContain('校验通过');
    expect((await cli('--data', data(), 'backups')).out.join('\n')).toContain(path.basename(backup));

    const later = openAppDatabase(data());
    later.db.prepare('DELETE FROM company').run();
    later.close();

    const restored = await cli('--data', data(), 'restore', backup);
    expect(restored).toMatchObject({ code: 0, out: expect.arrayContaining([expect.stringContaining('已从')]) });
    const db = openAppDatabaseFile(data());
    expect(contentHash(db)).toBe(atBackup);
    db.close();

    fs.writeFileSync(path.join(dir, 'junk.sqlite3'), 'not a backup'.repeat(500));
    expect((await cli('--data', data(), 'restore', path.join(dir, 'junk.sqlite3'))).code).toBe(1);
  });

  it('restore is refused while the app runs on the folder', async () => {
    openAppDatabase(data()).close();
    const lock = acquireInstanceLock(data());
    try {
      const { code, err } = await cli('--data', data(), 'restore', path.join(dir, 'x.sqlite3'));
      expect(code).toBe(1);
      expect(err[0]).toContain('该数据目录已被另一个黔招通实例使用');
    } finally {
      lock.release();
    }
  });

  it('a desktop data folder (key in the OS keychain) gets a clear pointer to the settings screen', async () => {
    fs.mkdirSync(data());
    fs.writeFileSync(path.join(data(), KEYCHAIN_KEY_FILE), '{}');
    const { code, err } = await cli('--data', data(), 'backup');
    expect(code).toBe(1);
    expect(err[0]).toContain('设置 › 数据备份');
  });

  it('provision applies a file; a bad one exits 1 naming each problem', async () => {
    const good = { version: 1, platformUrl: 'https://zhaoshang.example.gov.cn', team: '驻广州招商工作队', enrollmentCode: 'ABCD-EFGH' };
    fs.writeFileSync(path.join(dir, 'p.json'), JSON.stringify(good));
    expect(await cli('--data', data(), 'provision', path.join(dir, 'p.json'))).toMatchObject({ code: 0, out: expect.arrayContaining(['工作队：驻广州招商工作队']) });
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...good, platformUrl: 'http://a.cn' }));
    const bad = await cli('--data', data(), 'provision', path.join(dir, 'bad.json'));
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toContain('platformUrl：平台地址必须以 https:// 开头');
  });
});
