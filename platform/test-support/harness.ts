import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { HlcClock } from '../../shared/sync/hlc';
import type { JsonValue } from '../../shared/sync/json';
import type { ChangeOp, ChangeRecord, ImportSummary, PullPage } from '../../shared/sync/schema';
import type { Limits } from '../context';
import { issueSession } from '../features/accounts/accounts';
import { silentLogger, type Logger } from '../http/log';
import { openPlatform, type Platform } from '../platform';
import type { PlatformDb } from '../store/schema';
import type { StoreConfig } from '../store/store';

export interface Reply {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever came back
  json: any;
  headers: Headers;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as is (e.g. malformed JSON); wins over `body`. */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** A simulated enrolled device: its token, clock and outbox sequence. */
export class SimDevice {
  seq = 0;
  readonly clock: HlcClock;

  constructor(
    readonly deviceId: string,
    readonly token: string,
    readonly userId: string,
    readonly teamId: string | null,
    /** Offset of this device's wall clock from real time, in ms. */
    public clockOffsetMs = 0,
  ) {
    this.clock = new HlcClock(deviceId, () => Date.now() + this.clockOffsetMs);
  }

  change(entity: string, rowId: string, op: ChangeOp, fields: Record<string, JsonValue>, extra: Partial<ChangeRecord> = {}): ChangeRecord {
    this.seq += 1;
    return { changeId: randomUUID(), seq: this.seq, hlc: this.clock.tick(), entity, rowId, op, fields, ...extra };
  }

  /** A company create with the fields the app always sends. */
  company(name: string, extra: Record<string, JsonValue> = {}, rowId: string = randomUUID()): ChangeRecord {
    return this.change('company', rowId, 'create', { name, name_norm: name, ...extra });
  }

  batch(changes: ChangeRecord[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      deviceId: this.deviceId,
      batchId: randomUUID(),
      fromSeq: changes[0]?.seq ?? this.seq + 1,
      toSeq: changes.at(-1)?.seq ?? this.seq,
      schemaVersion: 3,
      changes,
      ...extra,
    };
  }
}

export class TestPlatform {
  adminToken = '';

  private constructor(
    readonly platform: Platform,
    readonly config: StoreConfig,
  ) {}

  static async open(config: StoreConfig, options: { limits?: Partial<Limits>; logger?: Logger; adminToken?: string } = {}): Promise<TestPlatform> {
    const platform = await openPlatform({ store: config, logger: options.logger ?? silentLogger, limits: { perClient: { capacity: 1e9, refillPerSecond: 1e9 }, sensitive: { capacity: 1e9, refillPerSecond: 1e9 }, ...options.limits } });
    const t = new TestPlatform(platform, config);
    if (options.adminToken) {
      // A second instance over the same database.
      t.adminToken = options.adminToken;
      return t;
    }
    // The admin without a password: scrypt is slow on purpose, and bootstrap has its own test.
    const adminId = randomUUID();
    await platform.store.db.insertInto('users').values({ id: adminId, username: 'admin', role: 'admin', team_id: null, password_hash: null, disabled: 0, created_at: new Date().toISOString() }).execute();
    t.adminToken = (await issueSession(platform.store.db, adminId, new Date(), 3_600_000)).token;
    return t;
  }

  get db() {
    return this.platform.store.db;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await this.platform.fetch(new Request(`http://platform.test${path}`, { method, headers, body: body as BodyInit | undefined }));
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, text, json, headers: response.headers };
  }

  async createTeam(name: string): Promise<string> {
    const reply = await this.request('POST', '/api/v1/teams', { token: this.adminToken, body: { name } });
    if (reply.status !== 201) throw new Error(`createTeam: ${reply.status} ${reply.text}`);
    return reply.json.id as string;
  }

  async createUser(username: string, role: 'admin' | 'lead' | 'staff', teamId: string | null, password?: string): Promise<string> {
    const reply = await this.request('POST', '/api/v1/users', { token: this.adminToken, body: { username, role, teamId, password } });
    if (reply.status !== 201) throw new Error(`createUser: ${reply.status} ${reply.text}`);
    return reply.json.id as string;
  }

  async enrollmentCode(userId: string): Promise<string> {
    const reply = await this.request('POST', `/api/v1/users/${userId}/enrollment-codes`, { token: this.adminToken });
    if (reply.status !== 201) throw new Error(`enrollmentCode: ${reply.status} ${reply.text}`);
    return reply.json.code as string;
  }

  async enroll(userId: string, deviceName = '测试笔记本'): Promise<SimDevice> {
    const code = await this.enrollmentCode(userId);
    const reply = await this.request('POST', '/api/v1/devices/enroll', { body: { code, publicKey: newPublicKey(), deviceName } });
    if (reply.status !== 201) throw new Error(`enroll: ${reply.status} ${reply.text}`);
    return new SimDevice(reply.json.deviceId, reply.json.token, reply.json.userId, reply.json.teamId);
  }

  /** Two teams; team A with a lead and two staff devices, team B with one staff device. */
  async fixture() {
    const teamA = await this.createTeam('深圳工作队');
    const teamB = await this.createTeam('广州工作队');
    const leadA = await this.createUser('lead-a', 'lead', teamA);
    const staffA1 = await this.createUser('staff-a1', 'staff', teamA);
    const staffA2 = await this.createUser('staff-a2', 'staff', teamA);
    const staffB = await this.createUser('staff-b', 'staff', teamB);
    return {
      teamA,
      teamB,
      leadA: await this.enroll(leadA),
      a1: await this.enroll(staffA1),
      a2: await this.enroll(staffA2),
      b: await this.enroll(staffB),
    };
  }

  async push(device: SimDevice, changes: ChangeRecord[], extra: Record<string, unknown> = {}): Promise<Reply & { summary: ImportSummary }> {
    const reply = await this.request('POST', '/api/v1/sync/push', { token: device.token, body: device.batch(changes, extra) });
    return { ...reply, summary: reply.json as ImportSummary };
  }

  async pull(token: string, cursor = 0, limit = 1000): Promise<PullPage> {
    const reply = await this.request('GET', `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { token });
    if (reply.status !== 200) throw new Error(`pull: ${reply.status} ${reply.text}`);
    return reply.json as PullPage;
  }

  /** Every change the token may pull, following the cursor to the end. */
  async pullAll(token: string, limit = 1000): Promise<PullPage['changes']> {
    const out: PullPage['changes'] = [];
    let cursor = 0;
    for (;;) {
      const page = await this.pull(token, cursor, limit);
      out.push(...page.changes);
      cursor = page.nextCursor;
      if (!page.hasMore) return out;
    }
  }

  /** A row's merged fields as the platform holds them. */
  async row(entity: string, rowId: string): Promise<Record<string, JsonValue> | null> {
    const fields = await this.db.selectFrom('sync_fields').select(['field', 'value']).where('entity', '=', entity).where('row_id', '=', rowId).execute();
    return fields.length === 0 ? null : Object.fromEntries(fields.map((f) => [f.field, JSON.parse(f.value) as JsonValue]));
  }

  /** Every row of the given tables in a stable order, for "nothing was written" checks. */
  async dump(tables: (keyof PlatformDb)[] = ALL_TABLES): Promise<string> {
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      const rows = await this.db.selectFrom(table).selectAll().execute();
      out[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return JSON.stringify(out);
  }

  close(): Promise<void> {
    return this.platform.close();
  }
}

export const ALL_TABLES: (keyof PlatformDb)[] = ['teams', 'users', 'enrollment_codes', 'devices', 'tokens', 'sync_rows', 'sync_fields', 'change_log', 'field_history', 'sync_conflicts', 'push_batches', 'counters'];
export const SYNC_TABLES: (keyof PlatformDb)[] = ['sync_rows', 'sync_fields', 'change_log', 'field_history', 'sync_conflicts'];

export function newPublicKey(format: 'spki' | 'raw' = 'spki'): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return (format === 'raw' ? der.subarray(12) : der).toString('base64');
}
