import { ResetWorkspace } from './components/ResetWorkspace';
import { useEffect, useRef } from 'react';
import { useUi, type Route } from './state/ui-store';
import { useWorkspace } from './state/workspace-store';
import { Toasts } from './components/Toasts';
import { ConnectionBanner } from './components/ConnectionBanner';
import { LeaveDialog } from './components/LeaveDialog';
import { TenantScreen } from './screens/TenantScreen';
import { AppsScreen } from './screens/AppsScreen';
import { NEW_SP, VendorsScreen } from './screens/VendorsScreen';
import { RunScreen } from './screens/RunScreen';
import { DiagnoseScreen } from './screens/DiagnoseScreen';
import { ReproduceScreen } from './screens/ReproduceScreen';
import { ScenariosScreen } from './screens/ScenariosScreen';
import { AttacksScreen } from './screens/AttacksScreen';
import { SignInLogsScreen } from './screens/SignInLogsScreen';

function NavButton({ route, label, current }: { route: Route; label: string; current: boolean }) {
  const go = useUi((s) => s.go);
  return (
    <button aria-current={current ? 'page' : undefined} onClick={() => go(route)}>
      {label}
    </button>
  );
}

/** By name, as Entra lists them: the same order after a restart, whatever order the files load in. */
const byName = <T extends { displayName: string }>(xs: readonly T[] = []) => [...xs].sort((a, b) => a.displayName.localeCompare(b.displayName));

function Sidebar() {
  const route = useUi((s) => s.route);
  const view = useWorkspace((s) => s.view);
  return (
    <nav className="side" aria-label="Sections">
      <h2>Microsoft Entra ID</h2>
      <NavButton route={{ screen: 'tenant', tab: 'users' }} label="Tenant: users & groups" current={route.screen === 'tenant'} />
      <NavButton route={{ screen: 'apps', tab: 'basic' }} label="Enterprise applications" current={route.screen === 'apps' && !route.id} />
      {byName(view?.apps).map((a) => (
        <NavButton key={a.objectId} route={{ screen: 'apps', id: a.objectId, tab: 'basic' }} label={`↳ ${a.displayName}`} current={route.screen === 'apps' && route.id === a.objectId} />
      ))}
      <h2>Service providers</h2>
      {byName(view?.vendors).map((v) => (
        <NavButton key={v.id} route={{ screen: 'vendors', id: v.id }} label={v.displayName} current={route.screen === 'vendors' && route.id === v.id} />
      ))}
      <NavButton route={{ screen: 'vendors', id: NEW_SP }} label="+ New service provider" current={route.screen === 'vendors' && route.id === NEW_SP} />
      <h2>Flows</h2>
      <NavButton route={{ screen: 'run' }} label="Run a flow" current={route.screen === 'run'} />
      <NavButton route={{ screen: 'logs' }} label="Sign-in logs" current={route.screen === 'logs'} />
      <h2>Support</h2>
      <NavButton route={{ screen: 'diagnose' }} label="Diagnose a capture" current={route.screen === 'diagnose'} />
      <NavButton route={{ screen: 'reproduce' }} label="Reproduce an error" current={route.screen === 'reproduce'} />
      <NavButton route={{ screen: 'scenarios' }} label="Scenarios" current={route.screen === 'scenarios'} />
      <h2>Security</h2>
      <NavButton route={{ screen: 'attacks' }} label="Attack pack" current={route.screen === 'attacks'} />
    </nav>
  );
}

/** Moves focus to the screen's heading, so a keyboard or screen-reader user starts there (skip link, navigation). */
function focusScreenHeading(): void {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        e.preventDefault(); // the hash is the route: follow the link by focus, not by URL
        focusScreenHeading();
      }}
    >
      Skip to content
    </a>
  );
}

/** Focus follows navigation to another screen or record; a tab change within a screen keeps it where it is. */
function useFocusOnNavigation(route: Route): void {
  const key = route.screen === 'apps' || route.screen === 'vendors' ? `${route.screen}/${route.id ?? ''}` : route.screen;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestAnimationFrame(focusScreenHeading);
  }, [key]);
}

function Screen() {
  const route = useUi((s) => s.route);
  useFocusOnNavigation(route);
  switch (route.screen) {
    case 'tenant':
      return <TenantScreen tab={route.tab} />;
    case 'apps':
      return <AppsScreen {...(route.id ? { id: route.id } : {})} tab={route.tab} />;
    case 'vendors':
      return <VendorsScreen {...(route.id ? { id: route.id } : {})} />;
    case 'diagnose':
      return <DiagnoseScreen />;
    case 'reproduce':
      return <ReproduceScreen {...(route.source ? { source: route.source } : {})} />;
    case 'scenarios':
      return <ScenariosScreen />;
    case 'attacks':
      return <AttacksScreen />;
    case 'logs':
      return <SignInLogsScreen {...(route.id ? { id: route.id } : {})} />;
    case 'run':
      return <RunScreen {...(route.vendor ? { vendor: route.vendor } : {})} {...(route.flow ? { flow: route.flow } : {})} />;
  }
}

export function App() {
  const { view, error, load } = useWorkspace();
  const { theme, setTheme } = useUi();
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="shell" data-app-ready={view ? 'true' : 'false'}>
      <SkipLink />
      <header className="topbar">
        <span className="brand">SAML Harness</span>
        <span className="muted">Microsoft Entra ID tenant {view ? <strong>{view.tenant.displayName}</strong> : '…'}</span>
        <span className="spacer" />
        {view ? (
          <>
            <span className="ws" title={view.dir}>
              Workspace: {view.dir}
            </span>
            <ResetWorkspace dir={view.dir} />
          </>
        ) : null}
        <button className="btn" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
      </header>
      <Sidebar />
      <main className="content" id="main">
        <ConnectionBanner />
        <LeaveDialog />
        {error ? (
          <div className="banner" role="alert">
            The harness could not be reached: {error}
          </div>
        ) : null}
        {view?.problems.length ? (
          <div className="banner" role="alert" data-testid="load-problems">
            <strong>{view.problems.some((p) => p.code.startsWith('FILE_')) ? 'Some workspace files could not be loaded; the rest is here.' : 'The workspace was opened with a change:'}</strong>
            <ul>
              {view.problems.map((p) => (
                <li key={p.file}>{p.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {view ? <Screen /> : <p className="muted">Loading the workspace…</p>}
      </main>
      <Toasts />
    </div>
  );
}
