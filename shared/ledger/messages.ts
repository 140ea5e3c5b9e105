/**
 * The importer's own error codes and their Chinese messages. Domain codes (E_AMOUNT_*,
 * E_USCC_* …) keep the messages of shared/domain; these cover what only a ledger has.
 */
import { err, type Err } from '../domain/result';

export const LEDGER_MESSAGES_ZH = {
  E_LEDGER_DATE_INVALID: (input: string) =>
    `无法识别的日期“${input}”：可写 2021-03-15、2021/3/15、2021.3.15、2021年3月15日、2021年3月、2021-03，或 Excel 日期`,
  E_LEDGER_DATE_YEAR_ONLY: (input: string) => `日期“${input}”只有年份，请至少写到月份，如 2021年3月`,
  E_LEDGER_STAGE_UNKNOWN: (input: string) =>
    `无法识别的项目进展“${input}”：可写 线索、在谈（洽谈中）、签约（已签约）、开工（已开工、在建）、投产（已投产）、搁置（暂停）、终止`,
  E_LEDGER_PHONE_INVALID: () => '联系电话格式不正确：应为11位手机号，或带区号的固定电话（如 0755-12345678）',
  E_LEDGER_COUNT_INVALID: (input: string) => `“${input}”不是有效的人数：请填写不小于 0 的整数，如 500 或 500人`,
  E_LEDGER_TEXT_TOO_LONG: (label: string, max: number) => `${label}不能超过 ${max} 个字`,
  E_LEDGER_REQUIRED: (label: string) => `缺少${label}`,
} as const satisfies Record<`E_${string}`, (...args: never[]) => string>;

export type LedgerErrorCode = keyof typeof LEDGER_MESSAGES_ZH;

export function ledgerFail<C extends LedgerErrorCode>(code: C, ...args: Parameters<(typeof LEDGER_MESSAGES_ZH)[C]>): Err<C> {
  const render = LEDGER_MESSAGES_ZH[code] as (...values: typeof args) => string;
  return err(code, render(...args));
}
