import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../database';
import { createRow } from '../../store/writer';
import { HlcClock } from '../../../shared/sync/hlc';
import { runCli } from '../main';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-cli-week-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-11-27T02:00:00Z');

async function cli(data: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data', path.join(dir, data), ...args], { stdout: (line) => out.push(line), stderr: (line) => err.push(line) }, () => NOW);
  return { code, out, err, json: () => JSON.parse(out[0]!) as { ok: boolean; result: never; error: { code: string; details: { path: string; code: string }[] } } };
}

/** A member's data folder with a company and a visit in 2026-W48. */
function memberData(): void {
  const app = openAppDatabase(path.join(dir, 'member'));
  let ms = NOW.getTime() - 3_600_000;
  const now = () => new Date((ms += 1000));
  const actor = { deviceId: app.deviceId, userId: app.userId, teamId: null, clock: new HlcClock(app.deviceId, () => now().getTime()), now };
  const company = createRow(app.db, actor, 'company', { name: '深圳市测试科技有限公司' });
  createRow(app.db, actor, 'visit', { company_id: company, visit_date: '2026-11-26', kind: 'door_visit', participants: [], contact_ids: [] });
  app.close();
}

describe('npm run cli -- export-week / import-week / report', () => {
  it('a member exports, the lead approves the device by fingerprint and imports, then builds the 周报', { timeout: 60_000 }, async () => {
    memberData();
    const exported = await cli('member', 'export-week', '--week', '2026-W48', '--name', '张三', '--out', dir, '--json');
    expect(exported.code).toBe(0);
    const { file, fingerprint } = exported.json().result as { file: string; fingerprint: string };
    expect(path.basename(file)).toBe('张三_2026-W48.qzlog');

    const unknown = await cli('lead', 'import-week', file, '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.json().error.details[0]).toMatchObject({ path: '张三_2026-W48.qzlog', code: 'E_WEEKLOG_UNKNOWN_DEVICE' });

    const preview = await cli('lead', 'import-week', file, '--approve', fingerprint, '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.out[0]).toMatch(/^预览（尚未导入）共 1 个文件：可导入 1 个/);
    const done = await cli('lead', 'import-week', file);
    expect(done.code).toBe(0);
    expect(done.out.join('\n')).toContain('已导入 张三_2026-W48.qzlog（张三 2026-W48）：新增 2');
    const again = await cli('lead', 'import-week', file);
    expect(again.out[0]).toContain('全部文件此前已导入，数据没有任何变化');

    const xlsx = path.join(dir, '周报.xlsx');
    const pdf = path.join(dir, '周报.pdf');
    const report = await cli('lead', 'report', '--week', '2026-W48', '--xlsx', xlsx, '--pdf', pdf);
    expect(report.code).toBe(0);
    expect(report.out.join('\n')).toContain('张三：走访 1 次，新增企业 1 家');
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses bad input with exit 1 and wrong usage with exit 2', async () => {
    memberData();
    expect((await cli('member', 'export-week')).code).toBe(1); // no name yet: E_WEEKLOG_PROFILE_REQUIRED
    expect((await cli('member', 'export-week', '--week', '2026-48')).code).toBe(2);
    expect((await cli('member', 'export-week', '--week', '2026-W48', '--since-last')).code).toBe(2);
    expect((await cli('lead', 'import-week')).code).toBe(2);
    expect((await cli('lead', 'import-week', path.join(dir, 'missing.qzlog'))).code).toBe(1);
    const junk = path.join(dir, 'junk.qzlog');
    fs.writeFileSync(junk, 'not a zip');
    const refused = await cli('lead', 'import-week', junk);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toContain('不是有效的周志文件');
    expect((await cli('lead', 'report', '--week', 'W48')).code).toBe(2);
  });
});
