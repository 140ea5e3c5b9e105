import type { ParsedInputOf } from '../../../shared/contract';
import { checkStageMove, type Stage, type StageMoveErrorCode } from '../../../shared/domain/stages';
import { AppError, type ErrorDetail } from '../../../shared/errors';
import type { Db } from '../../sql';
import type { RowValues } from '../../store/entities';
import { createRow, updateRow, type Actor } from '../../store/writer';
import { localIsoDate } from '../common/dates';
import { requireLive } from '../common/records';
import type { ProjectRow } from './mapping';

type MoveInput = ParsedInputOf<'projects.moveStage'>;

/**
 * Moves a project to another stage in the caller's transaction: the milestone data the
 * user entered is merged over what the project already has, `checkStageMove` judges the
 * result, then the project and a stage event are written together.
 */
export function moveStage(db: Db, actor: Actor, input: MoveInput, today: Date): void {
  const current = requireLive(db, 'project', input.id, '项目不存在或已删除') as unknown as ProjectRow;
  const after = {
    signedDate: input.signedDate ?? current.signed_date,
    signedAmountYuan: input.signedAmount ?? current.signed_amount_yuan,
    startDate: input.startDate ?? current.start_date,
    startPlannedDate: current.start_planned_date,
    productionDate: input.productionDate ?? current.production_date,
  };
  const from = current.stage as Stage;
  const result = checkStageMove({ from, to: input.to, ...after, reason: input.reason });
  if (!result.ok) throw new AppError(result.code, result.message, stageDetails(result.code, result.message, after));

  const milestones: RowValues<'project'> = {
    stage: input.to,
    signed_date: after.signedDate,
    signed_amount_yuan: after.signedAmountYuan,
    start_date: after.startDate,
    production_date: after.productionDate,
  };
  updateRow(db, actor, 'project', input.id, milestones);
  createRow(db, actor, 'project_stage_event', {
    project_id: input.id,
    from_stage: from,
    to_stage: input.to,
    moved_on: input.movedOn ?? localIsoDate(today),
    reason: input.reason,
  });
}

/** Names the input field a refusal is about, so the form can show it beside that field. */
function stageDetails(code: StageMoveErrorCode, message: string, after: { signedDate: string | null; signedAmountYuan: number | null }): ErrorDetail[] {
  const at = (...paths: string[]) => paths.map((path) => ({ path, code, message }));
  switch (code) {
    case 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT': {
      const missing = [...(after.signedDate ? [] : ['signedDate']), ...(after.signedAmountYuan && after.signedAmountYuan > 0 ? [] : ['signedAmount'])];
      return at(...missing);
    }
    case 'E_STAGE_START_REQUIRES_DATE':
      return at('startDate');
    case 'E_STAGE_PRODUCE_REQUIRES_DATE':
    case 'E_STAGE_DATE_ORDER':
      return at('productionDate');
    case 'E_STAGE_BACKWARD_REQUIRES_REASON':
    case 'E_STAGE_REOPEN_REQUIRES_REASON':
      return at('reason');
    case 'E_STAGE_UNCHANGED':
    case 'E_STAGE_UNKNOWN':
      return at('to');
    case 'E_DATE_INVALID':
      return at('');
  }
}
