import { formatYuanAuto } from '../../../shared/domain/money';

/** A ratio as a percentage with one decimal; — when there is nothing to divide by. */
export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

export function money(yuan: number | null | undefined): string {
  return yuan == null ? '—' : formatYuanAuto(yuan);
}

/** 万元 as a chart value: integer 元 / 10,000 (display only). */
export function wanValue(yuan: number): number {
  return yuan / 10_000;
}

export function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
