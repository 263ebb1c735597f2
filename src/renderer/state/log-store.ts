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
  load(): Promise<void>;
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
  /** Filters the list; what was ticked or compared and is filtered away goes with it, not left under the list. */
  setFilter: async (filter) => {
    set({ filter });
    await get().load();
    const shown = new Set(get().page?.entries.map((e) => e.id) ?? []);
    const { comparison, picked } = get();
    set({ picked: picked.filter((id) => shown.has(id)), ...(comparison && !(shown.has(comparison.a.id) && shown.has(comparison.b.id)) ? { comparison: undefined } : {}) });
  },
  load: async () => {
    const page = await call()('runs.query', { ...get().filter, limit: PAGE });
    if (page) set({ page });
  },
  /** The next page of the same filter, after the rows shown (runs logged since come first on the next load). */
  more: async () => {
    const shown = get().page;
    if (!shown) return;
    const next = await call()('runs.query', { ...get().filter, offset: shown.entries.length, limit: PAGE });
    const have = new Set(shown.entries.map((e) => e.id));
    if (next) set({ page: { ...next, entries: [...shown.entries, ...next.entries.filter((e) => !have.has(e.id))] } });
  },
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
