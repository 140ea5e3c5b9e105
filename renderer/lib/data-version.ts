import { create } from 'zustand';

/** Kinds of data a write can change; pages showing that kind reload when its version moves. */
export type DataKind = 'company' | 'contact' | 'visit' | 'project' | 'task' | 'reference';

interface DataVersionState {
  versions: Record<DataKind, number>;
  bump: (...kinds: DataKind[]) => void;
}

/**
 * A tiny change bus: features never import each other, so a visit saved from the header
 * tells the company page and the follow-up list to reload through here.
 */
export const useDataVersion = create<DataVersionState>((set) => ({
  versions: { company: 0, contact: 0, visit: 0, project: 0, task: 0, reference: 0 },
  bump: (...kinds) =>
    set((state) => {
      const versions = { ...state.versions };
      for (const kind of kinds) versions[kind] += 1;
      return { versions };
    }),
}));

export function dataChanged(...kinds: DataKind[]): void {
  useDataVersion.getState().bump(...kinds);
}

/** One number that moves whenever any of `kinds` changes: put it in an effect's dependencies. */
export function useDataVersionOf(...kinds: DataKind[]): number {
  return useDataVersion((state) => kinds.reduce((sum, kind) => sum + state.versions[kind], 0));
}
