import { backupInBackground } from '../../backup/backup';
import { openAppDatabase } from '../../database';
import { defineCommand } from '../command';
import { cliKeyStore, describeBackup } from '../data-folder';

/** `backup`: a verified backup now (kind manual: never rotated away). Refused while the app runs on the folder. */
export const command = defineCommand({
  name: 'backup',
  summary: '立即备份数据（加密、校验后写入 backups/）',
  usage: '',
  async run(ctx) {
    const app = openAppDatabase(ctx.dataDir, { keyStore: cliKeyStore(ctx.dataDir) });
    try {
      const made = await backupInBackground(app.db, { kind: 'manual', now: ctx.now() });
      return {
        lines: [`已备份：${describeBackup(made)}`, `位置：${made.file}`],
        data: { backup: { ...made, createdAt: made.createdAt.toISOString() } },
      };
    } finally {
      app.close();
    }
  },
});
