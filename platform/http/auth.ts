import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { PlatformDeps, PlatformEnv, Principal } from '../context';
import type { Role } from '../store/schema';
import { errors } from './errors';

/** SHA-256 hex of a secret (token or enrollment code): only hashes are stored. */
export function sha256Hex(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A bearer token: 32 random bytes, with a prefix saying what it is (device or session), so leaked tokens are recognisable. */
export function newToken(kind: 'device' | 'session'): string {
  return `${kind === 'device' ? 'qzd' : 'qzs'}_${randomBytes(32).toString('base64url')}`;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

/** Resolves the bearer token to its user (and device); null for a missing, unknown, expired or revoked token. */
export async function resolvePrincipal(deps: PlatformDeps, header: string | undefined): Promise<Principal | null> {
  const match = BEARER.exec(header ?? '');
  if (!match) return null;
  const tokenHash = sha256Hex(match[1]!);
  const now = deps.now().toISOString();
  const row = await deps.store.db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .leftJoin('devices', 'devices.id', 'tokens.device_id')
    .select(['tokens.kind', 'tokens.user_id', 'tokens.device_id', 'tokens.expires_at', 'users.role', 'users.team_id', 'devices.revoked_at as device_revoked_at'])
    .where('tokens.token_hash', '=', tokenHash)
    .where('tokens.revoked_at', 'is', null)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at !== null && row.expires_at <= now) return null;
  if (row.device_id !== null && row.device_revoked_at !== null) return null;
  return { kind: row.kind, userId: row.user_id, role: row.role, teamId: row.team_id, deviceId: row.device_id, tokenHash };
}

/** The caller, or 401. Failed attempts are charged to the client address's strict bucket. */
export async function authenticate(c: Context<PlatformEnv>, deps: PlatformDeps): Promise<Principal> {
  const known = c.get('principal');
  if (known) return known;
  const principal = await resolvePrincipal(deps, c.req.header('authorization'));
  if (!principal) {
    chargeSensitive(c, deps);
    throw errors.unauthorized();
  }
  c.set('principal', principal);
  return principal;
}

export function requireRole(principal: Principal, ...roles: Role[]): void {
  if (!roles.includes(principal.role)) throw errors.forbidden();
}

/** Logins, enrollments and failed authentications share a small per-address bucket. */
export function chargeSensitive(c: Context<PlatformEnv>, deps: PlatformDeps): void {
  const wait = deps.rateLimiter.take(`sensitive:${c.get('clientAddress')}`, deps.limits.sensitive);
  if (wait > 0) throw errors.rateLimited(wait);
}
