import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { KEY_INDUSTRIES_2018 } from '../../../shared/domain/reference';
import { changeContentHash } from '../../../shared/sync/hash';
import { HlcClock } from '../../../shared/sync/hlc';
import { importChanges } from '../../../shared/sync/import';
import type { JsonValue } from '../../../shared/sync/json';
import type { ChangeRecord } from '../../../shared/sync/schema';
import { ApiError, errors } from '../../http/errors';
import { forUpdate } from '../../store/dialect';
import type { PlatformDb } from '../../store/schema';
import type { PlatformStore } from '../../store/store';
import { flushOverlay } from '../sync/flush';
import { BatchOverlay } from '../sync/overlay';
import { nodeSha256 } from '../sync/push';

/**
 * Reference data (industries, parks) is admin-editable and versioned, and reaches every
 * device through pull as changes of the entity `reference` (row id `<kind>:<code>`),
 * stamped by the platform's own clock and merged by the same engine as everything else.
 * A list is replaced whole; items left out are retired, never deleted, so old records
 * that use a code still show its label.
 */
export const ReferenceKindSchema = z.enum(['industry', 'park']);
export type ReferenceKind = z.infer<typeof ReferenceKindSchema>;

export const ReferenceListSchema = z
  .object({
    /** The new version: exactly one more than the current (0 before the first). */
    version: z.int().min(1),
    items: z
      .array(
        z
          .object({
            code: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,59}$/, '代码为小写字母、数字或 _ . -，最长 60 个字符'),
            label: z.string().trim().min(1).max(100),
            /** A park's division code (GB/T 2260), for example. */
            parentCode: z.string().trim().min(1).max(60).nullable().default(null),
          })
          .strict(),
      )
      .min(1)
      .max(2000),
  })
  .strict()
  .refine((list) => new Set(list.items.map((item) => item.code)).size === list.items.length, { message: '代码不能重复', path: ['items'] });
export type ReferenceList = z.infer<typeof ReferenceListSchema>;

export interface ReferenceItem {
  code: string;
  label: string;
  parentCode: string | null;
  sortOrder: number;
  retired: boolean;
}

type Fields = Record<string, JsonValue>;

async function loadKind(db: Kysely<PlatformDb>, kind: ReferenceKind) {
  const rows = await db
    .selectFrom('sync_fields')
    .select(['row_id', 'field', 'value', 'hlc'])
    .where('entity', '=', 'reference')
    .where('row_id', 'like', `${kind}:%`)
    .execute();
  const items = new Map<string, Fields>();
  let version = 0;
  for (const row of rows) {
    const fields = items.get(row.row_id) ?? {};
    fields[row.field] = JSON.parse(row.value) as JsonValue;
    items.set(row.row_id, fields);
    if (row.field === 'list_version') version = Math.max(version, Number(fields[row.field]));
  }
  return { items, version };
}

export async function readReference(store: PlatformStore, kind: ReferenceKind): Promise<{ kind: ReferenceKind; version: number; items: ReferenceItem[] }> {
  const { items, version } = await loadKind(store.db, kind);
  const list = [...items.values()]
    .map((f) => ({ code: String(f.code), label: String(f.label), parentCode: (f.parent_code as string | null) ?? null, sortOrder: Number(f.sort_order ?? 0), retired: f.retired === true }))
    .sort((a, b) => a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : 1));
  return { kind, version, items: list };
}

/** Replaces a list with a new version; returns how many items changed. */
export async function saveReference(store: PlatformStore, kind: ReferenceKind, list: ReferenceList, now: Date): Promise<{ version: number; changed: number }> {
  return store.transaction(async (trx) => {
    // The log counter is the platform clock's lock: two admins (or two instances seeding) take turns.
    await forUpdate(store.kind, trx.selectFrom('counters').select('value').where('name', '=', 'change_log')).executeTakeFirstOrThrow();
    const { items, version } = await loadKind(trx, kind);
    if (list.version !== version + 1) {
      throw new ApiError('E_REFERENCE_VERSION', 409, `参考数据版本不连续：当前为第 ${version} 版，应提交第 ${version + 1} 版`, { currentVersion: version });
    }
    const last = await trx.selectFrom('sync_fields').select((eb) => eb.fn.max('hlc').as('hlc')).where('entity', '=', 'reference').executeTakeFirst();
    const clock = new HlcClock('platform', () => now.getTime(), last?.hlc ?? null);
    const changes: ChangeRecord[] = [];
    const add = (rowId: string, op: 'create' | 'update', fields: Fields) =>
      changes.push({ changeId: randomUUID(), seq: 1, hlc: clock.tick(), entity: 'reference', rowId, op, fields });

    const listed = new Set<string>();
    list.items.forEach((item, index) => {
      const rowId = `${kind}:${item.code}`;
      listed.add(rowId);
      const wanted: Fields = { kind, code: item.code, label: item.label, parent_code: item.parentCode, sort_order: index, retired: false };
      const current = items.get(rowId);
      if (!current) return add(rowId, 'create', { ...wanted, list_version: list.version });
      const diff = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => JSON.stringify(current[field] ?? null) !== JSON.stringify(value)));
      if (Object.keys(diff).length > 0) add(rowId, 'update', { ...diff, list_version: list.version });
    });
    for (const [rowId, fields] of items) {
      if (!listed.has(rowId) && fields.retired !== true) add(rowId, 'update', { retired: true, list_version: list.version });
    }
    if (changes.length === 0) return { version, changed: 0 };

    const overlay = await BatchOverlay.load(trx, store.kind, changes, { teamId: null, allowPlatformEntities: true });
    const result = importChanges(overlay, changes, { hash: (change) => changeContentHash(change, nodeSha256), check: overlay.check });
    if (result.errors.length > 0) throw errors.badRequest(result.errors[0]!.message);
    await flushOverlay(trx, overlay, { deviceId: null, now });
    return { version: list.version, changed: changes.length };
  });
}

/** A new platform starts with the 2018 list of key industries as version 1; a second instance finds it there. */
export async function seedReference(store: PlatformStore, now: Date): Promise<void> {
  const list: ReferenceList = { version: 1, items: KEY_INDUSTRIES_2018.items.map((item) => ({ code: item.code, label: item.label, parentCode: null })) };
  try {
    await saveReference(store, 'industry', list, now);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'E_REFERENCE_VERSION')) throw error;
  }
}
