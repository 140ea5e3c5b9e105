import { MAX_CLOCK_AHEAD_MS } from './errors';
import { clockAheadMs } from './hlc';
import type { ChangeRecord } from './schema';

/**
 * "A pull or import that would delete more than half of a user's rows stops and asks"
 * (DESIGN §4): a runaway or malicious peer must not empty someone's ledger silently.
 */
export interface MassDeleteCheck {
  /** Live rows the user owns before the changes. */
  liveRows: number;
  /** How many of those the changes would turn into tombstones. */
  deletions: number;
  /** True when the receiver must stop and ask the user before applying. */
  stop: boolean;
}

export interface MassDeleteOptions {
  /** Stop when deletions exceed this share of the live rows (default: half). */
  fraction?: number;
  /** Never stop for fewer deletions than this (default 1: the rule as written). */
  minDeletions?: number;
}

/**
 * Counts the user's live rows that `changes` would leave deleted. For each row the
 * latest-stamped delete or restore in the list decides (a delete undone in the same page
 * is no deletion).
 */
export function checkMassDelete(
  changes: readonly Pick<ChangeRecord, 'entity' | 'rowId' | 'op' | 'hlc'>[],
  /** Whether the row is live, the user's, and would really go: `deleteHlc` beats its local tombstone clock. */
  isLiveOwnedRow: (entity: string, rowId: string, deleteHlc: string) => boolean,
  liveRows: number,
  options: MassDeleteOptions = {},
): MassDeleteCheck {
  const latest = new Map<string, { op: string; hlc: string; entity: string; rowId: string }>();
  for (const change of changes) {
    if (change.op !== 'delete' && change.op !== 'restore') continue;
    const key = `${change.entity}\u0000${change.rowId}`;
    const seen = latest.get(key);
    if (!seen || change.hlc > seen.hlc) latest.set(key, change);
  }
  let deletions = 0;
  for (const last of latest.values()) if (last.op === 'delete' && isLiveOwnedRow(last.entity, last.rowId, last.hlc)) deletions += 1;
  const fraction = options.fraction ?? 0.5;
  const minDeletions = options.minDeletions ?? 1;
  return { liveRows, deletions, stop: deletions >= minDeletions && deletions > liveRows * fraction };
}

/**
 * The furthest any stamp in `hlcs` runs ahead of `nowMs`, when that is more than the
 * limit (a day); null when every stamp is acceptable. Receivers refuse the whole batch or
 * file then: accepting it would let a wrong clock win every later merge.
 */
export function excessiveClockLead(hlcs: Iterable<string>, nowMs: number, maxAheadMs: number = MAX_CLOCK_AHEAD_MS): number | null {
  let worst = 0;
  for (const hlc of hlcs) worst = Math.max(worst, clockAheadMs(hlc, nowMs));
  return worst > maxAheadMs ? worst : null;
}
