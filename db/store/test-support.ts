import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HlcClock } from '../../shared/sync/hlc';
import { openAppDatabase, type AppDatabase } from '../database';
import type { Actor } from './writer';

/** A migrated database in a temp folder and an actor with a controllable clock, for tests. */
export function testDatabase(): { app: AppDatabase; actor: Actor; dir: string; dispose: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-store-'));
  const app = openAppDatabase(dir);
  let ms = Date.parse('2026-11-27T02:00:00Z');
  const now = (): Date => new Date((ms += 1000));
  const actor: Actor = { deviceId: app.deviceId, userId: app.userId, teamId: null, clock: new HlcClock(app.deviceId, () => now().getTime()), now };
  return {
    app,
    actor,
    dir,
    dispose: () => {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
