import { HlcClock } from '../../../shared/sync/hlc';
import { openAppDatabase, readMeta, type AppDatabase } from '../../database';
import type { KeyStore } from '../../keys/key';
import type { HandlerContext } from '../../rpc/types';

/** The app's database and a handler context for the CLI commands export-week, import-week and report. */
export function openForCli(dataDir: string, keyStore: KeyStore, now: () => Date): { app: AppDatabase; ctx: HandlerContext } {
  const app = openAppDatabase(dataDir, { keyStore });
  const ctx: HandlerContext = {
    db: app.db,
    deviceId: app.deviceId,
    actor: {
      deviceId: app.deviceId,
      userId: app.userId,
      teamId: readMeta(app.db, 'team_id'),
      clock: new HlcClock(app.deviceId, () => now().getTime(), readMeta(app.db, 'hlc_last')),
      now,
    },
    schemaVersion: app.migration.to,
    now,
    integrity: () => null,
  };
  return { app, ctx };
}
