import { create } from 'zustand';
import type { HistoryEntry, ProjectDetail } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc-client';
import { errorMessage, rpc } from '../../lib/rpc';

interface ProjectPageState {
  id: string | null;
  detail: ProjectDetail | null;
  history: HistoryEntry[];
  loading: boolean;
  notFound: boolean;
  error: string | null;
  load: (id: string) => Promise<void>;
  /** A write answered with the whole detail (stage move, funds): show it without a reload. */
  setDetail: (detail: ProjectDetail) => void;
}

let latest = 0;

export const useProjectPage = create<ProjectPageState>((set, get) => ({
  id: null,
  detail: null,
  history: [],
  loading: false,
  notFound: false,
  error: null,
  load: async (id) => {
    const mine = ++latest;
    if (get().id !== id) set({ id, detail: null, history: [] });
    set({ loading: true, error: null, notFound: false });
    try {
      const [detail, history] = await Promise.all([rpc('projects.get', { id }), rpc('records.history', { id, limit: 200 })]);
      if (mine === latest) set({ detail, history, loading: false });
    } catch (error) {
      if (mine !== latest) return;
      if (error instanceof RpcError && error.code === 'E_NOT_FOUND') set({ detail: null, loading: false, notFound: true });
      else set({ loading: false, error: errorMessage(error) });
    }
  },
  setDetail: (detail) => {
    if (detail.project.id === get().id) set({ detail });
  },
}));
