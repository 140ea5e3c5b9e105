import type { KnownDevice } from '../../../shared/contract/weeklog';
import { publicKeyFingerprint } from '../../identity/keys';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { AppError } from '../../../shared/errors';

/**
 * The devices whose weekly-log files this lead accepts. A device gets here only by an
 * explicit act: the lead approves it after comparing the key's fingerprint with the
 * member (the refusal of its first file carries everything needed), or — once the
 * platform client exists — from the platform's device registry (`source = 'platform'`,
 * see `registerPlatformDevice`).
 */
interface DeviceRow {
  device_id: string;
  public_key: string;
  label: string;
  user_id: string | null;
  user_name: string | null;
  source: 'approved' | 'platform';
  approved_at: string;
  revoked_at: string | null;
}

function toKnownDevice(row: DeviceRow): KnownDevice {
  return {
    deviceId: row.device_id,
    publicKey: row.public_key,
    fingerprint: publicKeyFingerprint(row.public_key),
    label: row.label,
    userId: row.user_id,
    userName: row.user_name,
    source: row.source,
    approvedAt: row.approved_at,
    revokedAt: row.revoked_at,
  };
}

export function listDevices(db: Db): KnownDevice[] {
  return (statement(db, 'SELECT * FROM known_device ORDER BY revoked_at IS NOT NULL, label, device_id').all() as DeviceRow[]).map(toKnownDevice);
}

export function readDevice(db: Db, deviceId: string): KnownDevice {
  const row = statement(db, 'SELECT * FROM known_device WHERE device_id = ?').get(deviceId) as DeviceRow | undefined;
  if (!row) throw new AppError('E_NOT_FOUND', '设备不存在');
  return toKnownDevice(row);
}

export interface DeviceApproval {
  deviceId: string;
  publicKey: string;
  label: string;
  userId?: string | null | undefined;
  userName?: string | null | undefined;
}

/** Trusts (or re-trusts, with a new key) a device. The lead's explicit act; nothing else calls it. */
export function approveDevice(db: Db, approval: DeviceApproval, now: Date, source: 'approved' | 'platform' = 'approved'): KnownDevice {
  statement(
    db,
    `INSERT INTO known_device (device_id, public_key, label, user_id, user_name, source, approved_at, revoked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (device_id) DO UPDATE SET public_key = excluded.public_key, label = excluded.label,
       user_id = coalesce(excluded.user_id, user_id), user_name = coalesce(excluded.user_name, user_name),
       source = excluded.source, approved_at = excluded.approved_at, revoked_at = NULL`,
  ).run(approval.deviceId, approval.publicKey, approval.label, approval.userId ?? null, approval.userName ?? null, source, now.toISOString());
  return readDevice(db, approval.deviceId);
}

/** Stops accepting a device's files (a lost laptop). Files already merged stay merged. */
export function revokeDevice(db: Db, deviceId: string, now: Date): KnownDevice {
  readDevice(db, deviceId);
  statement(db, 'UPDATE known_device SET revoked_at = coalesce(revoked_at, ?) WHERE device_id = ?').run(now.toISOString(), deviceId);
  return readDevice(db, deviceId);
}

/**
 * HOOK for the platform client (issue #4): when it pulls the team's device registry, it
 * calls this for each enrolled device, and for each revoked one `revokeDevice`. Files from
 * those devices are then accepted without the lead's approval.
 */
export function registerPlatformDevice(db: Db, device: DeviceApproval, now: Date): KnownDevice {
  return approveDevice(db, device, now, 'platform');
}
