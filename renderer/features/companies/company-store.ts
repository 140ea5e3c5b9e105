import { create } from 'zustand';
import type { CompanySummary } from '../../../shared/contract';
import { errorMessage, rpc } from '../../lib/rpc';

interface CompanyState {
  items: CompanySummary[];
  total: number;
  loading: boolean;
  error: string | null;
  load: () => Promise<void>;
  /** Saves through the backend; resolves to the saved company or rejects with its RpcError. */
  create: (name: string) => Promise<CompanySummary>;
}

export const useCompanies = create<CompanyState>((set, get) => ({
  items: [],
  total: 0,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true, error: null });
    try {
      const page = await rpc('companies.list', { limit: 100, offset: 0 });
      set({ items: page.items, total: page.total, loading: false });
    } catch (error) {
      set({ loading: false, error: errorMessage(error) });
    }
  },
  create: async (name) => {
    const company = await rpc('companies.create', { name });
    set({ items: [company, ...get().items], total: get().total + 1 });
    return company;
  },
}));
