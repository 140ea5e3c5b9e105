/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 * Normalising only folds width, case and spacing: a letter O is never turned
 * into a zero, because guessing would hide a typo the user must check.
 */
import { fail } from './messages.zh';
import { ok, type Result } from './result';
import { describeChar, removeWhitespace, toHalfWidth, upperAscii } from './text';
import { schemaFromValidator } from './zod-bridge';

/** 31 characters: digits and upper-case letters without I, O, S, V, Z. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeErrorCode = 'E_USCC_LENGTH' | 'E_USCC_CHARSET' | 'E_USCC_CHECKSUM';

/** Trim, drop all whitespace (U+3000 too), full-width → half-width, upper-case a–z. */
export function normalizeCreditCode(input: string): string {
  return upperAscii(removeWhitespace(toHalfWidth(input)));
}

/**
 * The 18th character for 17 valid leading characters. Throws RangeError on any
 * other input: it is a building block for code that has already validated.
 */
export function computeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('computeCheckChar needs exactly 17 characters');
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`computeCheckChar: invalid character at position ${i + 1}`);
    sum += value * weight;
  });
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Validates after normalising; the value is the normalised 18-character code. */
export function validateCreditCode(input: string): Result<string, CreditCodeErrorCode> {
  const code = normalizeCreditCode(input);
  const chars = Array.from(code);
  if (chars.length !== 18) return fail('E_USCC_LENGTH', chars.length);

  const badAt = chars.findIndex((ch) => !USCC_ALPHABET.includes(ch));
  if (badAt >= 0) return fail('E_USCC_CHARSET', describeChar(chars[badAt] ?? ''), badAt + 1);

  const expected = computeCheckChar(code.slice(0, 17));
  const actual = code.charAt(17);
  if (actual !== expected) return fail('E_USCC_CHECKSUM', expected, actual);
  return ok(code);
}

export const CreditCodeSchema = schemaFromValidator(validateCreditCode);
