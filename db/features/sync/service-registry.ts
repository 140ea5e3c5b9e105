import path from 'node:path';
import type { Db } from '../../sql';
import { SyncService } from '../../sync/service';
import { fileTokenStore, type SyncTokenStore } from '../../sync/token-store';
import type { HandlerContext } from '../../rpc/types';

const services = new WeakMap<Db, SyncService>();
const tokenStores = new WeakMap<Db, SyncTokenStore>();

/** Lets a host (Electron: safeStorage) or a test supply the token store before the first sync call. */
export function setSyncTokenStore(db: Db, tokens: SyncTokenStore): void {
  tokenStores.set(db, tokens);
}

/** The backend's one sync service for this database, started on first use (or by `startSync` at boot). */
export function syncServiceFor(ctx: Pick<HandlerContext, 'db' | 'deviceId' | 'actor' | 'schemaVersion'>, options: { fetch?: typeof fetch; timers?: boolean } = {}): SyncService {
  let service = services.get(ctx.db);
  if (!service) {
    const tokens = tokenStores.get(ctx.db) ?? fileTokenStore(path.dirname(ctx.db.name));
    service = new SyncService({ db: ctx.db, deviceId: ctx.deviceId, clock: ctx.actor.clock, schemaVersion: ctx.schemaVersion, tokens, ...options });
    services.set(ctx.db, service);
  }
  return service;
}

/** For backend.ts: start timers at boot and sync once if enrolled; returns the stop function for close(). */
export function startSync(ctx: Pick<HandlerContext, 'db' | 'deviceId' | 'actor' | 'schemaVersion'>): () => void {
  const service = syncServiceFor(ctx);
  if (service.status().enrolled) void service.now().catch(() => undefined);
  return () => {
    service.close();
    services.delete(ctx.db);
  };
}
