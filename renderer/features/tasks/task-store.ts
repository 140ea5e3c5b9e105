import { create } from 'zustand';
import type { TaskCounts, TaskRecord, TaskView } from '../../../shared/contract';
import { todayIso } from '../../lib/dates';
import { errorMessage, rpc } from '../../lib/rpc';

const LIMIT = 1000;

interface TaskState {
  view: TaskView;
  items: TaskRecord[];
  counts: TaskCounts;
  /** Open follow-ups in all; the contract counts only today/overdue/week. */
  openCount: number | null;
  loading: boolean;
  error: string | null;
  setView: (view: TaskView) => void;
  load: () => Promise<void>;
  /** Shows a done/undone row leaving the view at once; the caller then reloads. */
  drop: (id: string) => void;
}

let latest = 0;

export const useTasks = create<TaskState>((set, get) => ({
  view: 'today',
  items: [],
  counts: { today: 0, overdue: 0, week: 0 },
  openCount: null,
  loading: false,
  error: null,
  setView: (view) => {
    set({ view, items: [] });
    void get().load();
  },
  load: async () => {
    const mine = ++latest;
    const { view } = get();
    // The user's local date decides what is today and overdue.
    const today = todayIso();
    set({ loading: true, error: null });
    try {
      const [list, open] = await Promise.all([
        rpc('tasks.list', { view, today, limit: LIMIT }),
        view === 'open' ? null : rpc('tasks.list', { view: 'open', today, limit: LIMIT }),
      ]);
      if (mine !== latest) return;
      set({ items: list.items, counts: list.counts, openCount: (open ?? list).items.length, loading: false });
    } catch (error) {
      if (mine === latest) set({ loading: false, error: errorMessage(error) });
    }
  },
  drop: (id) => set({ items: get().items.filter((task) => task.id !== id) }),
}));
