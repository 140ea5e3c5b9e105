import { formatYuan, formatYuanAuto } from '../../shared/domain/money';
import { t } from './i18n';

/** Money is integer 元 end to end; these only place the decimal point. Never floats. */
export function yi(yuan: number | null | undefined): string {
  return yuan == null ? t.common.empty : formatYuan(yuan, '亿元');
}

export function money(yuan: number | null | undefined): string {
  return yuan == null ? t.common.empty : formatYuanAuto(yuan);
}

export function text(value: string | null | undefined): string {
  return value == null || value === '' ? t.common.empty : value;
}

export function list(values: readonly string[] | null | undefined): string {
  return values && values.length > 0 ? values.join('、') : t.common.empty;
}
