/**
 * Calendar dates travel as ISO `YYYY-MM-DD` strings: no time zone, and they
 * sort correctly as plain strings.
 */
import { fail } from './messages.zh';
import { ok, type Result } from './result';
import { schemaFromValidator } from './zod-bridge';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True only for a real Gregorian date written exactly as YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** `field` names the field in the message, e.g. '签约日期'. Input is trimmed, nothing else. */
export function validateIsoDate(input: string, field = '日期'): Result<string, 'E_DATE_INVALID'> {
  const value = input.trim();
  return isIsoDate(value) ? ok(value) : fail('E_DATE_INVALID', field);
}

export const IsoDateSchema = schemaFromValidator((input) => validateIsoDate(input));
