import { Hono } from 'hono';
import { z } from 'zod';
import type { PlatformDeps, PlatformEnv } from '../../context';
import { authenticate, chargeSensitive, requireRole } from '../../http/auth';
import { readBody } from '../../http/body';
import { ApiError } from '../../http/errors';
import { createTeam, createUser, issueSession, toPublicUser } from './accounts';
import { verifyPassword } from './passwords';

export const UsernameSchema = z.string().trim().regex(/^[A-Za-z0-9_.-]{2,40}$/, '用户名为 2–40 个字母、数字或 _ . -');
export const LoginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict();
export const CreateTeamSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const CreateUserSchema = z
  .object({
    username: UsernameSchema,
    role: z.enum(['admin', 'lead', 'staff']),
    teamId: z.string().min(1).max(100).nullable().default(null),
    password: z.string().min(12, '密码至少 12 个字符').max(200).optional(),
  })
  .strict();

/** Sign-in, the caller's own identity, and the admin's teams and users. */
export function accountRoutes(deps: PlatformDeps): Hono<PlatformEnv> {
  const app = new Hono<PlatformEnv>();

  app.post('/auth/login', async (c) => {
    chargeSensitive(c, deps);
    const input = await readBody(c.req.raw, LoginSchema, deps.limits.maxBodyBytes);
    const user = await deps.store.db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
    const ok = await verifyPassword(input.password, user?.password_hash ?? null);
    if (!user || !ok || user.disabled === 1) throw new ApiError('E_LOGIN_FAILED', 401);
    const session = await issueSession(deps.store.db, user.id, deps.now(), deps.limits.sessionTtlMs);
    deps.logger.info('login', { userId: user.id, role: user.role });
    return c.json({ ...session, user: toPublicUser(user) });
  });

  app.post('/auth/logout', async (c) => {
    const principal = await authenticate(c, deps);
    await deps.store.db.updateTable('tokens').set({ revoked_at: deps.now().toISOString() }).where('token_hash', '=', principal.tokenHash).execute();
    return c.body(null, 204);
  });

  app.get('/me', async (c) => {
    const principal = await authenticate(c, deps);
    const user = await deps.store.db.selectFrom('users').selectAll().where('id', '=', principal.userId).executeTakeFirstOrThrow();
    return c.json({ user: toPublicUser(user), deviceId: principal.deviceId, tokenKind: principal.kind });
  });

  app.get('/teams', async (c) => {
    const principal = await authenticate(c, deps);
    let query = deps.store.db.selectFrom('teams').select(['id', 'name', 'created_at as createdAt']).orderBy('name');
    if (principal.role !== 'admin') query = query.where('id', '=', principal.teamId ?? '');
    return c.json({ teams: await query.execute() });
  });

  app.post('/teams', async (c) => {
    requireRole(await authenticate(c, deps), 'admin');
    const input = await readBody(c.req.raw, CreateTeamSchema, deps.limits.maxBodyBytes);
    return c.json(await createTeam(deps.store, input.name, deps.now()), 201);
  });

  app.get('/users', async (c) => {
    const principal = await authenticate(c, deps);
    requireRole(principal, 'admin', 'lead');
    let query = deps.store.db.selectFrom('users').selectAll().orderBy('username');
    // A lead sees the members of their own team.
    if (principal.role === 'lead') query = query.where('team_id', '=', principal.teamId ?? '');
    return c.json({ users: (await query.execute()).map(toPublicUser) });
  });

  app.post('/users', async (c) => {
    requireRole(await authenticate(c, deps), 'admin');
    const input = await readBody(c.req.raw, CreateUserSchema, deps.limits.maxBodyBytes);
    return c.json(await createUser(deps.store, input, deps.now()), 201);
  });

  return app;
}

