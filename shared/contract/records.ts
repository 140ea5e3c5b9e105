import { z } from 'zod';
import { method } from './define';
import { rowId } from './fields';

/** The record kinds a user can delete (softly) and restore. */
export const DELETABLE = ['company', 'contact', 'visit', 'project', 'funds_entry', 'task'] as const;
export type DeletableKind = (typeof DELETABLE)[number];

export interface HistoryEntry {
  entity: string;
  rowId: string;
  field: string;
  /** JSON-decoded values; null when the field was empty. */
  oldValue: unknown;
  newValue: unknown;
  changedAt: string;
  deviceId: string;
  userId: string | null;
  /** local | sync | import | merge … */
  source: string;
}

export const recordsContract = {
  /** Soft delete: the row is hidden, kept, synced as a tombstone, and can be restored. */
  'records.delete': method<{ changed: boolean }>()(z.object({ kind: z.enum(DELETABLE), id: rowId }).strict()),
  'records.restore': method<{ changed: boolean }>()(z.object({ kind: z.enum(DELETABLE), id: rowId }).strict()),
  'records.history': method<HistoryEntry[]>()(z.object({ id: rowId, limit: z.number().int().min(1).max(500).default(100) }).strict()),
};
