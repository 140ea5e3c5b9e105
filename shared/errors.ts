import { zhCN } from './i18n/zh-CN';

/**
 * Every error that crosses the contract has a stable code (code branches on it) and a
 * Chinese message for people. The messages live in the i18n resource, keyed by code.
 */
export type ErrorCode = keyof typeof zhCN.errors;

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `creditCode`; empty for the whole input. */
  path: string;
  code: string;
  message: string;
  /** The record the problem is about, e.g. the company that already has this credit code. */
  refId?: string;
}

/** The one error shape on the wire: `{ error: ErrorBody }`. */
export interface ErrorBody {
  code: ErrorCode | (string & {});
  message: string;
  details?: ErrorDetail[];
}

/** HTTP status for each error a handler or the RPC layer may raise. */
const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  E_BAD_REQUEST: 400,
  E_VALIDATION: 400,
  E_UNKNOWN_METHOD: 404,
  E_UNAUTHORIZED: 401,
  E_FORBIDDEN_ORIGIN: 403,
  E_NOT_FOUND: 404,
  E_CONFLICT: 409,
  E_COMPANY_DUPLICATE_CODE: 409,
  E_COMPANY_SIMILAR_NAME: 409,
  E_PARENT_DELETED: 409,
  E_PAYLOAD_TOO_LARGE: 413,
  E_INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: ErrorBody['code'];
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorBody['code'], message?: string, details?: ErrorDetail[]) {
    super(message ?? messageFor(code));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return httpStatusFor(this.code);
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function messageFor(code: string): string {
  const messages: Record<string, string> = zhCN.errors;
  return messages[code] ?? zhCN.errors.E_INTERNAL;
}

/** Domain validation failures (E_USCC_*, E_STAGE_* …) are the caller's fault: 400 unless mapped. */
export function httpStatusFor(code: string): number {
  return STATUS_BY_CODE[code as ErrorCode] ?? (code === 'E_INTERNAL' ? 500 : 400);
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}
