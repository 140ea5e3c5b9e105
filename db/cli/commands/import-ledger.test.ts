import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messyLedgerXlsx } from '../../features/ledger/test-fixtures';
import { runCli } from '../main';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-cli-ledger-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data', path.join(dir, 'data'), ...args], { stdout: (line) => out.push(line), stderr: (line) => err.push(line) }, () => new Date('2026-11-27T02:00:00Z'));
  return { code, out, err };
}

describe('npm run cli -- import-ledger', () => {
  it('previews with --dry-run --json, then imports, with the same engine as the app', { timeout: 60_000 }, async () => {
    const file = path.join(dir, '台账.xlsx');
    fs.writeFileSync(file, await messyLedgerXlsx());
    const dry = await cli('import-ledger', file, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.out[0]!) as { ok: boolean; result: { report: { dryRun: boolean; counts: Record<string, number>; importId: string | null } } };
    expect(preview.ok).toBe(true);
    expect(preview.result.report).toMatchObject({ dryRun: true, importId: null, counts: { new: 4, error: 3, duplicate: 1 } });

    const done = await cli('import-ledger', file);
    expect(done.code).toBe(0);
    expect(done.out[1]).toBe('已导入：台账.xlsx · 2023年签约项目');
    expect(done.out).toContain('  第 9 行 错误：C9：缺少企业名称');

    const again = await cli('import-ledger', file, '--json');
    expect(JSON.parse(again.out[0]!).result.report.counts).toMatchObject({ new: 0, unchanged: 4 });
  });

  it('refuses a missing file (exit 1) and bad options (exit 2)', async () => {
    expect((await cli('import-ledger', path.join(dir, 'none.xlsx'))).code).toBe(1);
    expect((await cli('import-ledger')).code).toBe(2);
    const file = path.join(dir, 'x.csv');
    fs.writeFileSync(file, '企业名称,项目名称\n甲,乙\n');
    expect((await cli('import-ledger', file, '--map', 'B=nonsense')).code).toBe(2);
  });
});
