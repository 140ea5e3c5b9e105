import path from 'node:path';
import { listBackups } from '../../backup/backup';
import { BACKUP_DIR } from '../../backup/names';
import { readLastRestoreResult, readPendingRestore } from '../../backup/restore';
import { defineCommand } from '../command';
import { describeBackup } from '../data-folder';

/** `backups`: what is in backups/, newest first, and any restore waiting for the next start. Reads files only. */
export const command = defineCommand({
  name: 'backups',
  summary: '列出已有的备份',
  usage: '',
  run(ctx) {
    const folder = path.join(ctx.dataDir, BACKUP_DIR);
    const backups = listBackups(folder);
    const pending = readPendingRestore(ctx.dataDir);
    const last = readLastRestoreResult(ctx.dataDir);
    return {
      lines: [
        `备份目录：${folder}`,
        ...(backups.length === 0 ? ['（还没有备份）'] : backups.map(describeBackup)),
        ...(pending ? [`待恢复（下次启动时完成）：${pending.source}`] : []),
        ...(last ? [`上次恢复：${last.ok ? '成功' : '失败'} · ${last.message}`] : []),
      ],
      data: { folder, backups: backups.map((b) => ({ ...b, createdAt: b.createdAt.toISOString() })), pendingRestore: pending, lastRestore: last },
    };
  },
});
