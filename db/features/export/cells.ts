/**
 * How a record's value is written to a spreadsheet cell: money as a number of 万元 (the
 * header carries the unit), codes as their Chinese labels, yes/no in words, lists joined
 * with 、. Shared by the list export and the ledger.
 */
import type ExcelJS from 'exceljs';
import { formatYuan } from '../../../shared/domain/money';
import { COMPANY_SCALE_LABELS, INTENT_LEVEL_LABELS, VISIT_KIND_LABELS } from '../../../shared/domain/reference';
import { STAGE_LABELS } from '../../../shared/domain/stages';

/** Up to 4 decimals of 万元 is exact to the 元; two are always shown. */
export const WAN_FORMAT = '#,##0.00##';
export const DATE_FORMAT = 'yyyy-mm-dd';

/** Integer 元 → 万元 as a number: the decimal text is exact, the number the nearest double to it. */
export function wan(yuan: number | null | undefined): number | null {
  return yuan == null ? null : Number(formatYuan(yuan, '万元'));
}

const LABELS: Record<string, Readonly<Record<string, string>>> = {
  stage: STAGE_LABELS,
  fromStage: STAGE_LABELS,
  toStage: STAGE_LABELS,
  kind: VISIT_KIND_LABELS,
  intent: INTENT_LEVEL_LABELS,
  scale: COMPANY_SCALE_LABELS,
};

export function isMoneyKey(key: string): boolean {
  return key.endsWith('Yuan');
}

export function headerFor(key: string, title: string): string {
  return isMoneyKey(key) && !/元/.test(title) ? `${title}（万元）` : title;
}

/** An ISO instant as local date and time, minutes precision. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function cellFor(key: string, value: unknown): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null || value === undefined) return { value: null };
  if (isMoneyKey(key) && typeof value === 'number') return { value: wan(value), numFmt: WAN_FORMAT };
  const labels = LABELS[key];
  if (labels && typeof value === 'string') return { value: labels[value] ?? value };
  if (typeof value === 'boolean') return { value: value ? '是' : '否' };
  if (Array.isArray(value)) return { value: value.every((item) => typeof item === 'string') ? value.join('、') : JSON.stringify(value) };
  if (typeof value === 'object') return { value: JSON.stringify(value) };
  if (typeof value === 'string' && key.endsWith('At') && /^\d{4}-\d{2}-\d{2}T/.test(value)) return { value: localDateTime(value) };
  if (typeof value === 'number' || typeof value === 'string') return { value };
  return { value: String(value) };
}

/** A calendar date (YYYY-MM-DD) as an Excel date cell. */
export function dateCell(day: string | null): { value: ExcelJS.CellValue; numFmt?: string } {
  return day ? { value: new Date(`${day}T00:00:00Z`), numFmt: DATE_FORMAT } : { value: null };
}

/** Display width of a text in Excel columns: CJK characters take two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\uffef]/.test(char) ? 2 : 1;
  return width;
}

export function stamp(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}
