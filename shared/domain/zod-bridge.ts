/**
 * Turns a Result-returning validator into a zod schema for the RPC contract.
 * The zod issue carries the Chinese message and, in `params.code`, the stable
 * E_… code, so the renderer can still branch on the code.
 */
import { z } from 'zod';
import type { ErrorCode, Result } from './result';

export function schemaFromValidator<T, C extends ErrorCode>(validate: (input: string) => Result<T, C>) {
  return z.string().transform((input, ctx) => {
    const result = validate(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code }, input });
    return z.NEVER;
  });
}
