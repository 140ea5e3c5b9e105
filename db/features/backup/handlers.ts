import path from 'node:path';
import type { z } from 'zod';
import type { BackupEntry, backupContract, PendingRestoreInfo } from '../../../shared/contract/backup';
import type { MethodDef } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import { backupDirOf, backupInBackground, listBackups, type BackupInfo } from '../../backup/backup';
import { cancelPendingRestore, readLastRestoreResult, readPendingRestore, stageRestoreInBackground } from '../../backup/restore';
import { connectionKey } from '../../sql';
import type { HandlerContext } from '../../rpc/types';

type Slice = typeof backupContract;
type OutputOf<D> = D extends MethodDef<z.ZodType, infer O> ? O : never;
/** The same shape as FeatureHandlers<keyof typeof backupContract> once the contract is registered. */
export type BackupHandlers = { [M in keyof Slice]: (input: z.output<Slice[M]['input']>, ctx: HandlerContext) => Promise<OutputOf<Slice[M]>> | OutputOf<Slice[M]> };

function entry(backup: BackupInfo): BackupEntry {
  return { name: backup.name, kind: backup.kind, reason: backup.reason, createdAt: backup.createdAt.toISOString(), sizeBytes: backup.sizeBytes };
}

const dataDirOf = (ctx: HandlerContext): string => path.dirname(ctx.db.name);

function pendingInfo(dataDir: string): PendingRestoreInfo | null {
  const pending = readPendingRestore(dataDir);
  return pending ? { source: pending.source, stagedAt: pending.stagedAt, schemaVersion: pending.schemaVersion } : null;
}

/** 设置 › 数据备份. The database key is taken from the open connection; it is never an input or an output. */
export const backupHandlers: BackupHandlers = {
  'backup.list': (_input, ctx) => {
    const folder = backupDirOf(ctx.db);
    const backups = listBackups(folder);
    const lastAuto = backups.find((backup) => backup.kind === 'auto');
    return {
      backups: backups.map(entry),
      folder,
      lastAutoBackupAt: lastAuto ? lastAuto.createdAt.toISOString() : null,
      pendingRestore: pendingInfo(dataDirOf(ctx)),
      lastRestore: readLastRestoreResult(dataDirOf(ctx)),
    };
  },

  'backup.create': async (_input, ctx) => entry(await backupInBackground(ctx.db, { kind: 'manual', now: ctx.now() })),

  'backup.restore': async ({ name }, ctx) => {
    const folder = backupDirOf(ctx.db);
    // The schema already pins the name's shape; this makes sure it is a plain name inside backups/.
    const file = path.join(folder, name);
    if (path.basename(file) !== name || !listBackups(folder).some((backup) => backup.name === name)) throw new AppError('E_NOT_FOUND', '找不到这个备份，可能已被轮换删除');
    const staged = await stageRestoreInBackground(dataDirOf(ctx), file, connectionKey(ctx.db));
    return {
      pendingRestore: { source: staged.source, stagedAt: staged.stagedAt, schemaVersion: staged.schemaVersion },
      restartRequired: true,
      message: `备份 ${name} 已通过校验。请关闭并重新打开黔招通以完成恢复；恢复前的数据会另存为一份备份。`,
    };
  },

  'backup.cancelRestore': (_input, ctx) => ({ cancelled: cancelPendingRestore(dataDirOf(ctx)) }),
};
