import { Tabs } from '../components/Tabs';
import { useUi } from '../state/ui-store';
import { useWorkspace } from '../state/workspace-store';
import { BasicPanel } from './apps/BasicPanel';
import { ClaimsPanel } from './apps/ClaimsPanel';
import { CertificatesPanel } from './apps/CertificatesPanel';
import { AssignmentPanel } from './apps/AssignmentPanel';

const TABS = [
  { id: 'basic', label: 'Basic SAML Configuration' },
  { id: 'claims', label: 'Attributes & Claims' },
  { id: 'certificates', label: 'SAML Certificates' },
  { id: 'users', label: 'Users and groups' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function AppsScreen({ id, tab }: { id?: string; tab: Tab }) {
  const { view } = useWorkspace();
  const go = useUi((s) => s.go);
  const app = view!.apps.find((a) => a.objectId === id);
  if (!app) {
    return (
      <>
        <h1>Enterprise applications</h1>
        <p className="subtitle">One app per service provider, set up with SAML single sign-on.</p>
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
      <Tabs label="Single sign-on" tabs={TABS} active={tab} onChange={(t) => go({ screen: 'apps', id: app.objectId, tab: t })} />
      {tab === 'basic' ? <BasicPanel app={app} /> : tab === 'claims' ? <ClaimsPanel app={app} /> : tab === 'certificates' ? <CertificatesPanel app={app} /> : <AssignmentPanel app={app} />}
    </>
  );
}
