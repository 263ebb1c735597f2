import { useState } from 'react';
import { Tabs } from '../components/Tabs';
import { ConfirmButton } from '../components/ConfirmButton';
import type { AppView } from '../../shared/views';
import { useUi } from '../state/ui-store';
import { useWorkspace } from '../state/workspace-store';
import { BasicPanel } from './apps/BasicPanel';
import { ClaimsPanel } from './apps/ClaimsPanel';
import { CertificatesPanel } from './apps/CertificatesPanel';
import { AssignmentPanel } from './apps/AssignmentPanel';
import { toBasics } from './apps/app-draft';
import { AppRolesPanel } from './apps/AppRolesPanel';

const TABS = [
  { id: 'basic', label: 'Basic SAML Configuration' },
  { id: 'claims', label: 'Attributes & Claims' },
  { id: 'certificates', label: 'SAML Certificates' },
  { id: 'users', label: 'Users and groups' },
  { id: 'roles', label: 'App roles' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** "New application": your own (non-gallery) app, or one from the gallery. */
function NewApplication() {
  const call = useWorkspace((s) => s.call);
  // The gallery: a template per shipped vendor, as its guide sets the app up (from the core's vendor registry).
  const gallery = useWorkspace((s) => s.view!.gallery);
  const go = useUi((s) => s.go);
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const create = async () => {
    const r = await call('apps.create', { displayName: name.trim(), ...(template ? { template } : {}) }, `${name.trim()} created`);
    if (r) go({ screen: 'apps', id: r.created, tab: 'basic' });
  };
  return (
    <section className="panel" aria-label="New application">
      <h2 style={{ marginTop: 0 }}>New application</h2>
      <div className="row" style={{ alignItems: 'end' }}>
        <label className="field" style={{ width: 320 }}>
          <span>Name</span>
          <input name="new-app-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="My SAML app" />
        </label>
        <label className="field" style={{ width: 320 }}>
          <span>From</span>
          <select name="new-app-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            <option value="">Integrate any other application you don't find in the gallery (Non-gallery)</option>
            {gallery.map((g) => (
              <option key={g.id} value={g.id}>
                Gallery: {g.name}
              </option>
            ))}
          </select>
        </label>
        <button className="btn primary" style={{ marginBottom: 10 }} disabled={!name.trim()} onClick={() => void create()}>
          Create
        </button>
      </div>
    </section>
  );
}

/** Properties: the name, and deleting the app (with a confirmation). */
function AppProperties({ app }: { app: AppView }) {
  const call = useWorkspace((s) => s.call);
  const go = useUi((s) => s.go);
  const [name, setName] = useState(app.displayName);
  return (
    <div className="row" style={{ alignItems: 'end' }}>
      <label className="field" style={{ width: 320 }}>
        <span>Name</span>
        <input name="app-name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button
        className="btn"
        style={{ marginBottom: 10 }}
        disabled={!name.trim() || name === app.displayName}
        onClick={() => void call('apps.save', { app: { ...toBasics(app), displayName: name.trim() } }, 'Renamed')}
      >
        Rename
      </button>
      <div style={{ marginBottom: 10 }}>
        <ConfirmButton
          label="Delete application"
          title={`Delete ${app.displayName}?`}
          confirmLabel="Delete"
          onConfirm={() => void call('apps.delete', { objectId: app.objectId }, `${app.displayName} deleted`).then((r) => r && go({ screen: 'apps', tab: 'basic' }))}
        >
          <p>
            The enterprise application, its claims and its signing certificates are deleted. Sign-ins to it fail with AADSTS700016 from then on
            {app.vendorId ? `; ${app.vendorId} keeps its own settings` : ''}.
          </p>
        </ConfirmButton>
      </div>
    </div>
  );
}

export function AppsScreen({ id, tab }: { id?: string; tab: Tab }) {
  const { view } = useWorkspace();
  const go = useUi((s) => s.go);
  const app = view!.apps.find((a) => a.objectId === id);
  if (!app) {
    return (
      <>
        <h1>Enterprise applications</h1>
        <p className="subtitle">One app per service provider, set up with SAML single sign-on.</p>
        <NewApplication />
        <section className="panel">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Application ID</th>
                <th>Identifier</th>
                <th>Signing</th>
              </tr>
            </thead>
            <tbody>
              {view!.apps.map((a) => (
                <tr key={a.objectId}>
                  <td>
                    <a href={`#/apps/${a.objectId}/basic`}>{a.displayName}</a>
                  </td>
                  <td className="mono">{a.appId}</td>
                  <td className="mono">{a.saml.identifiers.find((i) => i.isDefault)?.value ?? a.saml.identifiers[0]?.value}</td>
                  <td>{a.signing.option}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </>
    );
  }
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <div>
          <h1>{app.displayName}</h1>
          <p className="subtitle">
            Enterprise application · Application ID <code>{app.appId}</code>
          </p>
        </div>
        {app.vendorId ? (
          <button className="btn primary" onClick={() => go({ screen: 'run', vendor: app.vendorId!, flow: 'idp-initiated' })}>
            Test single sign-on
          </button>
        ) : null}
      </div>
      <AppProperties key={app.objectId} app={app} />
      <Tabs label="Single sign-on" tabs={TABS} active={tab} onChange={(t) => go({ screen: 'apps', id: app.objectId, tab: t })} />
      {tab === 'basic' ? (
        <BasicPanel app={app} />
      ) : tab === 'claims' ? (
        <ClaimsPanel app={app} />
      ) : tab === 'certificates' ? (
        <CertificatesPanel app={app} />
      ) : tab === 'roles' ? (
        <AppRolesPanel app={app} />
      ) : (
        <AssignmentPanel app={app} />
      )}
    </>
  );
}
