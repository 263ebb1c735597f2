import { create } from 'zustand';
import type { PresetView, ScenarioFileView, ScenarioRunView } from '../../shared/views';
import { useWorkspace } from './workspace-store';
import { useUi } from './ui-store';

interface ScenarioState {
  presets: PresetView[];
  files: ScenarioFileView[];
  /** The last reproduction or replay, and which preset or file it came from. */
  current: (ScenarioRunView & { from: string }) | undefined;
  running: string | undefined;
  loadPresets(): Promise<void>;
  loadFiles(): Promise<void>;
  runPreset(id: string): Promise<void>;
  replay(from: string, args: { file: string } | { text: string }): Promise<ScenarioRunView | undefined>;
  save(text: string, fileName?: string): Promise<void>;
}

const call = () => useWorkspace.getState().call;

export const useScenarios = create<ScenarioState>((set, get) => ({
  presets: [],
  files: [],
  current: undefined,
  running: undefined,
  loadPresets: async () => {
    if (get().presets.length) return;
    const r = await call()('presets.list', {});
    if (r) set({ presets: r });
  },
  loadFiles: async () => {
    const r = await call()('scenarios.list', {});
    if (r) set({ files: r });
  },
  runPreset: async (id) => {
    set({ running: id });
    try {
      const r = await call()('presets.run', { id });
      if (r) set({ current: { ...r, from: id } });
    } finally {
      set({ running: undefined });
    }
  },
  replay: async (from, args) => {
    set({ running: from });
    try {
      const r = await call()('scenarios.run', args);
      if (r) set({ current: { ...r, from } });
      return r;
    } finally {
      set({ running: undefined });
    }
  },
  save: async (text, fileName) => {
    const r = await call()('scenarios.save', { text, ...(fileName ? { fileName } : {}) });
    if (!r) return;
    set({ files: r.files });
    useUi.getState().toast('info', `Saved scenarios/${r.saved} in the workspace${fileName && r.saved !== fileName ? ` (${fileName} was taken)` : ''}`);
  },
}));
