/**
 * Every validation in shared/domain answers with a Result instead of throwing:
 * `{ ok: true, value }` or `{ ok: false, code: 'E_…', message: '中文说明' }`.
 * Code branches on `code` (stable); `message` is for people and may be reworded.
 */

export type ErrorCode = `E_${string}`;

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<C extends ErrorCode = ErrorCode> = {
  readonly ok: false;
  readonly code: C;
  readonly message: string;
};
export type Result<T, C extends ErrorCode = ErrorCode> = Ok<T> | Err<C>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<C extends ErrorCode>(code: C, message: string): Err<C> {
  return { ok: false, code, message };
}

/**
 * Wraps a validator for an optional form field: blank input (empty or only
 * whitespace, full-width space included) is `ok(null)`; anything else goes
 * through `validate` unchanged.
 */
export function allowBlank<T, C extends ErrorCode>(
  validate: (input: string) => Result<T, C>,
): (input: string | null | undefined) => Result<T | null, C> {
  return (input) => (input == null || input.trim() === '' ? ok(null) : validate(input));
}
