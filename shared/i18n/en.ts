import { errors } from './errors.en';
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
  errors,
};
