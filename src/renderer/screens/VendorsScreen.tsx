import { useEffect, useState } from 'react';
import { useWorkspace } from '../state/workspace-store';
import { useUi } from '../state/ui-store';
import { Checklist } from '../components/Checklist';
import { IdpConfigPanel } from './vendors/IdpConfigPanel';
import { SettingsPanel } from './vendors/SettingsPanel';
import type { SetupCheckView, VendorView } from '../../shared/views';
import { GenericSpEditor } from './vendors/GenericSpEditor';

/** The route of the "New service provider" page. */
export const NEW_SP = 'new';

function EntraValues({ vendor }: { vendor: VendorView }) {
  const rows: Array<[string, string | undefined]> = [
    ['Identifier (Entity ID)', vendor.urls.identifier],
    ['Reply URL (ACS)', vendor.urls.replyUrl],
    ['Sign on URL', vendor.urls.signOnUrl],
    ['Relay State', vendor.urls.relayState],
    ['Logout Url', vendor.urls.logoutUrl],
  ];
  return (
    <section className="panel" aria-label="Values for Entra">
      <h2 style={{ marginTop: 0 }}>What the guide says to enter in Entra</h2>
      <dl className="kv">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{k}</dt>
              <dd className="mono">{v}</dd>
            </div>
          ))}
        <dt>Attributes it reads</dt>
        <dd>{vendor.attributes.length ? vendor.attributes.map((a) => <span key={a.name} className="pill mono">{a.name}{a.required ? '' : '?'}</span>) : <span className="muted">the NameID only</span>}</dd>
        <dt>Flows</dt>
        <dd>{[vendor.flows.spInitiated ? 'SP-initiated' : '', vendor.flows.idpInitiated ? 'IdP-initiated' : '', vendor.flows.logout ? 'single logout' : ''].filter(Boolean).join(', ')}</dd>
      </dl>
    </section>
  );
}

function SetupChecks({ vendor }: { vendor: VendorView }) {
  const { view, call } = useWorkspace();
  const [user, setUser] = useState(view!.tenant.users[0]?.objectid ?? '');
  const [checks, setChecks] = useState<SetupCheckView[]>([]);
  useEffect(() => {
    void call('vendors.setupChecks', { vendorId: vendor.id, ...(user ? { userId: user } : {}) }).then((r) => setChecks(r ?? []));
  }, [vendor, user, call, view]);
  const failing = checks.filter((c) => c.status === 'fail').length;
  return (
    <section className="panel" aria-label="Setup checks">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>
          Setup checks {failing ? <span className="badge fail">{failing} to fix</span> : <span className="badge pass">all good</span>}
        </h2>
        <label className="row">
          Test user
          <select value={user} onChange={(e) => setUser(e.target.value)} aria-label="Test user" style={{ width: 260 }}>
            {view!.tenant.users.map((u) => (
              <option key={u.objectid} value={u.objectid}>
                {u.attributes.displayname}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Checklist items={checks} label="Setup check results" />
    </section>
  );
}

export function VendorsScreen({ id }: { id?: string }) {
  const { view, call } = useWorkspace();
  const go = useUi((s) => s.go);
  if (id === NEW_SP) {
    return (
      <>
        <h1>New service provider</h1>
        <p className="subtitle">Define any SP the harness does not ship — from a form or its metadata. Its enterprise app is created with it.</p>
        <GenericSpEditor />
      </>
    );
  }
  const vendor = view!.vendors.find((v) => v.id === id) ?? view!.vendors[0];
  if (!vendor) return <p>No service providers in this workspace.</p>;
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', borderLeft: `6px solid ${vendor.brand.color}`, paddingLeft: 12 }}>
        <div>
          <h1>{vendor.displayName}</h1>
          <p className="subtitle">
            {vendor.brand.product} · guide: <code>{vendor.guide}</code>
          </p>
        </div>
        <div className="row">
          {vendor.flows.idpInitiated || vendor.flows.spInitiated ? (
            <button className="btn primary" onClick={() => go({ screen: 'run', vendor: vendor.id })}>
              Run a flow
            </button>
          ) : null}
        </div>
      </div>
      {vendor.definition ? <GenericSpEditor key={`def-${vendor.id}`} existing={vendor.definition} /> : null}
      <div className="grid2">
        <div>
          <IdpConfigPanel key={`idp-${vendor.id}`} vendor={vendor} />
          <SettingsPanel key={`settings-${vendor.id}`} vendor={vendor} />
          {vendor.faults.length ? (
            <section className="panel" aria-label="Fault injection">
              <h2 style={{ marginTop: 0 }}>Back-end faults</h2>
              {vendor.faults.map((f) => (
                <label key={f.name} className="row">
                  <input type="checkbox" checked={f.on} onChange={(e) => void call('vendors.setFault', { vendorId: vendor.id, fault: f.name, on: e.target.checked })} /> {f.description}
                </label>
              ))}
            </section>
          ) : null}
          <EntraValues vendor={vendor} />
        </div>
        <div>
          <SetupChecks key={`checks-${vendor.id}`} vendor={vendor} />
          <section className="panel" aria-label="Users at the vendor">
            <h2 style={{ marginTop: 0 }}>Users at {vendor.displayName} ({vendor.users.length})</h2>
            <table>
              <thead>
                <tr>
                  <th>User</th>
                  <th>Fields</th>
                  <th>Groups</th>
                  <th>Source</th>
                </tr>
              </thead>
              <tbody>
                {vendor.users.map((u) => (
                  <tr key={u.id} data-user={u.email}>
                    <td>
                      {u.email}
                      <div className="muted mono">{u.id}</div>
                    </td>
                    <td className="mono">
                      {Object.entries(u.fields)
                        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)
                        .join('; ')}
                    </td>
                    <td>{u.groups.join(', ') || '—'}</td>
                    <td>{u.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <details className="panel">
            <summary>
              <strong>Error catalogue ({vendor.errors.length})</strong>
            </summary>
            <table>
              <tbody>
                {vendor.errors.map((e) => (
                  <tr key={e.code}>
                    <td className="mono">{e.code}</td>
                    <td>
                      <strong>{e.name}</strong>
                      <div className="muted">{e.text}</div>
                    </td>
                    <td>HTTP {e.httpStatus}</td>
                    <td className="muted">{e.provenance}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      </div>
    </>
  );
}
