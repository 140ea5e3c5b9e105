import type { Messages } from './zh-CN';

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** English, as a second language for visitors and developers; same keys as zh-CN. */
export const en: Widen<Messages> = {
  app: {
    name: 'Qianzhao',
    tagline: 'Guizhou investment promotion in Guangdong',
    offlineReady: 'Works offline · data stays on this computer',
  },
  nav: {
    companies: 'Companies',
    visits: 'Visits',
    projects: 'Projects',
    tasks: 'Follow-ups',
    sync: 'Sync',
    reports: 'Weekly report',
    cockpit: 'Cockpit',
    settings: 'Settings',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    loading: 'Loading…',
    comingSoon: 'Coming soon',
    retry: 'Retry',
    total: (n: number) => `${n} in total`,
  },
  company: {
    listTitle: 'Companies',
    add: 'New company',
    name: 'Company name',
    namePlaceholder: 'e.g. Shenzhen Tencent Computer Systems Co., Ltd.',
    nameRequired: 'Enter the company name',
    createdAt: 'Logged at',
    empty: 'No companies yet — add the first one',
    saved: (name: string) => `Saved: ${name}`,
  },
  errors: {
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
  },
};
