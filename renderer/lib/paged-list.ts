import { create } from 'zustand';
import type { Page } from '../../shared/contract';
import { errorMessage } from './rpc';

/** Rows fetched per request while the user scrolls a long list. */
export const PAGE_SIZE = 500;

export interface PagedListState<T, Q> {
  items: T[];
  total: number;
  query: Q;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  /** Starts again from the first page, with `patch` merged into the query. */
  reload: (patch?: Partial<Q>) => Promise<void>;
  /** Fetches the next page, unless one is on its way or all rows are here. */
  loadMore: () => Promise<void>;
  /** A row saved here shows at once, without reloading 100,000 rows. */
  prepend: (item: T) => void;
  replace: (item: T) => void;
}

/**
 * A list loaded page by page as the user scrolls (for virtualised tables of up to
 * 100,000 rows). An answer to an older query is dropped: only the latest request counts.
 */
export function createPagedList<T extends { id: string }, Q extends object>(
  initialQuery: Q,
  fetchPage: (query: Q, offset: number, limit: number) => Promise<Page<T>>,
) {
  let generation = 0;
  return create<PagedListState<T, Q>>((set, get) => ({
    items: [],
    total: 0,
    query: initialQuery,
    loading: false,
    loadingMore: false,
    error: null,
    reload: async (patch) => {
      const query = { ...get().query, ...patch };
      const mine = ++generation;
      set({ query, loading: true, loadingMore: false, error: null });
      try {
        const page = await fetchPage(query, 0, PAGE_SIZE);
        if (mine === generation) set({ items: page.items, total: page.total, loading: false });
      } catch (error) {
        if (mine === generation) set({ loading: false, error: errorMessage(error) });
      }
    },
    loadMore: async () => {
      const { items, total, loading, loadingMore, query } = get();
      if (loading || loadingMore || items.length >= total) return;
      const mine = generation;
      set({ loadingMore: true });
      try {
        const page = await fetchPage(query, items.length, PAGE_SIZE);
        if (mine !== generation) return;
        // Rows written meanwhile shift offsets; never show one row twice.
        const seen = new Set(get().items.map((item) => item.id));
        set({ items: [...get().items, ...page.items.filter((item) => !seen.has(item.id))], total: page.total, loadingMore: false });
      } catch (error) {
        if (mine === generation) set({ loadingMore: false, error: errorMessage(error) });
      }
    },
    prepend: (item) => {
      const known = get().items.some((row) => row.id === item.id);
      set({ items: [item, ...get().items.filter((row) => row.id !== item.id)], total: get().total + (known ? 0 : 1) });
    },
    replace: (item) => set({ items: get().items.map((row) => (row.id === item.id ? item : row)) }),
  }));
}
