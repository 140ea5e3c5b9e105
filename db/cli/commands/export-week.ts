import fs from 'node:fs';
import path from 'node:path';
import { isIsoWeek } from '../../../shared/weeklog/iso-week';
import { readProfile, saveProfile } from '../../identity/profile';
import { openForCli } from '../../features/weeklog/cli-context';
import { exportWeeklog } from '../../features/weeklog/export';
import { defineCommand, UsageError } from '../command';
import { cliKeyStore } from '../data-folder';

/**
 * `export-week [--week 2026-W48 | --since-last] [--out <file|folder>] [--name 张三]`: the
 * member's weekly-log file, exactly as 导出本周日志 in the app writes it.
 */
export const command = defineCommand({
  name: 'export-week',
  summary: '导出本机的周志文件（.qzlog，已签名）；--since-last 导出自上次导出以来的全部记录',
  usage: '[--week <2026-W48>] [--since-last] [--out <文件或目录>] [--name <姓名>]',
  options: {
    week: { type: 'string' },
    'since-last': { type: 'boolean' },
    out: { type: 'string' },
    name: { type: 'string' },
  },
  run(ctx, { values, positionals }) {
    if (positionals.length > 0) throw new UsageError('export-week 不接受文件参数，请用 --out 指定保存位置');
    const week = typeof values.week === 'string' ? values.week.trim() : undefined;
    if (week !== undefined && !isIsoWeek(week)) throw new UsageError('--week 应写作 2026-W48 这样的形式');
    if (week !== undefined && values['since-last']) throw new UsageError('--week 与 --since-last 只能选一个');
    const { app, ctx: handlerCtx } = openForCli(ctx.dataDir, cliKeyStore(ctx.dataDir), ctx.now);
    try {
      if (typeof values.name === 'string') saveProfile(app.db, { userName: values.name });
      const file = exportWeeklog(handlerCtx, { scope: values['since-last'] ? 'since-last-export' : 'week', week });
      const out = typeof values.out === 'string' ? path.resolve(values.out) : path.resolve(file.fileName);
      const target = fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, file.fileName) : out;
      fs.writeFileSync(target, file.bytes);
      const profile = readProfile(app.db, app.deviceId);
      const { manifest } = file;
      return {
        lines: [
          `已导出：${target}`,
          `${manifest.user.name} · ${manifest.week} · ${manifest.counts.changes} 条变更${manifest.seq ? `（序号 ${manifest.seq.from}–${manifest.seq.to}）` : ''}`,
          `设备指纹：${profile.fingerprint}（组长首次导入时请核对）`,
        ],
        data: { file: target, fileName: file.fileName, manifestSha256: file.manifestSha256, manifest, fingerprint: profile.fingerprint },
      };
    } finally {
      app.close();
    }
  },
});
