import { useEffect } from 'react';
import { create } from 'zustand';
import type { ReferenceData } from '../../shared/contract';
import { GUANGDONG_CITIES, GUIZHOU_DIVISIONS, KEY_INDUSTRIES_2018, SHENZHEN_DISTRICTS } from '../../shared/domain/reference';
import { rpc } from './rpc';

/** Until the backend answers, the built-in lists (DESIGN §8) keep every select usable. */
const FALLBACK: ReferenceData = {
  industries: { version: 1, items: KEY_INDUSTRIES_2018.items.map((item) => item.label) },
  shenzhenDistricts: SHENZHEN_DISTRICTS.map((item) => item.name),
  guangdongCities: GUANGDONG_CITIES.map((item) => item.name),
  guizhouDivisions: GUIZHOU_DIVISIONS.map((item) => item.name),
};

interface ReferenceState {
  data: ReferenceData;
  loaded: boolean;
  load: () => Promise<void>;
  setIndustries: (industries: ReferenceData['industries']) => void;
}

let inFlight: Promise<void> | null = null;

export const useReferenceStore = create<ReferenceState>((set, get) => ({
  data: FALLBACK,
  loaded: false,
  load: () => {
    // Several selects mount at once; they share one request.
    inFlight ??= rpc('reference.get', {})
      .then((data) => set({ data, loaded: true }))
      .catch(() => {
        // Keep the built-in lists; the next page that needs them tries again.
        set({ loaded: get().loaded });
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  },
  setIndustries: (industries) => set({ data: { ...get().data, industries } }),
}));

/** Reference lists (industries, districts, Guizhou divisions), loaded once per launch. */
export function useReference(): ReferenceData {
  const { data, loaded, load } = useReferenceStore();
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  return data;
}

export function optionsOf(values: readonly string[]) {
  return values.map((value) => ({ value, label: value }));
}
