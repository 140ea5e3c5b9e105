import { Tag } from 'antd';
import { STAGE_LABELS, type Stage } from '../../shared/domain/stages';

const STAGE_COLORS: Record<Stage, string> = {
  lead: 'default',
  negotiating: 'processing',
  signed: 'blue',
  started: 'cyan',
  producing: 'green',
  on_hold: 'warning',
  terminated: 'error',
};

export function StageTag({ stage }: { stage: Stage }) {
  return <Tag color={STAGE_COLORS[stage]}>{STAGE_LABELS[stage]}</Tag>;
}
