import { useEffect, useState } from 'react';
import { useWorkspace } from '../state/workspace-store';
import { useRuns } from '../state/run-store';
import { Checklist } from '../components/Checklist';
import { DiffView } from '../components/DiffView';
import { OutcomePanel } from './run/OutcomePanel';
import { TraceView } from './run/TraceView';
import type { ProvisioningDiff } from '../../shared/views';

type Flow = 'sp-initiated' | 'idp-initiated' | 'sp-logout';

export function RunScreen({ vendor: initialVendor, flow: initialFlow }: { vendor?: string; flow?: string }) {
  const { view } = useWorkspace();
  const { run, running, current, runs, select } = useRuns();
  const [vendorId, setVendorId] = useState(initialVendor ?? view!.vendors[0]?.id ?? '');
  const vendor = view!.vendors.find((v) => v.id === vendorId);
  const [flow, setFlow] = useState<Flow>((initialFlow as Flow) ?? (vendor?.flows.idpInitiated ? 'idp-initiated' : 'sp-initiated'));
  const [user, setUser] = useState(view!.tenant.users[0]?.attributes.userprincipalname ?? '');
  const [setId, setSetId] = useState('');
  useEffect(() => {
    if (initialVendor) setVendorId(initialVendor);
    if (initialFlow) setFlow(initialFlow as Flow);
  }, [initialVendor, initialFlow]);
  const go = () =>
    void run({
      vendorId,
      flow,
      user,
      ...(setId ? { attributeSetId: setId } : {}),
      ...(flow === 'sp-logout' && current ? { browserOf: current.id } : {}),
    });
  const o = current?.result.outcome;
  const diff = o?.status === 'signed-in' ? (o.details?.diff as ProvisioningDiff | undefined) : undefined;
  return (
    <>
      <h1>Run a flow</h1>
      <p className="subtitle">Sign in through the mock Entra tenant to a service provider, headless, and see every hop, the SP's checks and its verdict.</p>
      <section className="panel" aria-label="Flow">
        <div className="row" style={{ alignItems: 'end' }}>
          <label className="field" style={{ width: 200 }}>
            <span>Service provider</span>
            <select name="vendor" value={vendorId} onChange={(e) => setVendorId(e.target.value)}>
              {view!.vendors.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.displayName}
                </option>
              ))}
            </select>
          </label>
          <label className="field" style={{ width: 200 }}>
            <span>Flow</span>
            <select name="flow" value={flow} onChange={(e) => setFlow(e.target.value as Flow)}>
              <option value="idp-initiated">IdP-initiated (My Apps)</option>
              <option value="sp-initiated">SP-initiated</option>
              <option value="sp-logout">SP-initiated logout (after a sign-in)</option>
            </select>
          </label>
          <label className="field" style={{ width: 260 }}>
            <span>User</span>
            <select name="user" value={user} onChange={(e) => setUser(e.target.value)}>
              {view!.tenant.users.map((u) => (
                <option key={u.objectid} value={u.attributes.userprincipalname}>
                  {u.attributes.displayname} ({u.attributes.userprincipalname})
                </option>
              ))}
            </select>
          </label>
          <label className="field" style={{ width: 260 }}>
            <span>Attribute set (one flow)</span>
            <select name="attribute-set" value={setId} onChange={(e) => setSetId(e.target.value)}>
              <option value="">None — directory values</option>
              {view!.attributeSets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button className="btn primary" onClick={go} disabled={running || !vendorId} style={{ marginBottom: 10 }}>
            {running ? 'Running…' : 'Run'}
          </button>
        </div>
        {runs.length > 1 ? (
          <div className="row">
            <span className="muted">Earlier runs:</span>
            {runs.map((r) => (
              <button key={r.id} className="btn" aria-pressed={r.id === current?.id} onClick={() => select(r.id)}>
                {r.vendorId} · {r.request.flow} · {r.result.outcome.status === 'error' ? r.result.outcome.code : r.result.outcome.status}
              </button>
            ))}
          </div>
        ) : null}
      </section>
      {current ? (
        <div className="split" data-testid="run-result">
          <div>
            <OutcomePanel run={current} />
            {diff ? <DiffView diff={diff} /> : null}
            {current.result.report ? (
              <section className="panel" aria-label="Validation report" data-testid="report" data-ok={String(current.result.report.ok)}>
                <h2 style={{ marginTop: 0 }}>
                  Validation report {current.result.report.ok ? <span className="badge pass">accepted</span> : <span className="badge fail">refused</span>}
                </h2>
                <p className="muted">Evaluated at {current.result.report.evaluatedAt}</p>
                <Checklist items={current.result.report.checks} label="Validation checks" />
              </section>
            ) : null}
          </div>
          <TraceView hops={current.result.hops} />
        </div>
      ) : null}
    </>
  );
}
