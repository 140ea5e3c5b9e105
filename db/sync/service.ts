import type { HlcClock } from '../../shared/sync/hlc';
import type { Db } from '../sql';
import { onOutboxAppend } from '../store/writer';
import { statement } from '../store/statements';
import { SyncClient, SyncHttpError, SyncOfflineError, type SyncClientOptions, type SyncOutcome } from './client';
import { ensureSyncSchema, getMeta, getNumber } from './state';
import type { SyncTokenStore } from './token-store';

export interface SyncServiceOptions extends Omit<SyncClientOptions, 'credentials'> {
  tokens: SyncTokenStore;
  /** Sync this long after the last local change (debounce). */
  debounceMs?: number;
  /** Periodic sync. */
  intervalMs?: number;
  /** First retry after a network failure; doubles up to `intervalMs`. */
  retryMs?: number;
  /** Timers off (tests drive `now()` themselves). */
  timers?: boolean;
}

export interface SyncStatus {
  enrolled: boolean;
  platformUrl: string | null;
  running: boolean;
  online: boolean | null;
  pendingChanges: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  blocked: string | null;
  massDelete: { cursor: number; deletions: number; liveRows: number } | null;
  progress: { pulled: number; cursor: number };
  attention: number;
  conflicts: number;
}

/**
 * One sync at a time per backend process (a promise mutex), run on demand, after local
 * changes (debounced: the writer signals), on a timer and — after a network failure —
 * on a retry timer with growing delays until the platform answers again.
 */
export class SyncService {
  readonly client: SyncClient;
  private running: Promise<SyncOutcome> | null = null;
  private again = false;
  private online: boolean | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private interval: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: SyncServiceOptions) {
    ensureSyncSchema(options.db);
    this.client = new SyncClient({ ...options, credentials: () => options.tokens.load() });
    this.retryDelay = options.retryMs ?? 5_000;
    const timers = options.timers ?? true;
    this.unsubscribe = timers ? onOutboxAppend(options.db, () => this.scheduleSoon()) : () => undefined;
    if (timers) {
      this.interval = setInterval(() => void this.now().catch(() => undefined), options.intervalMs ?? 5 * 60_000);
      this.interval.unref();
    }
  }

  get tokens(): SyncTokenStore {
    return this.options.tokens;
  }

  get db(): Db {
    return this.options.db;
  }

  get clock(): HlcClock {
    return this.options.clock;
  }

  /** Runs a sync now; a call during a sync waits for it and then runs one more. */
  async now(): Promise<SyncOutcome> {
    if (this.running) {
      this.again = true;
      return this.running.then(() => this.now());
    }
    this.again = false;
    this.running = this.runOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(): Promise<SyncOutcome> {
    try {
      const outcome = await this.client.sync();
      if (outcome.kind === 'ok') {
        this.online = true;
        this.retryDelay = this.options.retryMs ?? 5_000;
      }
      return outcome;
    } catch (error) {
      if (error instanceof SyncOfflineError || (error instanceof SyncHttpError && error.status >= 500)) {
        this.online = false;
        this.scheduleRetry();
      }
      throw error;
    }
  }

  private scheduleSoon(): void {
    if (!this.options.tokens.load()) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.now().catch(() => undefined), this.options.debounceMs ?? 3_000);
    this.debounce.unref();
  }

  private scheduleRetry(): void {
    if ((this.options.timers ?? true) === false || this.retry) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.options.intervalMs ?? 5 * 60_000);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.now().catch(() => undefined);
    }, delay);
    this.retry.unref();
  }

  status(): SyncStatus {
    const { db } = this.options;
    const credentials = safeLoad(this.options.tokens);
    const acked = getNumber(db, 'sync_acked_seq');
    const massDelete = getMeta(db, 'sync_mass_delete');
    return {
      enrolled: credentials !== null,
      platformUrl: credentials?.platformUrl ?? getMeta(db, 'sync_platform_url'),
      running: this.running !== null,
      online: this.online,
      pendingChanges: statement(db, 'SELECT count(*) FROM outbox WHERE seq > ?').pluck().get(acked) as number,
      lastSuccessAt: getMeta(db, 'sync_last_ok'),
      lastError: getMeta(db, 'sync_last_error'),
      blocked: getMeta(db, 'sync_blocked'),
      massDelete: massDelete ? (JSON.parse(massDelete) as SyncStatus['massDelete']) : null,
      progress: this.client.progress,
      attention: statement(db, 'SELECT count(*) FROM sync_attention').pluck().get() as number,
      conflicts: statement(db, 'SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL').pluck().get() as number,
    };
  }

  close(): void {
    this.unsubscribe();
    for (const timer of [this.debounce, this.interval, this.retry]) if (timer) clearTimeout(timer);
  }
}

function safeLoad(tokens: SyncTokenStore) {
  try {
    return tokens.load();
  } catch {
    return null;
  }
}
