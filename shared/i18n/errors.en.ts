import type { errors as zh } from './errors.zh-CN';

/** English messages, same codes as errors.zh-CN.ts. */
export const errors: Record<keyof typeof zh, string> = {
  E_BAD_REQUEST: 'Malformed request',
  E_VALIDATION: 'Invalid input',
  E_UNKNOWN_METHOD: 'Unknown method',
  E_UNAUTHORIZED: 'Unauthorized: missing or wrong token',
  E_FORBIDDEN_ORIGIN: 'Requests from other origins are refused',
  E_NOT_FOUND: 'Not found',
  E_CONFLICT: 'The record changed; refresh and retry',
  E_PAYLOAD_TOO_LARGE: 'Request too large',
  E_NETWORK: 'Cannot reach the local service',
  E_INTERNAL: 'Internal error',
  E_DB_TOO_NEW: 'This data file comes from a newer version; upgrade the app first',
  E_DB_CORRUPT: 'The data file failed its check; restore from a backup',
  E_DB_MIGRATION_MISMATCH: "The data file's migration record does not match this app",
  E_DB_MIGRATION_FAILED: 'Upgrading the data file failed; nothing was changed',
};
