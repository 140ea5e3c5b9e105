import { create } from 'zustand';
import type { CompanyPage } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc-client';
import { errorMessage, rpc } from '../../lib/rpc';

interface CompanyPageState {
  id: string | null;
  page: CompanyPage | null;
  loading: boolean;
  notFound: boolean;
  error: string | null;
  /** Loads one company with its contacts, projects, follow-ups, timeline and history. */
  load: (id: string) => Promise<void>;
}

let latest = 0;

export const useCompanyPage = create<CompanyPageState>((set, get) => ({
  id: null,
  page: null,
  loading: false,
  notFound: false,
  error: null,
  load: async (id) => {
    const mine = ++latest;
    // Another company: don't flash the previous one's data.
    if (get().id !== id) set({ id, page: null });
    set({ loading: true, error: null, notFound: false });
    try {
      const page = await rpc('companies.get', { id });
      if (mine === latest) set({ page, loading: false });
    } catch (error) {
      if (mine !== latest) return;
      if (error instanceof RpcError && error.code === 'E_NOT_FOUND') set({ page: null, loading: false, notFound: true });
      else set({ loading: false, error: errorMessage(error) });
    }
  },
}));
