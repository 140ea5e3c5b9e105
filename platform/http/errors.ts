import { SYNC_ERRORS, type SyncErrorCode } from '../../shared/sync/errors';

/**
 * An error that becomes an HTTP response `{ error: { code, message, … } }` with a stable
 * code and a Chinese message. Anything that is not an ApiError answers E_INTERNAL, and no
 * stack trace or database message ever reaches a response.
 */
export class ApiError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly status: number,
    message?: string,
    /** Machine-readable extras a client acts on, e.g. `lastAppliedSeq` for a seq gap. */
    readonly extra: Record<string, string | number | unknown[]> = {},
  ) {
    super(message ?? SYNC_ERRORS[code]);
    this.name = 'ApiError';
  }

  body(): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export const errors = {
  badRequest: (message?: string) => new ApiError('E_BAD_REQUEST', 400, message),
  validation: (details: { path: string; message: string }[]) =>
    new ApiError('E_VALIDATION', 400, details[0] ? `${SYNC_ERRORS.E_VALIDATION}：${details[0].path ? `${details[0].path} ` : ''}${details[0].message}` : undefined, { details }),
  unauthorized: () => new ApiError('E_UNAUTHORIZED', 401),
  forbidden: (message?: string) => new ApiError('E_FORBIDDEN', 403, message),
  notFound: (code: SyncErrorCode = 'E_NOT_FOUND') => new ApiError(code, 404),
  conflict: (code: SyncErrorCode, message?: string, extra?: Record<string, string | number>) => new ApiError(code, 409, message, extra),
  tooLarge: (maxBytes: number) => new ApiError('E_PAYLOAD_TOO_LARGE', 413, `${SYNC_ERRORS.E_PAYLOAD_TOO_LARGE}（上限 ${Math.floor(maxBytes / 1024)} KB）`, { maxBytes }),
  unsupportedMediaType: () => new ApiError('E_UNSUPPORTED_MEDIA_TYPE', 415),
  rateLimited: (retryAfterSeconds: number) => new ApiError('E_RATE_LIMITED', 429, undefined, { retryAfterSeconds }),
  internal: () => new ApiError('E_INTERNAL', 500),
  unavailable: () => new ApiError('E_UNAVAILABLE', 503),
};

export function errorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(error.body()), {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
