/**
 * Money is never a float. The canonical value is an integer number of 元
 * (yuan) held in a JS number, which is exact up to Number.MAX_SAFE_INTEGER
 * (about 9×10^15 元, far beyond any project). Units are applied by shifting
 * the decimal point on the digit string, never by multiplying floats.
 */
import { z } from 'zod';
import { fail } from './messages.zh';
import { ok, type Result } from './result';
import { quoteForMessage, removeWhitespace, toHalfWidth } from './text';
import { schemaFromValidator } from './zod-bridge';

export type AmountUnit = '亿元' | '万元' | '元';
export type AmountErrorCode =
  | 'E_AMOUNT_INVALID'
  | 'E_AMOUNT_NEGATIVE'
  | 'E_AMOUNT_PRECISION'
  | 'E_AMOUNT_TOO_LARGE';

/** Powers of ten from the unit to 元. */
const UNIT_EXPONENT: Record<AmountUnit, number> = { 亿元: 8, 万元: 4, 元: 0 };
const UNIT_SUFFIX = /(亿元|亿|万元|万|元)$/;
/** Blank, or what Excel ledgers write for "none": / - — – (any run of them). */
const NOTHING = /^[/\-\u2013\u2014]*$/;
/** Optional minus and currency sign in either order: -￥5, ￥-5. */
const PREFIX = /^([-\u2212]?)([¥\uFFE5]?)([-\u2212]?)/;
/** 3200, 3,200, 1.25, .5, 5. — thousands separators only in groups of three. */
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/**
 * Parses an amount as typed or pasted from a ledger into integer 元.
 * A unit in the text (亿元/亿/万元/万/元) wins over `defaultUnit`.
 * Blank input and the placeholders / - — give `ok(null)`: "not filled in",
 * which is different from 0.
 */
export function parseAmount(
  input: string,
  defaultUnit: AmountUnit,
): Result<number | null, AmountErrorCode> {
  let text = removeWhitespace(toHalfWidth(input));
  if (NOTHING.test(text)) return ok(null);

  const prefix = PREFIX.exec(text) ?? ['', '', '', ''];
  const minusSigns = (prefix[1] ? 1 : 0) + (prefix[3] ? 1 : 0);
  text = text.slice(prefix[0].length);

  const suffix = UNIT_SUFFIX.exec(text);
  const unit = suffix ? canonicalUnit(suffix[1] ?? '') : defaultUnit;
  if (suffix) text = text.slice(0, suffix.index);

  const number = NUMBER.exec(text);
  const whole = number?.[1]?.replace(/,/g, '') ?? '';
  const fraction = number?.[2] ?? '';
  if (!number || minusSigns > 1 || whole + fraction === '') {
    return fail('E_AMOUNT_INVALID', quoteForMessage(input.trim()));
  }
  if (minusSigns === 1) return fail('E_AMOUNT_NEGATIVE');

  const exponent = UNIT_EXPONENT[unit];
  const padded = fraction.padEnd(exponent, '0');
  if (/[1-9]/.test(padded.slice(exponent))) {
    return fail('E_AMOUNT_PRECISION', quoteForMessage(input.trim()));
  }
  const yuanDigits = (whole + padded.slice(0, exponent)).replace(/^0+/, '') || '0';
  if (yuanDigits.length > 16 || BigInt(yuanDigits) > BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail('E_AMOUNT_TOO_LARGE');
  }
  return ok(Number(yuanDigits));
}

function canonicalUnit(word: string): AmountUnit {
  if (word.startsWith('亿')) return '亿元';
  if (word.startsWith('万')) return '万元';
  return '元';
}

/**
 * Exact decimal string of `yuan` in the given unit, without trailing zeros
 * and without the unit: formatYuan(125000000, '亿元') === '1.25'.
 * Throws RangeError for a value that is not a safe integer (a programming error).
 */
export function formatYuan(yuan: number, unit: AmountUnit): string {
  if (!Number.isSafeInteger(yuan)) throw new RangeError('formatYuan needs a safe integer number of yuan');
  const exponent = UNIT_EXPONENT[unit];
  const digits = String(Math.abs(yuan)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent).replace(/0+$/, '');
  return (yuan < 0 ? '-' : '') + whole + (fraction ? `.${fraction}` : '');
}

/** For display: 亿元 from 1亿 up, otherwise 万元; the unit is appended ('1.25亿元', '3200万元'). */
export function formatYuanAuto(yuan: number): string {
  const unit: AmountUnit = Math.abs(yuan) >= 100_000_000 ? '亿元' : '万元';
  return formatYuan(yuan, unit) + unit;
}

/** A stored amount: integer 元, not negative, exact in a JS number. */
export const YuanSchema = z.int().nonnegative();

/** Form/RPC text → integer 元 or null (blank), with the same rules as parseAmount. */
export function amountTextSchema(defaultUnit: AmountUnit) {
  return schemaFromValidator((input) => parseAmount(input, defaultUnit));
}
