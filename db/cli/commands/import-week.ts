import fs from 'node:fs';
import path from 'node:path';
import type { WeeklogFileResult, WeeklogImportResult } from '../../../shared/contract/weeklog';
import { AppError } from '../../../shared/errors';
import { approveDevice } from '../../features/weeklog/devices';
import { openForCli } from '../../features/weeklog/cli-context';
import { importWeeklogFiles, type IncomingFile } from '../../features/weeklog/import';
import { WEEKLOG_LIMITS } from '../../../shared/weeklog/limits';
import { defineCommand, UsageError } from '../command';
import { cliKeyStore } from '../data-folder';

const STATUS_LABELS: Record<WeeklogFileResult['status'], string> = {
  imported: '已导入',
  preview: '可导入',
  skipped: '跳过',
  refused: '拒绝',
  'needs-confirmation': '待确认',
};

/**
 * `import-week <files…> [--dry-run] [--approve <指纹>]… [--confirm <manifest sha256>]…`:
 * the lead's import, the same engine as 导入周志 in the app. A device the lead has not
 * approved is refused; `--approve` with the fingerprint the member reads out approves it
 * explicitly. Exit 0 when every file was imported (or skipped); 1 when any was refused.
 */
export const command = defineCommand({
  name: 'import-week',
  summary: '导入队员的周志文件（可多个）；--dry-run 只预览不写入；--approve <设备指纹> 确认新设备',
  usage: '<周志文件…> [--dry-run] [--approve <设备指纹>]… [--confirm <清单校验值>]…',
  options: {
    'dry-run': { type: 'boolean' },
    approve: { type: 'string', multiple: true },
    confirm: { type: 'string', multiple: true },
  },
  run(ctx, { values, positionals }) {
    if (positionals.length === 0) throw new UsageError('请给出至少一个周志文件（.qzlog）');
    if (positionals.length > WEEKLOG_LIMITS.maxFilesPerImport) throw new UsageError(`一次最多导入 ${WEEKLOG_LIMITS.maxFilesPerImport} 个文件`);
    const files: IncomingFile[] = positionals.map((given) => {
      const file = path.resolve(given);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('E_NOT_FOUND', `找不到文件：${file}`);
      const oversize = fs.statSync(file).size > WEEKLOG_LIMITS.maxFileBytes;
      return { name: path.basename(file), bytes: oversize ? new Uint8Array(0) : new Uint8Array(fs.readFileSync(file)), oversize };
    });
    const approve = new Set(((values.approve as unknown as string[] | undefined) ?? []).map((fingerprint) => fingerprint.trim().toUpperCase()));
    const confirm = (values.confirm as unknown as string[] | undefined) ?? [];
    const dryRun = values['dry-run'] === true;
    const { app, ctx: handlerCtx } = openForCli(ctx.dataDir, cliKeyStore(ctx.dataDir), ctx.now);
    try {
      // With --approve, a first look finds the unknown devices whose fingerprints the lead gave.
      const approved = approve.size > 0 ? approveListed(handlerCtx.db, importWeeklogFiles(handlerCtx, files, { dryRun: true, confirm }), approve, ctx.now()) : [];
      const result = importWeeklogFiles(handlerCtx, files, { dryRun, confirm });
      const lines = [result.headline, ...approved.map((who) => `已确认新设备：${who}`), ...result.files.map(describeFile)];
      const refused = result.files.filter((file) => file.status === 'refused' || file.status === 'needs-confirmation');
      if (refused.length > 0) {
        throw new AppError(
          'E_WEEKLOG_REFUSED',
          result.headline,
          refused.map((file) => ({ path: file.fileName, code: file.reason?.code ?? 'E_WEEKLOG_REFUSED', message: file.reason?.message ?? '' })),
        );
      }
      return { lines, data: result };
    } finally {
      app.close();
    }
  },
});

/** Approves the unknown devices whose fingerprints the lead gave (with --dry-run too: approving is the lead's act, not the import's). */
function approveListed(db: Parameters<typeof approveDevice>[0], result: WeeklogImportResult, fingerprints: ReadonlySet<string>, now: Date): string[] {
  const approved: string[] = [];
  for (const file of result.files) {
    const details = file.reason?.code === 'E_WEEKLOG_UNKNOWN_DEVICE' ? file.reason.details : undefined;
    if (!details || !fingerprints.has(String(details.fingerprint))) continue;
    const userName = typeof details.userName === 'string' ? details.userName : null;
    approveDevice(db, { deviceId: String(details.deviceId), publicKey: String(details.publicKey), label: `${userName ?? '队员'}的设备`, userId: typeof details.userId === 'string' ? details.userId : null, userName }, now);
    approved.push(`${userName ?? details.deviceId}（${String(details.fingerprint)}）`);
  }
  return approved;
}

function describeFile(file: WeeklogFileResult): string {
  const who = file.file ? `${file.file.userName} ${file.file.week}` : '';
  const counts = `新增 ${file.stats.created}，更新 ${file.stats.updated}，删除 ${file.stats.deleted}，未变 ${file.stats.ignored}，冲突 ${file.stats.conflicts}，错误 ${file.stats.errors}`;
  const reason = file.reason ? `：${file.reason.message}` : '';
  return `  ${STATUS_LABELS[file.status]} ${file.fileName}${who ? `（${who}）` : ''}${file.status === 'imported' || file.status === 'preview' ? `：${counts}` : reason}`;
}
