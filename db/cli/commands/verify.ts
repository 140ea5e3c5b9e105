import path from 'node:path';
import { verifyDatabaseCopy } from '../../backup/verify';
import { defineCommand, UsageError } from '../command';
import { cliKeyStore } from '../data-folder';

/** `verify <file>`: the checks a restore runs, without restoring: is this backup usable here? */
export const command = defineCommand({
  name: 'verify',
  summary: '校验备份文件能否在本机恢复（不做任何改动）',
  usage: '<备份文件>',
  run(ctx, { positionals }) {
    if (positionals.length !== 1) throw new UsageError('请给出一个备份文件');
    const file = path.resolve(positionals[0]!);
    const verified = verifyDatabaseCopy(file, cliKeyStore(ctx.dataDir).load());
    const rows = Object.entries(verified.counts).filter(([table]) => ['company', 'contact', 'visit', 'project'].includes(table));
    return {
      lines: [`校验通过：${file}`, `数据版本 ${verified.schemaVersion}，${verified.format === 'encrypted' ? '已加密' : '未加密（旧版本的备份）'}`, ...rows.map(([table, n]) => `  ${table}: ${n}`)],
      data: { file, ...verified },
    };
  },
});
