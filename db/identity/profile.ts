import type { Db } from '../sql';
import { statement } from '../store/statements';
import { deviceKeyPair, publicKeyFingerprint } from './keys';

/**
 * Who this device is and who uses it, as the weekly-log files and the 周报 name them.
 * Until the device enrolls with the platform (which will then own user and team), the
 * member types their name once; it lives in the meta table, beside the device id.
 */
export interface DeviceProfile {
  deviceId: string;
  publicKey: string;
  fingerprint: string;
  userId: string | null;
  userName: string | null;
  teamId: string | null;
  teamName: string | null;
}

const META = { userId: 'user_id', userName: 'user_display_name', teamId: 'team_id', teamName: 'team_name' } as const;

function readMetaValue(db: Db, key: string): string | null {
  return (statement(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

function writeMetaValue(db: Db, key: string, value: string | null): void {
  if (value === null) statement(db, 'DELETE FROM meta WHERE key = ?').run(key);
  else statement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function readProfile(db: Db, deviceId: string): DeviceProfile {
  const { publicKey } = deviceKeyPair(db);
  return {
    deviceId,
    publicKey,
    fingerprint: publicKeyFingerprint(publicKey),
    userId: readMetaValue(db, META.userId),
    userName: readMetaValue(db, META.userName),
    teamId: readMetaValue(db, META.teamId),
    teamName: readMetaValue(db, META.teamName),
  };
}

/** Sets the member's display name and team name (blank clears). */
export function saveProfile(db: Db, input: { userName?: string | null | undefined; teamName?: string | null | undefined }): void {
  db.transaction(() => {
    if (input.userName !== undefined) writeMetaValue(db, META.userName, input.userName?.trim() || null);
    if (input.teamName !== undefined) writeMetaValue(db, META.teamName, input.teamName?.trim() || null);
  })();
}
