import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { errors } from '../../http/errors';
import { newToken, sha256Hex } from '../../http/auth';
import { isUniqueViolation } from '../../store/dialect';
import type { PlatformDb, Role } from '../../store/schema';
import type { PlatformStore } from '../../store/store';
import { generatePassword, hashPassword } from './passwords';

export interface PublicUser {
  id: string;
  username: string;
  role: Role;
  teamId: string | null;
  disabled: boolean;
  createdAt: string;
}

export function toPublicUser(row: { id: string; username: string; role: Role; team_id: string | null; disabled: number; created_at: string }): PublicUser {
  return { id: row.id, username: row.username, role: row.role, teamId: row.team_id, disabled: row.disabled === 1, createdAt: row.created_at };
}

export async function createTeam(store: PlatformStore, name: string, now: Date): Promise<{ id: string; name: string; createdAt: string }> {
  const team = { id: randomUUID(), name, created_at: now.toISOString() };
  try {
    await store.db.insertInto('teams').values(team).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict('E_TEAM_NAME_TAKEN');
    throw error;
  }
  return { id: team.id, name, createdAt: team.created_at };
}

export async function createUser(
  store: PlatformStore,
  input: { username: string; role: Role; teamId: string | null; password?: string | undefined },
  now: Date,
): Promise<PublicUser> {
  if (input.role === 'admin' && input.teamId !== null) throw errors.badRequest('管理员不属于任何工作队');
  if (input.role !== 'admin' && input.teamId === null) throw errors.badRequest('组长和队员必须属于一个工作队');
  if (input.teamId !== null) {
    const team = await store.db.selectFrom('teams').select('id').where('id', '=', input.teamId).executeTakeFirst();
    if (!team) throw errors.notFound('E_TEAM_NOT_FOUND');
  }
  const row = {
    id: randomUUID(),
    username: input.username,
    role: input.role,
    team_id: input.teamId,
    password_hash: input.password ? await hashPassword(input.password) : null,
    disabled: 0,
    created_at: now.toISOString(),
  };
  try {
    await store.db.insertInto('users').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict('E_USERNAME_TAKEN');
    throw error;
  }
  return toPublicUser(row);
}

export async function issueSession(db: Kysely<PlatformDb>, userId: string, now: Date, ttlMs: number): Promise<{ token: string; expiresAt: string }> {
  const token = newToken('session');
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto('tokens')
    .values({ token_hash: sha256Hex(token), kind: 'session', user_id: userId, device_id: null, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null })
    .execute();
  return { token, expiresAt };
}

export interface BootstrapResult {
  username: string;
  password: string;
  token: string;
  expiresAt: string;
  created: boolean;
}

/**
 * The first admin, from the command line (whoever can run it already holds the data).
 * Creates the admin when there is none; for an existing admin of that name, sets a new
 * password (recovery). Refuses to add a second admin this way: admins create users.
 */
export async function bootstrapAdmin(store: PlatformStore, username: string, now: Date, sessionTtlMs: number): Promise<BootstrapResult> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return store.transaction(async (trx) => {
    const existing = await trx.selectFrom('users').select(['id', 'role']).where('username', '=', username).executeTakeFirst();
    let userId: string;
    if (existing) {
      if (existing.role !== 'admin') throw new Error(`用户 ${username} 已存在且不是管理员 / user exists and is not an admin`);
      await trx.updateTable('users').set({ password_hash: passwordHash, disabled: 0 }).where('id', '=', existing.id).execute();
      userId = existing.id;
    } else {
      const admins = await trx.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).execute();
      if (admins.length > 0) throw new Error('已有管理员：请用管理员账号创建用户 / an admin exists: create users through the API');
      userId = randomUUID();
      await trx
        .insertInto('users')
        .values({ id: userId, username, role: 'admin', team_id: null, password_hash: passwordHash, disabled: 0, created_at: now.toISOString() })
        .execute();
    }
    const session = await issueSession(trx, userId, now, sessionTtlMs);
    return { username, password, ...session, created: !existing };
  });
}
