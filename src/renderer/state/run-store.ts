import { create } from 'zustand';
import type { ApiArgs } from '../../shared/api';
import type { FlowRunView } from '../../shared/views';
import { useWorkspace } from './workspace-store';

interface RunState {
  runs: FlowRunView[];
  current: FlowRunView | undefined;
  running: boolean;
  run(req: ApiArgs<'flows.run'>): Promise<FlowRunView | undefined>;
  select(id: string): void;
  /** Fetches the runs the harness kept, those of outside SPs (your own app, through `serve`) among them. */
  refresh(): Promise<void>;
}

export const useRuns = create<RunState>((set, get) => ({
  runs: [],
  current: undefined,
  running: false,
  run: async (req) => {
    set({ running: true });
    try {
      const result = await useWorkspace.getState().call('flows.run', req);
      if (result) set({ runs: [result, ...get().runs].slice(0, 30), current: result });
      // The run changes the vendor's users; fetch the workspace again.
      await useWorkspace.getState().load();
      return result;
    } finally {
      set({ running: false });
    }
  },
  select: (id) => set({ current: get().runs.find((r) => r.id === id) }),
  refresh: async () => {
    const kept = await useWorkspace.getState().call('runs.list', {});
    if (!kept) return;
    const ids = new Set(kept.map((r) => r.id));
    set({ runs: [...kept, ...get().runs.filter((r) => !ids.has(r.id))].slice(0, 50) });
  },
}));
