import { t } from '../lib/i18n';

export const ROUTES = [
  { key: 'companies', label: t.nav.companies },
  { key: 'visits', label: t.nav.visits },
  { key: 'projects', label: t.nav.projects },
  { key: 'tasks', label: t.nav.tasks },
  { key: 'sync', label: t.nav.sync },
  { key: 'reports', label: t.nav.reports },
  { key: 'cockpit', label: t.nav.cockpit },
  { key: 'settings', label: t.nav.settings },
] as const;

export type RouteKey = (typeof ROUTES)[number]['key'];

export function isRouteKey(value: string): value is RouteKey {
  return ROUTES.some((route) => route.key === value);
}
