import { ConfirmButton } from '../components/ConfirmButton';
import { useEffect, useRef, useState } from 'react';
import { FixItButton } from '../components/FixItButton';
import { useWorkspace } from '../state/workspace-store';
import { useUi } from '../state/ui-store';
import { Checklist } from '../components/Checklist';
import { IdpConfigPanel } from './vendors/IdpConfigPanel';
import { SettingsPanel } from './vendors/SettingsPanel';
import type { SetupCheckView, VendorView } from '../../shared/views';
import { GenericSpEditor } from './vendors/GenericSpEditor';
import { KeyValues } from '../components/KeyValues';

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
      <KeyValues rows={rows}>
        <dt>Attributes it reads</dt>
        <dd>
          {vendor.attributes.length ? (
            vendor.attributes.map((a) => (
              <span key={a.name} className="pill mono">
                {a.name}
                {a.required ? '' : '?'}
              </span>
            ))
          ) : (
            <span className="muted">the NameID only</span>
          )}
        </dd>
        <dt>Flows</dt>
        <dd>{[vendor.flows.spInitiated ? 'SP-initiated' : '', vendor.flows.idpInitiated ? 'IdP-initiated' : '', vendor.flows.logout ? 'single logout' : ''].filter(Boolean).join(', ')}</dd>
      </KeyValues>
    </section>
  );
}

function SetupChecks({ vendor }: { vendor: VendorView }) {
  const { view, call } = useWorkspace();
  const [picked, setUser] = useState(view!.tenant.users[0]?.objectid ?? '');
  // The user picked may be gone (deleted, or the workspace reset): then the first user is the test user.
  const user = view!.tenant.users.some((u) => u.objectid === picked) ? picked : (view!.tenant.users[0]?.objectid ?? '');
  const [checks, setChecks] = useState<SetupCheckView[]>([]);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void call('vendors.setupChecks', { vendorId: vendor.id, ...(user ? { userId: user } : {}) }).then((r) => setChecks(r ?? []));
  }, [vendor, user, call, view]);
  const failing = checks.filter((c) => c.status === 'fail').length;
  // What to fix comes first; the rest keep the guide's order.
  const ordered = [...checks].sort((a, b) => Number(b.status === 'fail') - Number(a.status === 'fail'));
  return (
    <section className="panel" aria-label="Setup checks">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>
          Setup checks{' '}
          {failing ? (
            <button className="badge fail badge-link" onClick={() => listRef.current?.querySelector<HTMLElement>('[data-fix]')?.focus()} aria-label={`${failing} to fix: go to the first`}>
              {failing} to fix
            </button>
          ) : (
            <span className="badge pass">all good</span>
          )}
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
      <div ref={listRef}>
        <Checklist items={ordered} label="Setup check results" action={(c) => (c.status === 'fail' ? <FixItButton check={c.id} vendorId={vendor.id} /> : null)} />
      </div>
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
            {vendor.brand.product} · guide:{' '}
            {vendor.guideUrl ? (
              <a href={vendor.guideUrl} target="_blank" rel="noreferrer noopener">
                {new URL(vendor.guideUrl).host}
                {new URL(vendor.guideUrl).pathname}
              </a>
            ) : (
              <span>{vendor.guide}</span>
            )}
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
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <h2 style={{ marginTop: 0 }}>
                Users at {vendor.displayName} ({vendor.users.length})
              </h2>
              {vendor.users.length > 1 ? (
                <ConfirmButton
                  label="Delete all users"
                  title={`Delete all ${vendor.users.length} users at ${vendor.displayName}?`}
                  confirmLabel={`Delete ${vendor.users.length} users`}
                  onConfirm={() => void call('vendors.deleteUsers', { vendorId: vendor.id, userIds: vendor.users.map((u) => u.id) }, `Deleted ${vendor.users.length} users at ${vendor.displayName}`)}
                >
                  {vendor.displayName} forgets them, as its admin deleting them would: the next sign-in of each creates the user again (where just-in-time provisioning is on).
                </ConfirmButton>
              ) : null}
            </div>
            <table>
              <thead>
                <tr>
                  <th>User</th>
                  <th>Fields</th>
                  <th>Groups</th>
                  <th>Source</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
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
                    <td>
                      <ConfirmButton
                        label="Delete"
                        ariaLabel={`Delete ${u.email} at ${vendor.displayName}`}
                        title={`Delete ${u.email} at ${vendor.displayName}?`}
                        confirmLabel="Delete user"
                        onConfirm={() => void call('vendors.deleteUsers', { vendorId: vendor.id, userIds: [u.id] }, `Deleted ${u.email} at ${vendor.displayName}`)}
                      >
                        {vendor.displayName} forgets this user (the tenant keeps it): the next sign-in creates it again where just-in-time provisioning is on.
                      </ConfirmButton>
                    </td>
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
