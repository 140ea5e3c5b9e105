import type { ProjectRecord } from '../../../shared/contract';
import { formatYuan } from '../../../shared/domain/money';
import { MAIN_STAGES, type Stage } from '../../../shared/domain/stages';
import type { RpcError } from '../../../shared/rpc-client';
import { todayIso } from '../../lib/dates';

/** What a move asks for, mirroring checkStageMove in shared/domain/stages. */
export interface MoveNeeds {
  signed: boolean;
  started: boolean;
  producing: boolean;
  reason: 'required' | 'optional';
}

const mainIndex = (stage: Stage): number => (MAIN_STAGES as readonly Stage[]).indexOf(stage);

export function needsFor(from: Stage, to: Stage): MoveNeeds {
  const fromIndex = mainIndex(from);
  const toIndex = mainIndex(to);
  // Back from a side exit the earlier stage is unknown: every milestone up to the target counts.
  const passes = (stage: Stage): boolean => fromIndex < mainIndex(stage) && mainIndex(stage) <= toIndex;
  const backward = fromIndex >= 0 && toIndex >= 0 && fromIndex > toIndex;
  return {
    signed: passes('signed'),
    started: passes('started'),
    producing: passes('producing'),
    reason: backward || from === 'terminated' ? 'required' : 'optional',
  };
}

export interface MoveValues {
  movedOn?: string | null;
  signedDate?: string | null;
  signedAmount?: string;
  startDate?: string | null;
  productionDate?: string | null;
  reason?: string;
}

/** Prefilled from what the project already has, so a move only asks for what is missing. */
export function initialMoveValues(project: ProjectRecord): MoveValues {
  return {
    movedOn: todayIso(),
    signedDate: project.signedDate,
    signedAmount: project.signedAmountYuan != null ? formatYuan(project.signedAmountYuan, '亿元') : undefined,
    startDate: project.startDate,
    productionDate: project.productionDate,
  };
}

/** Where a refusal without a field path belongs. */
export function stageErrorFields(values: () => MoveValues) {
  return {
    E_STAGE_SIGN_REQUIRES_DATE_AMOUNT: (_error: RpcError) => {
      const { signedDate, signedAmount } = values();
      const blank = [!signedDate && 'signedDate', !signedAmount?.trim() && 'signedAmount'].filter((field): field is string => Boolean(field));
      return blank.length > 0 ? blank : ['signedAmount'];
    },
    E_STAGE_START_REQUIRES_DATE: 'startDate',
    E_STAGE_PRODUCE_REQUIRES_DATE: 'productionDate',
    E_STAGE_DATE_ORDER: 'productionDate',
    E_STAGE_BACKWARD_REQUIRES_REASON: 'reason',
    E_STAGE_REOPEN_REQUIRES_REASON: 'reason',
  };
}
