import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { applyPendingRestore, stageRestore } from '../../backup/restore';
import { DATABASE_FILE, openAppDatabase } from '../../database';
import { acquireInstanceLock } from '../../instance-lock';
import { defineCommand, UsageError } from '../command';
import { cliKeyStore } from '../data-folder';

/**
 * `restore <file>`: checks the file (opens with this folder's key, quick_check, not newer
 * than this app, a 黔招通 database), keeps the current database aside in backups/, and puts
 * the file in its place; then opens it once the way the app will. Refused while the app runs.
 */
export const command = defineCommand({
  name: 'restore',
  summary: '从备份文件恢复（先校验；当前数据另存为 pre-restore 备份）',
  usage: '<备份文件>',
  run(ctx, { positionals }) {
    if (positionals.length !== 1) throw new UsageError('请给出一个备份文件');
    const source = path.resolve(positionals[0]!);
    const lock = acquireInstanceLock(ctx.dataDir);
    try {
      const keyStore = cliKeyStore(ctx.dataDir);
      const key = keyStore.load();
      stageRestore(ctx.dataDir, source, key);
      const result = applyPendingRestore(ctx.dataDir, path.join(ctx.dataDir, DATABASE_FILE), key, undefined, ctx.now());
      if (!result?.ok) throw new AppError('E_BACKUP_INVALID', result?.message ?? '恢复失败');
      // Open it as the app will (migrating an older backup), so a problem shows now, not at the next start.
      const app = openAppDatabase(ctx.dataDir, { keyStore, lock: false });
      const schemaVersion = app.migration.to;
      app.close();
      return {
        lines: [result.message, `数据版本：${schemaVersion}`],
        data: { restoredFrom: source, previousKeptAt: result.previousKeptAt, schemaVersion },
      };
    } finally {
      lock.release();
    }
  },
});
