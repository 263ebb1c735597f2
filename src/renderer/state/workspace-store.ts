import { create } from 'zustand';
import type { ApiArgs, ApiMethod, ApiResults } from '../../shared/api';
import type { WorkspaceView } from '../../shared/views';
import { api } from '../api/client';
import { useUi } from './ui-store';

interface WorkspaceState {
  view: WorkspaceView | undefined;
  error: string | undefined;
  load(): Promise<void>;
  /** Calls the API; a workspace in the answer replaces the copy here; a failure becomes a toast and undefined. */
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>, success?: string): Promise<ApiResults[M] | undefined>;
}

const isWorkspace = (v: unknown): v is WorkspaceView => typeof v === 'object' && v !== null && 'tenant' in v && 'apps' in v && 'vendors' in v;

/** The renderer's copy of what the core owns; every change goes through the API and comes back from it. */
export const useWorkspace = create<WorkspaceState>((set) => ({
  view: undefined,
  error: undefined,
  load: async () => {
    const r = await api.call('workspace.get', {});
    if (r.ok) set({ view: r.value, error: undefined });
    else if (r.code !== 'SESSION_ENDED' && r.code !== 'NETWORK') set({ error: `${r.code}: ${r.message}` });
  },
  call: async (method, args, success) => {
    const r = await api.call(method, args);
    if (!r.ok) {
      // A lost connection is said once, by the app's banner, not by a toast per call.
      if (r.code !== 'SESSION_ENDED' && r.code !== 'NETWORK') useUi.getState().toast('error', `${r.message}${r.detail?.reason ? ` — ${String(r.detail.reason)}` : ''}`);
      return undefined;
    }
    if (isWorkspace(r.value)) set({ view: r.value });
    else if (method.startsWith('vendors.') && typeof r.value === 'object' && r.value !== null && 'profile' in r.value) {
      const vendor = r.value as unknown as WorkspaceView['vendors'][number];
      set((s) => (s.view ? { view: { ...s.view, vendors: s.view.vendors.map((v) => (v.id === vendor.id ? vendor : v)) } } : {}));
    }
    if (success) useUi.getState().toast('info', success);
    return r.value;
  },
}));
