import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { SyncIdSchema } from '../../../shared/sync/schema';
import type { PlatformDeps, PlatformEnv } from '../../context';
import { authenticate, chargeSensitive, newToken, requireRole, sha256Hex } from '../../http/auth';
import { readBody } from '../../http/body';
import { ApiError, errors } from '../../http/errors';
import { newEnrollmentCode, normaliseEnrollmentCode, parseEd25519PublicKey } from './keys';

export const EnrollSchema = z
  .object({
    code: z.string().min(1).max(40),
    publicKey: z.string().min(1).max(4000),
    deviceName: z.string().trim().min(1).max(100),
    /** The device's own id, made on first run (it is also the node of its clocks). Optional: the platform makes one. */
    deviceId: SyncIdSchema.optional(),
  })
  .strict();

const DEVICE_COLUMNS = ['devices.id', 'devices.user_id as userId', 'devices.name', 'devices.public_key as publicKey', 'devices.created_at as createdAt', 'devices.revoked_at as revokedAt', 'devices.last_seq as lastSeq', 'devices.last_seen_at as lastSeenAt', 'users.team_id as teamId'] as const;

/** Enrollment codes, device enrollment, and the admin's device list and revocation. */
export function deviceRoutes(deps: PlatformDeps): Hono<PlatformEnv> {
  const app = new Hono<PlatformEnv>();

  app.post('/users/:userId/enrollment-codes', async (c) => {
    const principal = await authenticate(c, deps);
    requireRole(principal, 'admin');
    const user = await deps.store.db.selectFrom('users').select(['id', 'disabled']).where('id', '=', c.req.param('userId')).executeTakeFirst();
    if (!user || user.disabled === 1) throw errors.notFound('E_USER_NOT_FOUND');
    const code = newEnrollmentCode();
    const now = deps.now();
    const expiresAt = new Date(now.getTime() + deps.limits.enrollmentTtlMs).toISOString();
    await deps.store.db
      .insertInto('enrollment_codes')
      .values({ code_hash: sha256Hex(normaliseEnrollmentCode(code)), user_id: user.id, created_by: principal.userId, created_at: now.toISOString(), expires_at: expiresAt, used_at: null, device_id: null })
      .execute();
    deps.logger.info('enrollment code issued', { userId: user.id, by: principal.userId });
    return c.json({ code, userId: user.id, expiresAt }, 201);
  });

  app.post('/devices/enroll', async (c) => {
    chargeSensitive(c, deps);
    const input = await readBody(c.req.raw, EnrollSchema, deps.limits.maxBodyBytes);
    const publicKey = parseEd25519PublicKey(input.publicKey);
    if (!publicKey) throw new ApiError('E_PUBLIC_KEY_INVALID', 400);
    const codeHash = sha256Hex(normaliseEnrollmentCode(input.code));
    const token = newToken('device');
    const now = deps.now().toISOString();
    const result = await deps.store.transaction(async (trx) => {
      const deviceId = input.deviceId ?? randomUUID();
      if (await trx.selectFrom('devices').select('id').where('id', '=', deviceId).executeTakeFirst()) throw errors.conflict('E_DEVICE_EXISTS');
      // Single use without any in-process lock: only one transaction can flip used_at from null.
      const claimed = await trx
        .updateTable('enrollment_codes')
        .set({ used_at: now, device_id: deviceId })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw new ApiError('E_ENROLL_CODE_INVALID', 400);
      const user = await trx
        .selectFrom('enrollment_codes')
        .innerJoin('users', 'users.id', 'enrollment_codes.user_id')
        .select(['users.id', 'users.role', 'users.team_id', 'users.disabled'])
        .where('enrollment_codes.code_hash', '=', codeHash)
        .executeTakeFirstOrThrow();
      if (user.disabled === 1) throw new ApiError('E_ENROLL_CODE_INVALID', 400);
      await trx
        .insertInto('devices')
        .values({ id: deviceId, user_id: user.id, name: input.deviceName, public_key: publicKey, created_at: now, revoked_at: null, last_seq: 0, schema_version: null, last_seen_at: null })
        .execute();
      await trx
        .insertInto('tokens')
        .values({ token_hash: sha256Hex(token), kind: 'device', user_id: user.id, device_id: deviceId, created_at: now, expires_at: null, revoked_at: null })
        .execute();
      return { deviceId, userId: user.id, role: user.role, teamId: user.team_id };
    });
    deps.logger.info('device enrolled', { deviceId: result.deviceId, userId: result.userId });
    return c.json({ ...result, token }, 201);
  });

  app.get('/devices', async (c) => {
    const principal = await authenticate(c, deps);
    requireRole(principal, 'admin', 'lead');
    let query = deps.store.db.selectFrom('devices').innerJoin('users', 'users.id', 'devices.user_id').select(DEVICE_COLUMNS).orderBy('devices.created_at');
    // A lead sees their team's devices (and their public keys, to verify members' weekly files).
    if (principal.role === 'lead') query = query.where('users.team_id', '=', principal.teamId ?? '');
    return c.json({ devices: await query.execute() });
  });

  app.post('/devices/:deviceId/revoke', async (c) => {
    const principal = await authenticate(c, deps);
    requireRole(principal, 'admin');
    const deviceId = c.req.param('deviceId');
    const now = deps.now().toISOString();
    const found = await deps.store.transaction(async (trx) => {
      const updated = await trx.updateTable('devices').set({ revoked_at: now }).where('id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst();
      await trx.updateTable('tokens').set({ revoked_at: now }).where('device_id', '=', deviceId).where('revoked_at', 'is', null).execute();
      return Number(updated.numUpdatedRows) === 1 || (await trx.selectFrom('devices').select('id').where('id', '=', deviceId).executeTakeFirst()) !== undefined;
    });
    if (!found) throw errors.notFound();
    deps.logger.info('device revoked', { deviceId, by: principal.userId });
    return c.json({ deviceId, revokedAt: now });
  });

  return app;
}
