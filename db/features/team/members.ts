import type { Db } from '../../sql';
import { statement } from '../../store/statements';

/**
 * Members' names as this device knows them: its own profile, the devices the lead
 * approved, and the files members sent (the newest file's name wins). Until the platform
 * supplies the team's user list, this is what the lead's screens and the 周报 show.
 */
/** This device's own user before they typed a name (我的周志 asks for it). */
export const SELF_WITHOUT_NAME = '本机用户';

export function memberNames(db: Db): Map<string, string> {
  const names = new Map<string, string>();
  const fromFiles = statement(
    db,
    `SELECT user_id, user_name FROM weeklog_import i
      WHERE exported_at = (SELECT max(exported_at) FROM weeklog_import j WHERE j.user_id = i.user_id) AND user_name <> ''`,
  ).all() as { user_id: string; user_name: string }[];
  for (const row of fromFiles) names.set(row.user_id, row.user_name);
  const fromDevices = statement(db, "SELECT user_id, user_name FROM known_device WHERE user_id IS NOT NULL AND user_name IS NOT NULL AND user_name <> '' ORDER BY approved_at").all() as {
    user_id: string;
    user_name: string;
  }[];
  for (const row of fromDevices) if (!names.has(row.user_id)) names.set(row.user_id, row.user_name);
  const self = statement(db, "SELECT (SELECT value FROM meta WHERE key = 'user_id') AS id, (SELECT value FROM meta WHERE key = 'user_display_name') AS name").get() as {
    id: string | null;
    name: string | null;
  };
  if (self.id && self.name) names.set(self.id, self.name);
  else if (self.id && !names.has(self.id)) names.set(self.id, SELF_WITHOUT_NAME);
  return names;
}

/** Users this lead knows to be in the team: approved devices' users and this device's own. */
export function knownMemberIds(db: Db): string[] {
  const ids = statement(
    db,
    `SELECT user_id FROM known_device WHERE user_id IS NOT NULL AND revoked_at IS NULL
     UNION SELECT value FROM meta WHERE key = 'user_id'`,
  ).pluck().all() as string[];
  return ids;
}

export function nameOf(names: ReadonlyMap<string, string>, userId: string | null): string {
  if (!userId) return '未指定';
  return names.get(userId) ?? `队员 ${userId.slice(-6)}`;
}
