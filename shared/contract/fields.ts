import { z } from 'zod';
import { validateCreditCode } from '../domain/credit-code';
import { validateIsoDate } from '../domain/dates';
import { parseAmount, type AmountUnit } from '../domain/money';
import { validateEmail, validateMobile, validatePhone } from '../domain/phone';
import type { ErrorCode, Result } from '../domain/result';

/**
 * Field schemas shared by the feature contracts. Optional text fields take a string,
 * null or nothing; blank becomes null. Domain validators report their stable code in
 * the zod issue's `params.code`, which the backend puts on the error it answers.
 */
export function optionalFrom<T, C extends ErrorCode>(validate: (input: string) => Result<T, C>) {
  return z
    .string()
    .nullish()
    .transform((input, ctx): T | null => {
      if (input == null || input.trim() === '') return null;
      const result = validate(input);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code } });
      return z.NEVER;
    });
}

export function requiredFrom<T, C extends ErrorCode>(validate: (input: string) => Result<T, C>, missing: string) {
  return z.string({ error: missing }).transform((input, ctx): T => {
    if (input.trim() === '') {
      ctx.addIssue({ code: 'custom', message: missing });
      return z.NEVER;
    }
    const result = validate(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code } });
    return z.NEVER;
  });
}

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullish()
    .transform((value) => (value == null || value.trim() === '' ? null : value.trim()));

export const requiredText = (max: number, label: string) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

export const shortList = (label: string, maxItems = 20, maxLength = 100) =>
  z
    .array(z.string().trim().min(1).max(maxLength, `${label}每项不能超过 ${maxLength} 个字`), { error: `${label}格式不正确` })
    .max(maxItems, `${label}最多 ${maxItems} 项`)
    .default([]);

export const rowId = z.string({ error: '缺少记录编号' }).regex(/^[0-9a-f-]{36}$/i, '记录编号格式不正确');

export const creditCodeField = optionalFrom(validateCreditCode);
export const mobileField = optionalFrom(validateMobile);
export const phoneField = optionalFrom(validatePhone);
export const emailField = optionalFrom(validateEmail);
export const optionalDate = (label: string) => optionalFrom((input) => validateIsoDate(input, label));
export const requiredDate = (label: string) => requiredFrom((input) => validateIsoDate(input, label), `请选择${label}`);
/** Money as typed (`5亿`, `50000万元`, `1.25`): integer 元, or null when blank. */
export const optionalAmount = (defaultUnit: AmountUnit) => optionalFrom((input) => parseAmount(input, defaultUnit));

export const pageInput = {
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
  order: z.enum(['asc', 'desc']).default('desc'),
};

export interface Page<T> {
  items: T[];
  total: number;
}

/** Common to every record the contract returns. */
export interface RecordMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  ownerUserId: string | null;
  teamId: string | null;
}

type WithoutDefaults<S extends z.ZodRawShape> = { [K in keyof S]: S[K] extends z.ZodDefault<infer T extends z.ZodType> ? T : S[K] };

/**
 * The object of a `patch`: every field optional and without its default. `.partial()`
 * alone keeps `.default()` working, so a patch leaving out `tags` would reset them to [].
 */
export function patchOf<S extends z.ZodRawShape>(shape: S) {
  const plain = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema instanceof z.ZodDefault ? schema.unwrap() : schema]));
  return z.object(plain as WithoutDefaults<S>).partial();
}
