import { z } from 'zod';
import { syncMessage } from './errors';
import { applyChange, type MergeDecision, type MergeStore } from './merge';
import { ChangeRecordSchema, type ChangeError, type ChangeRecord, type ImportStats, type ImportSummary, type SyncConflict } from './schema';
import { validateChange, type ChangeIssue } from './validate';

const chinese = z.locales.zhCN().localeError;

/** A merge store that also remembers which changes it has merged, by id and content hash. */
export interface ImportStore extends MergeStore {
  /** The content hash recorded for a change id already merged here, or null. */
  knownChange(changeId: string): string | null;
  /** Records a merged change (not duplicates, not errors). */
  rememberChange(change: ChangeRecord, hash: string, decision: MergeDecision): void;
}

export interface ImportOptions {
  /** Content hash of a change (`changeContentHash` with the host's SHA-256). */
  hash: (change: ChangeRecord) => string;
  /** Receiver-specific checks run after validation, before the merge: the platform's team scope and references. */
  check?: (change: ChangeRecord) => ChangeIssue | null;
  /** Called after each merge, e.g. to advance the receiver's clock. */
  onMerged?: (change: ChangeRecord, decision: MergeDecision) => void;
}

export interface ImportResult {
  stats: ImportStats;
  conflicts: SyncConflict[];
  errors: ChangeError[];
}

export function emptyStats(): ImportStats {
  return { created: 0, updated: 0, deleted: 0, ignored: 0, conflicts: 0, errors: 0, total: 0 };
}

/**
 * Runs a list of changes through the merge engine, one at a time, in order. One bad
 * change never stops the rest: it is reported in `errors` and the next one goes on.
 * A change id seen before with the same content is a duplicate (ignored); with other
 * content it is an error. The same driver serves the platform, the app's pull and the
 * team lead's file import.
 */
export function importChanges(store: ImportStore, items: readonly unknown[], options: ImportOptions, into: ImportResult = newResult()): ImportResult {
  const { stats, conflicts, errors } = into;
  for (const item of items) {
    stats.total += 1;
    const parsed = ChangeRecordSchema.safeParse(item, { error: chinese });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
      report(errors, stats, changeIdOf(item), { code: 'E_SYNC_INVALID_CHANGE', message: `${syncMessage('E_SYNC_INVALID_CHANGE')}：${where}${first?.message ?? ''}` });
      continue;
    }
    const change = parsed.data;
    const problem = validateChange(change);
    if (problem) {
      report(errors, stats, change.changeId, problem);
      continue;
    }
    const hash = options.hash(change);
    const known = store.knownChange(change.changeId);
    if (known !== null) {
      if (known === hash) stats.ignored += 1;
      else report(errors, stats, change.changeId, { code: 'E_SYNC_CHANGE_ALTERED', message: syncMessage('E_SYNC_CHANGE_ALTERED') });
      continue;
    }
    const refused = options.check?.(change);
    if (refused) {
      report(errors, stats, change.changeId, refused);
      continue;
    }
    const decision = applyChange(store, change);
    store.rememberChange(change, hash, decision);
    options.onMerged?.(change, decision);
    count(stats, decision);
    conflicts.push(...decision.conflicts);
  }
  return into;
}

export function newResult(): ImportResult {
  return { stats: emptyStats(), conflicts: [], errors: [] };
}

function count(stats: ImportStats, decision: MergeDecision): void {
  stats.conflicts += decision.conflicts.length;
  switch (decision.outcome) {
    case 'created':
      stats.created += 1;
      break;
    case 'deleted':
      stats.deleted += 1;
      break;
    case 'updated':
    case 'restored':
      stats.updated += 1;
      break;
    case 'ignored':
      stats.ignored += 1;
      break;
  }
}

function report(errors: ChangeError[], stats: ImportStats, changeId: string, problem: ChangeIssue): void {
  stats.errors += 1;
  errors.push({ changeId, code: problem.code, message: problem.message });
}

function changeIdOf(item: unknown): string {
  const id = typeof item === 'object' && item !== null ? (item as { changeId?: unknown }).changeId : undefined;
  return typeof id === 'string' ? id.slice(0, 100) : '';
}

/** DHIS2's status: ERROR when nothing could be taken, WARNING when something needs a person's eye. */
export function summaryStatus(stats: ImportStats): ImportSummary['status'] {
  if (stats.errors > 0 && stats.errors === stats.total) return 'ERROR';
  return stats.errors > 0 || stats.conflicts > 0 ? 'WARNING' : 'OK';
}

export function buildSummary(input: { batchId: string; result: ImportResult; lastAppliedSeq: number; serverTime: string }): ImportSummary {
  const { stats, conflicts, errors } = input.result;
  return {
    status: summaryStatus(stats),
    batchId: input.batchId,
    stats: { ...stats },
    conflicts,
    errors,
    lastAppliedSeq: input.lastAppliedSeq,
    serverTime: input.serverTime,
  };
}
