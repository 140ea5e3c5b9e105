import { create } from 'zustand';

/** The app's areas, in menu order. Features link between them through this store only. */
export const AREAS = ['companies', 'visits', 'projects', 'tasks', 'weeklog', 'sync', 'reports', 'cockpit', 'team', 'ledger', 'settings'] as const;
export type Area = (typeof AREAS)[number];

/** Where the user is: an area, and optionally one record in it (#/companies/<id>). */
export interface Place {
  area: Area;
  id: string | null;
}

function isArea(value: string): value is Area {
  return (AREAS as readonly string[]).includes(value);
}

/** `#/cockpit?from=…` is the cockpit: a page reads its own query from location.hash. */
function placeFromHash(hash: string): Place {
  const [area = '', id = ''] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  return isArea(area) ? { area, id: id === '' ? null : decodeURIComponent(id) } : { area: 'companies', id: null };
}

export function hrefFor(area: Area, id?: string | null): string {
  return id ? `#/${area}/${encodeURIComponent(id)}` : `#/${area}`;
}

export const companyHref = (id: string): string => hrefFor('companies', id);
export const projectHref = (id: string): string => hrefFor('projects', id);

interface NavState extends Place {
  /** Mirrored in location.hash, so reload and back/forward keep the place. */
  go: (area: Area, id?: string | null) => void;
}

export const useNav = create<NavState>((set) => ({
  ...placeFromHash(window.location.hash),
  go: (area, id = null) => {
    window.location.hash = hrefFor(area, id).slice(1);
    set({ area, id });
  },
}));

window.addEventListener('hashchange', () => useNav.setState(placeFromHash(window.location.hash)));
