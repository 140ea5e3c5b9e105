import type { HistoryEntry } from '../../shared/contract';
import { formatYuanAuto } from '../../shared/domain/money';
import { COMPANY_SCALE_LABELS, INTENT_LEVEL_LABELS, VISIT_KIND_LABELS } from '../../shared/domain/reference';
import { STAGE_LABELS } from '../../shared/domain/stages';
import { t } from './i18n';

/** Stored fields a person has no use for in 修改记录 (keys, ownership stamps, record links). */
const HIDDEN = new Set(['name_norm', 'owner_user_id', 'team_id', 'company_id', 'project_id', 'visit_id']);

export function isShownField(entry: HistoryEntry): boolean {
  return !HIDDEN.has(entry.field);
}

/** The Chinese name of a stored field, e.g. company.credit_code → 统一社会信用代码. */
export function fieldLabel(entity: string, field: string): string {
  return t.fieldLabels[entity]?.[field] ?? t.fieldLabels.common?.[field] ?? field;
}

export function entityLabel(entity: string): string {
  return t.history.entities[entity] ?? entity;
}

const CODE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  stage: STAGE_LABELS,
  from_stage: STAGE_LABELS,
  to_stage: STAGE_LABELS,
  kind: VISIT_KIND_LABELS,
  intent: INTENT_LEVEL_LABELS,
  scale: COMPANY_SCALE_LABELS,
};

/** A stored value as a person reads it: labels for codes, 亿元/万元 for money, 是/否 for flags. */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t.common.blank;
  if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
  if (typeof value === 'number' && field.endsWith('_yuan') && Number.isSafeInteger(value)) return formatYuanAuto(value);
  if (typeof value === 'string' && CODE_LABELS[field]) return CODE_LABELS[field][value] ?? value;
  if (Array.isArray(value)) {
    if (value.length === 0) return t.common.blank;
    return field.endsWith('_ids') ? t.history.itemsCount(value.length) : value.map(String).join('、');
  }
  if (typeof value === 'object') {
    const trip = value as { startDate?: string; endDate?: string };
    if (trip.startDate && trip.endDate) return `${trip.startDate} ～ ${trip.endDate}`;
    return JSON.stringify(value);
  }
  return String(value);
}
