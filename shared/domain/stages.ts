/**
 * Project stages: the main line 线索 → 在谈 → 签约 → 开工 → 投产, and the side
 * exits 搁置 and 终止. checkStageMove holds the rules for changing stage, so
 * the form, the RPC handler and the importer all refuse the same moves.
 */
import { enumOf, findCode, labelsOf } from './code-list';
import { isIsoDate } from './dates';
import { fail } from './messages.zh';
import { ok, type Result } from './result';
import { quoteForMessage } from './text';

export const STAGES = [
  { code: 'lead', label: '线索' },
  { code: 'negotiating', label: '在谈' },
  { code: 'signed', label: '签约' },
  { code: 'started', label: '开工' },
  { code: 'producing', label: '投产' },
  { code: 'on_hold', label: '搁置' },
  { code: 'terminated', label: '终止' },
] as const;

export const StageSchema = enumOf(STAGES);
export type Stage = (typeof STAGES)[number]['code'];
export const STAGE_LABELS = labelsOf(STAGES);

/** The main line in order; a higher index is further along. */
export const MAIN_STAGES = ['lead', 'negotiating', 'signed', 'started', 'producing'] as const satisfies readonly Stage[];
export const SIDE_STAGES = ['on_hold', 'terminated'] as const satisfies readonly Stage[];

/** Accepts a code ('signed') or a label ('签约'), e.g. from an imported ledger. */
export function parseStage(input: string): Result<Stage, 'E_STAGE_UNKNOWN'> {
  const stage = findCode(STAGES, input);
  return stage ? ok(stage) : fail('E_STAGE_UNKNOWN', quoteForMessage(input.trim()));
}

/**
 * Pass the project's data as it will be after the move (existing values plus
 * what the user just entered), not only the new fields. Dates are YYYY-MM-DD.
 */
export interface StageMove {
  from: Stage;
  to: Stage;
  signedDate?: string | null;
  signedAmountYuan?: number | null;
  /** The actual construction start; a planned date does not satisfy 开工. */
  startDate?: string | null;
  startPlannedDate?: string | null;
  productionDate?: string | null;
  reason?: string | null;
}

export type StageDirection = 'forward' | 'backward' | 'exit' | 'resume';
export interface StageTransition {
  from: Stage;
  to: Stage;
  direction: StageDirection;
}

export type StageMoveErrorCode =
  | 'E_STAGE_UNKNOWN'
  | 'E_STAGE_UNCHANGED'
  | 'E_DATE_INVALID'
  | 'E_STAGE_REOPEN_REQUIRES_REASON'
  | 'E_STAGE_BACKWARD_REQUIRES_REASON'
  | 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT'
  | 'E_STAGE_START_REQUIRES_DATE'
  | 'E_STAGE_PRODUCE_REQUIRES_DATE'
  | 'E_STAGE_DATE_ORDER';

const DATE_FIELDS = [
  ['signedDate', '签约日期'],
  ['startDate', '实际开工日期'],
  ['startPlannedDate', '计划开工日期'],
  ['productionDate', '实际投产日期'],
] as const;

/**
 * Rules: same stage is refused; 搁置/终止 can be entered from anywhere; leaving
 * 终止 and going back on the main line need a reason. Reaching or passing a
 * milestone needs its data: 签约 a date and an amount, 开工 the actual start
 * date, 投产 the production date. Coming back from a side exit, the stage
 * before it is unknown, so every milestone up to the target is required.
 */
export function checkStageMove(move: StageMove): Result<StageTransition, StageMoveErrorCode> {
  const { from, to } = move;
  for (const stage of [from, to]) {
    if (!Object.hasOwn(STAGE_LABELS, stage)) return fail('E_STAGE_UNKNOWN', quoteForMessage(String(stage)));
  }
  if (from === to) return fail('E_STAGE_UNCHANGED', STAGE_LABELS[from]);

  for (const [key, label] of DATE_FIELDS) {
    const value = move[key];
    if (!isBlank(value) && !isIsoDate(value)) return fail('E_DATE_INVALID', label);
  }
  if (from === 'terminated' && isBlank(move.reason)) return fail('E_STAGE_REOPEN_REQUIRES_REASON');

  const fromIndex = mainIndex(from);
  const toIndex = mainIndex(to);
  if (toIndex < 0) return ok({ from, to, direction: 'exit' });
  if (fromIndex > toIndex && isBlank(move.reason)) {
    return fail('E_STAGE_BACKWARD_REQUIRES_REASON', STAGE_LABELS[from], STAGE_LABELS[to]);
  }

  const passes = (stage: Stage) => fromIndex < mainIndex(stage) && mainIndex(stage) <= toIndex;
  if (passes('signed') && (isBlank(move.signedDate) || !isPositiveYuan(move.signedAmountYuan))) {
    return fail('E_STAGE_SIGN_REQUIRES_DATE_AMOUNT');
  }
  if (passes('started') && isBlank(move.startDate)) return fail('E_STAGE_START_REQUIRES_DATE');
  if (passes('producing') && isBlank(move.productionDate)) return fail('E_STAGE_PRODUCE_REQUIRES_DATE');
  const { startDate, productionDate } = move;
  if (isIsoDate(startDate) && isIsoDate(productionDate) && productionDate < startDate) {
    return fail('E_STAGE_DATE_ORDER');
  }

  const direction: StageDirection = fromIndex < 0 ? 'resume' : fromIndex < toIndex ? 'forward' : 'backward';
  return ok({ from, to, direction });
}

function mainIndex(stage: Stage): number {
  return (MAIN_STAGES as readonly Stage[]).indexOf(stage);
}

function isBlank(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}

function isPositiveYuan(value: number | null | undefined): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
