import { create } from 'zustand';
import type { FlowRunView, RunComparison, RunLogFilter, RunLogPage } from '../../shared/views';
import { useWorkspace } from './workspace-store';

const PAGE = 100;

interface LogState {
  filter: RunLogFilter;
  page: RunLogPage | undefined;
  /** Runs ticked for comparison (two at most: the newest tick replaces the older). */
  picked: string[];
  open: FlowRunView | undefined;
  comparison: RunComparison | undefined;
  setFilter(f: RunLogFilter): Promise<void>;
  load(limit?: number): Promise<void>;
  more(): Promise<void>;
  pick(id: string, on: boolean): void;
  openRun(id: string | undefined): Promise<void>;
  compare(): Promise<void>;
  closeComparison(): void;
}

const call = () => useWorkspace.getState().call;

export const useLog = create<LogState>((set, get) => ({
  filter: {},
  page: undefined,
  picked: [],
  open: undefined,
  comparison: undefined,
  setFilter: async (filter) => {
    set({ filter });
    await get().load();
  },
  load: async (limit = PAGE) => {
    const page = await call()('runs.query', { ...get().filter, limit });
    if (page) set({ page });
  },
  more: () => get().load((get().page?.entries.length ?? 0) + PAGE),
  pick: (id, on) => {
    const rest = get().picked.filter((x) => x !== id);
    set({ picked: on ? [...rest, id].slice(-2) : rest });
  },
  openRun: async (id) => {
    if (!id) return set({ open: undefined });
    if (get().open?.id === id) return;
    const run = await call()('runs.get', { runId: id });
    set({ open: run });
  },
  compare: async () => {
    const [a, b] = get().picked;
    if (!a || !b) return;
    const comparison = await call()('runs.compare', { a, b });
    if (comparison) set({ comparison });
  },
  closeComparison: () => set({ comparison: undefined }),
}));
