/**
 * Every domain error code and its Chinese message, in one place: the list of
 * codes other layers may branch on, and the wording a person reads.
 * Messages never echo personal data (phone numbers, e-mail addresses), because
 * error messages end up in logs.
 */
import { err, type Err } from './result';

export type PhoneProblem = 'looks-like-mobile' | 'missing-area-code' | 'format';

const PHONE_HINTS: Record<PhoneProblem, string> = {
  'looks-like-mobile': '这是手机号，请填在“手机”一栏',
  'missing-area-code': '请带区号，如 0755-12345678',
  format: '应为“区号-号码”，如 0755-12345678、0851-85123456，分机可写“转123”',
};

export const MESSAGES_ZH = {
  E_USCC_LENGTH: (actual: number) => `统一社会信用代码应为18位，当前为${actual}位`,
  E_USCC_CHARSET: (char: string, position: number) =>
    `统一社会信用代码第${position}位“${char}”不是有效字符（只能是数字和除 I、O、S、V、Z 以外的大写字母）` +
    (char === 'O' || char === 'I' ? `；请核对原件，字母 ${char} 常被误写为数字 ${char === 'O' ? 0 : 1}` : ''),
  E_USCC_CHECKSUM: (expected: string, actual: string) =>
    `统一社会信用代码校验位错误：第18位应为 ${expected}，实际为 ${actual}`,

  E_MOBILE_INVALID: (digitCount: number) =>
    `手机号格式不正确：应为以1开头的11位数字（可带 +86），当前有${digitCount}位数字`,
  E_PHONE_INVALID: (problem: PhoneProblem) => `固定电话格式不正确：${PHONE_HINTS[problem]}`,
  E_EMAIL_INVALID: () => '电子邮箱格式不正确，应形如 name@example.com',

  E_AMOUNT_INVALID: (input: string) =>
    `无法识别的金额“${input}”：请填写数字，可带单位，如 5亿元、3200万元、1.25`,
  E_AMOUNT_NEGATIVE: () => '金额不能为负数',
  E_AMOUNT_PRECISION: (input: string) => `金额“${input}”换算后不是整数元：金额最多精确到1元`,
  E_AMOUNT_TOO_LARGE: () => '金额过大，超出可记录的范围',

  E_DATE_INVALID: (field: string) => `${field}不是有效日期，格式应为 YYYY-MM-DD，如 2026-03-01`,

  E_STAGE_UNKNOWN: (input: string) =>
    `未知的项目阶段“${input}”：应为 线索、在谈、签约、开工、投产、搁置 或 终止`,
  E_STAGE_UNCHANGED: (label: string) => `项目已处于“${label}”阶段，阶段没有变化`,
  E_STAGE_SIGN_REQUIRES_DATE_AMOUNT: () =>
    '进入或越过“签约”阶段，需要填写签约日期和签约金额（大于0的整数元）',
  E_STAGE_START_REQUIRES_DATE: () => '进入或越过“开工”阶段，需要填写实际开工日期（计划日期不算）',
  E_STAGE_PRODUCE_REQUIRES_DATE: () => '进入“投产”阶段，需要填写实际投产日期',
  E_STAGE_BACKWARD_REQUIRES_REASON: (from: string, to: string) =>
    `项目阶段从“${from}”退回“${to}”，请填写退回原因`,
  E_STAGE_REOPEN_REQUIRES_REASON: () => '项目已“终止”，重新启用请填写原因',
  E_STAGE_DATE_ORDER: () => '实际投产日期不能早于实际开工日期',
} as const satisfies Record<`E_${string}`, (...args: never[]) => string>;

export type DomainErrorCode = keyof typeof MESSAGES_ZH;

/** The one way domain code builds an error: the code picks its message template. */
export function fail<C extends DomainErrorCode>(
  code: C,
  ...args: Parameters<(typeof MESSAGES_ZH)[C]>
): Err<C> {
  const render = MESSAGES_ZH[code] as (...values: typeof args) => string;
  return err(code, render(...args));
}
