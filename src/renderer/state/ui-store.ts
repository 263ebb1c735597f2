import { create } from 'zustand';

export type Theme = 'light' | 'dark';
export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export type Route =
  | { screen: 'tenant'; tab: 'users' | 'groups' | 'attribute-sets' }
  | { screen: 'apps'; id?: string; tab: 'basic' | 'claims' | 'certificates' | 'users' | 'roles' }
  | { screen: 'vendors'; id?: string }
  | { screen: 'run'; vendor?: string; flow?: string }
  | { screen: 'diagnose' }
  | { screen: 'reproduce'; source?: string }
  | { screen: 'scenarios' }
  | { screen: 'attacks' }
  | { screen: 'logs'; id?: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen, id, tab] = path.split('/');
  const q = new URLSearchParams(query);
  if (screen === 'apps') return { screen: 'apps', ...(id ? { id } : {}), tab: (tab as 'claims') ?? 'basic' };
  if (screen === 'vendors') return { screen: 'vendors', ...(id ? { id } : {}) };
  if (screen === 'diagnose' || screen === 'scenarios' || screen === 'attacks') return { screen };
  if (screen === 'logs') return { screen: 'logs', ...(id ? { id } : {}) };
  if (screen === 'reproduce') return { screen: 'reproduce', ...(id ? { source: id } : {}) };
  if (screen === 'run') return { screen: 'run', ...(q.get('vendor') ? { vendor: q.get('vendor')! } : {}), ...(q.get('flow') ? { flow: q.get('flow')! } : {}) };
  return { screen: 'tenant', tab: (id as 'groups') ?? 'users' };
}

export function routeHash(r: Route): string {
  switch (r.screen) {
    case 'tenant':
      return `#/tenant/${r.tab}`;
    case 'apps':
      return r.id ? `#/apps/${r.id}/${r.tab}` : '#/apps';
    case 'vendors':
      return r.id ? `#/vendors/${r.id}` : '#/vendors';
    case 'diagnose':
    case 'scenarios':
    case 'attacks':
      return `#/${r.screen}`;
    case 'logs':
      return r.id ? `#/logs/${r.id}` : '#/logs';
    case 'reproduce':
      return r.source ? `#/reproduce/${r.source}` : '#/reproduce';
    case 'run':
      return `#/run${r.vendor || r.flow ? `?${new URLSearchParams({ ...(r.vendor ? { vendor: r.vendor } : {}), ...(r.flow ? { flow: r.flow } : {}) })}` : ''}`;
  }
}

interface UiState {
  route: Route;
  theme: Theme;
  toasts: Toast[];
  /** Forms holding what the user typed and has not saved, by key, each with the words that name it. */
  unsaved: Readonly<Record<string, string>>;
  /** A navigation held until the user says whether to leave unsaved changes behind. */
  pending: Route | undefined;
  go(r: Route): void;
  markUnsaved(key: string, label: string | undefined): void;
  /** Leaves for the held route, dropping the unsaved changes; or stays where they are. */
  leave(): void;
  stay(): void;
  setTheme(t: Theme): void;
  toast(kind: Toast['kind'], text: string): void;
  dismiss(id: number): void;
}

const storedTheme = (): Theme => {
  const saved = localStorage.getItem('harness-theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

let nextToast = 1;

export const useUi = create<UiState>((set, get) => ({
  route: parseRoute(location.hash),
  theme: storedTheme(),
  toasts: [],
  unsaved: {},
  pending: undefined,
  go: (r) => {
    if (routeHash(r) !== routeHash(get().route) && Object.keys(get().unsaved).length) return set({ pending: r });
    if (location.hash !== routeHash(r)) location.hash = routeHash(r);
    set({ route: r });
  },
  markUnsaved: (key, label) => {
    const { [key]: _was, ...rest } = get().unsaved;
    set({ unsaved: label ? { ...rest, [key]: label } : rest });
    // Saved (or closed) while a move waited on it: nothing is left to lose, so the move goes on.
    const waiting = get().pending;
    if (waiting && !Object.keys(get().unsaved).length) {
      set({ pending: undefined });
      get().go(waiting);
    }
  },
  leave: () => {
    const to = get().pending;
    set({ unsaved: {}, pending: undefined });
    if (to) get().go(to);
  },
  stay: () => set({ pending: undefined }),
  setTheme: (theme) => {
    localStorage.setItem('harness-theme', theme);
    set({ theme });
  },
  toast: (kind, text) => {
    const id = nextToast++;
    // The newest few only: a stack of confirmations would cover the screen they confirm.
    set({ toasts: [...get().toasts, { id, kind, text }].slice(-3) });
    setTimeout(() => get().dismiss(id), kind === 'error' ? 9000 : 4000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

// The address changed by a link, Back or Forward: with unsaved changes, the address goes back and the move waits.
window.addEventListener('hashchange', () => {
  const { route, unsaved } = useUi.getState();
  const next = parseRoute(location.hash);
  if (routeHash(next) === routeHash(route)) return;
  if (Object.keys(unsaved).length) {
    history.replaceState(null, '', routeHash(route));
    useUi.setState({ pending: next });
    return;
  }
  useUi.setState({ route: next });
});
// Closing or reloading the window with unsaved changes: the browser's own "Leave site?" prompt.
window.addEventListener('beforeunload', (e) => {
  if (Object.keys(useUi.getState().unsaved).length) e.preventDefault();
});
