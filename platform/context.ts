import type { Logger } from './http/log';
import type { BucketSpec, RateLimiter } from './http/rate-limit';
import type { Role } from './store/schema';
import type { PlatformStore } from './store/store';

/** The limits one instance enforces; tests shrink them. */
export interface Limits {
  /** Largest push body (DESIGN §4: about 1 MB a batch). */
  maxPushBytes: number;
  /** Largest body of any other request. */
  maxBodyBytes: number;
  /** Requests per token (or per client address when there is no token). */
  perClient: BucketSpec;
  /** Logins, enrollments and failed authentications per client address. */
  sensitive: BucketSpec;
  sessionTtlMs: number;
  enrollmentTtlMs: number;
  maxClockAheadMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPushBytes: 1024 * 1024,
  maxBodyBytes: 64 * 1024,
  perClient: { capacity: 120, refillPerSecond: 20 },
  sensitive: { capacity: 20, refillPerSecond: 1 / 3 },
  sessionTtlMs: 12 * 60 * 60 * 1000,
  enrollmentTtlMs: 7 * 24 * 60 * 60 * 1000,
  maxClockAheadMs: 24 * 60 * 60 * 1000,
};

export interface PlatformDeps {
  store: PlatformStore;
  logger: Logger;
  now: () => Date;
  limits: Limits;
  rateLimiter: RateLimiter;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
}

/** Who is calling: resolved from the bearer token on every request that needs one. */
export interface Principal {
  kind: 'device' | 'session';
  userId: string;
  role: Role;
  teamId: string | null;
  deviceId: string | null;
  tokenHash: string;
}

export interface PlatformEnv {
  Variables: {
    requestId: string;
    clientAddress: string;
    principal: Principal | undefined;
  };
}
