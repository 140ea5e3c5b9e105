import { create } from 'zustand';
import type { CockpitData, CockpitDrill, CockpitFigure, CockpitFiltersInput, CockpitOptions } from '../../../shared/contract/cockpit';
import { errorMessage } from '../../lib/rpc';
import { call } from './api';

export const DRILL_PAGE = 50;

export interface DrillState {
  figure: CockpitFigure;
  title: string;
  offset: number;
  result: CockpitDrill | null;
  loading: boolean;
  error: string | null;
}

interface CockpitState {
  filters: CockpitFiltersInput;
  data: CockpitData | null;
  options: CockpitOptions | null;
  loading: boolean;
  error: string | null;
  drill: DrillState | null;
  /** Recomputes every figure with `patch` merged into the filters (null clears one). */
  load: (patch?: Partial<CockpitFiltersInput>) => Promise<void>;
  loadOptions: () => Promise<void>;
  openDrill: (figure: CockpitFigure, title: string) => Promise<void>;
  drillPage: (offset: number) => Promise<void>;
  closeDrill: () => void;
}

let generation = 0;
let drillGeneration = 0;

/** The cockpit's filters, figures and open drill-down. An answer to an older request is dropped. */
export const useCockpit = create<CockpitState>((set, get) => ({
  filters: {},
  data: null,
  options: null,
  loading: false,
  error: null,
  drill: null,

  load: async (patch) => {
    const filters = { ...get().filters, ...patch };
    const mine = ++generation;
    set({ filters, loading: true, error: null });
    try {
      const data = await call('cockpit.get', filters);
      if (mine === generation) set({ data, filters: { ...filters, from: data.filters.from, to: data.filters.to }, loading: false });
    } catch (error) {
      if (mine === generation) set({ error: errorMessage(error), loading: false });
    }
  },

  loadOptions: async () => {
    try {
      set({ options: await call('cockpit.options', {}) });
    } catch {
      // The filters then offer only what is typed; the figures still load.
    }
  },

  openDrill: async (figure, title) => {
    set({ drill: { figure, title, offset: 0, result: null, loading: true, error: null } });
    await get().drillPage(0);
  },

  drillPage: async (offset) => {
    const drill = get().drill;
    if (!drill) return;
    const mine = ++drillGeneration;
    set({ drill: { ...drill, offset, loading: true, error: null } });
    try {
      const result = await call('cockpit.drill', { filters: get().filters, figure: drill.figure, limit: DRILL_PAGE, offset });
      if (mine === drillGeneration && get().drill) set({ drill: { ...get().drill!, result, loading: false } });
    } catch (error) {
      if (mine === drillGeneration && get().drill) set({ drill: { ...get().drill!, loading: false, error: errorMessage(error) } });
    }
  },

  closeDrill: () => set({ drill: null }),
}));
