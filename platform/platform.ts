import type { Hono } from 'hono';
import { DEFAULT_LIMITS, type Limits, type PlatformDeps, type PlatformEnv } from './context';
import { seedReference } from './features/reference/reference';
import { jsonLogger, type Logger } from './http/log';
import { RateLimiter } from './http/rate-limit';
import { createApp } from './server';
import { openStore, type PlatformStore, type StoreConfig } from './store/store';

export interface PlatformOptions {
  store: StoreConfig;
  logger?: Logger;
  now?: () => Date;
  limits?: Partial<Limits>;
  trustProxy?: boolean;
}

export interface Platform {
  app: Hono<PlatformEnv>;
  fetch: (request: Request) => Promise<Response>;
  store: PlatformStore;
  deps: PlatformDeps;
  close(): Promise<void>;
}

/** Opens (and migrates) the store, seeds reference data on a fresh platform, and builds the app. */
export async function openPlatform(options: PlatformOptions): Promise<Platform> {
  const store = await openStore(options.store);
  const now = options.now ?? (() => new Date());
  const deps: PlatformDeps = {
    store,
    logger: options.logger ?? jsonLogger(),
    now,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    rateLimiter: new RateLimiter(() => now().getTime()),
    trustProxy: options.trustProxy ?? false,
  };
  try {
    await seedReference(store, now());
  } catch (error) {
    await store.close();
    throw error;
  }
  const app = createApp(deps);
  return { app, fetch: async (request) => app.fetch(request), store, deps, close: () => store.close() };
}
