import { z } from 'zod';
import { method } from './define';

/** Sync with the provincial platform (docs/sync-protocol.md): status, enrollment, conflicts, "needs attention". */
export interface SyncStatusView {
  enrolled: boolean;
  platformUrl: string | null;
  running: boolean;
  /** Whether the last attempt reached the platform; null before the first attempt. */
  online: boolean | null;
  /** Local changes not yet accepted by the platform. */
  pendingChanges: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** Sync stopped until the user acts (clock skew): the message to show. */
  blocked: string | null;
  /** A pull page waiting for the user's yes: it would delete `deletions` of `liveRows` rows. */
  massDelete: { deletions: number; liveRows: number } | null;
  /** First-sync progress: changes pulled so far and the platform cursor reached. */
  progress: { pulled: number; cursor: number };
  attention: number;
  conflicts: number;
}

export interface SyncNowResult {
  outcome: 'ok' | 'not-enrolled' | 'blocked' | 'offline' | 'failed';
  message: string | null;
  status: SyncStatusView;
}

export interface SyncAttentionItem {
  changeId: string;
  entity: string;
  rowId: string;
  op: string;
  fields: Record<string, unknown>;
  code: string;
  /** The platform's reason, in Chinese. */
  message: string;
  at: string;
}

export interface SyncConflictItem {
  id: number;
  entity: string;
  rowId: string;
  field: string;
  kind: 'text' | 'deleted';
  /** The value the row holds now (for `deleted`: the tombstone). */
  kept: { value: unknown; hlc: string };
  /** The value that lost; also in field history. */
  other: { value: unknown; hlc: string };
  at: string;
}

export const syncContract = {
  'sync.status': method<SyncStatusView>()(z.object({}).strict()),
  'sync.enroll': method<SyncStatusView>()(
    z
      .object({
        platformUrl: z
          .string()
          .trim()
          .min(1, '请填写平台地址')
          .max(500)
          .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), '平台地址应以 http:// 或 https:// 开头'),
        code: z.string().trim().min(1, '请填写注册码').max(40),
      })
      .strict(),
  ),
  'sync.now': method<SyncNowResult>()(z.object({}).strict()),
  'sync.attention': method<{ items: SyncAttentionItem[] }>()(z.object({}).strict()),
  'sync.conflicts': method<{ items: SyncConflictItem[] }>()(z.object({}).strict()),
  'sync.resolveConflict': method<{ items: SyncConflictItem[] }>()(z.object({ id: z.number().int().min(1), choice: z.enum(['kept', 'other']) }).strict()),
  'sync.confirmMassDelete': method<SyncNowResult>()(z.object({}).strict()),
};
