import { create } from 'zustand';
import { isRouteKey, type RouteKey } from './routes';

/** The current area, mirrored in location.hash so reload and back/forward keep it. */
interface NavState {
  route: RouteKey;
  go: (route: RouteKey) => void;
}

function routeFromHash(): RouteKey {
  const key = window.location.hash.replace(/^#\/?/, '');
  return isRouteKey(key) ? key : 'companies';
}

export const useNav = create<NavState>((set) => ({
  route: routeFromHash(),
  go: (route) => {
    window.location.hash = `/${route}`;
    set({ route });
  },
}));

window.addEventListener('hashchange', () => useNav.setState({ route: routeFromHash() }));
