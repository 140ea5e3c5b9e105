import { t } from '../lib/i18n';
import type { Area } from '../lib/nav';

/** The main menu, in order. */
export const ROUTES: readonly { key: Area; label: string }[] = [
  { key: 'companies', label: t.nav.companies },
  { key: 'visits', label: t.nav.visits },
  { key: 'projects', label: t.nav.projects },
  { key: 'tasks', label: t.nav.tasks },
  { key: 'weeklog', label: t.nav.weeklog },
  { key: 'sync', label: t.nav.sync },
  { key: 'reports', label: t.nav.reports },
  { key: 'cockpit', label: t.nav.cockpit },
  { key: 'team', label: t.nav.team },
  { key: 'ledger', label: t.nav.ledger },
  { key: 'settings', label: t.nav.settings },
];
