import os from 'node:os';
import { deviceKeyPair } from '../identity/keys';
import type { Db } from '../sql';
import { SyncHttpError, SyncOfflineError } from './client';
import { setMeta } from './state';
import type { SyncTokenStore } from './token-store';

export interface EnrollResult {
  deviceId: string;
  userId: string;
  teamId: string | null;
  role: string;
}

/**
 * Enrolls this device with a one-time code: sends the app's own device id (the node of
 * its clocks) and its Ed25519 public key (db/identity), keeps the token in the token store.
 */
export async function enrollDevice(
  input: { db: Db; deviceId: string; platformUrl: string; code: string; tokens: SyncTokenStore; fetch?: typeof fetch; deviceName?: string },
): Promise<EnrollResult> {
  const platformUrl = input.platformUrl.trim().replace(/\/+$/, '');
  const doFetch = input.fetch ?? ((url, init) => globalThis.fetch(url, init));
  let response: Response;
  try {
    response = await doFetch(`${platformUrl}/api/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: input.code.trim(), publicKey: deviceKeyPair(input.db).publicKey, deviceName: input.deviceName ?? os.hostname().slice(0, 100), deviceId: input.deviceId }),
    });
  } catch (error) {
    throw new SyncOfflineError(`无法连接平台：${error instanceof Error ? error.message : String(error)}`);
  }
  const json = (await response.json().catch(() => null)) as (EnrollResult & { token: string; error?: { code: string; message: string } }) | null;
  if (!response.ok || !json) throw new SyncHttpError(response.status, json?.error?.code ?? `HTTP_${response.status}`, json?.error?.message ?? '注册失败', {});
  input.tokens.save({ platformUrl, token: json.token });
  input.db.transaction(() => {
    setMeta(input.db, 'sync_platform_url', platformUrl);
    setMeta(input.db, 'sync_user_id', json.userId);
    setMeta(input.db, 'sync_team_id', json.teamId ?? null);
  })();
  return { deviceId: json.deviceId, userId: json.userId, teamId: json.teamId ?? null, role: json.role };
}
