import { useEffect, useState } from 'react';
import { useWorkspace } from '../state/workspace-store';
import { useRuns } from '../state/run-store';
import { RunResult } from '../components/RunResult';
import { VendorSelect } from '../components/VendorSelect';
import { UserSelect } from '../components/UserSelect';
import { ClaimsPreviewPanel } from './run/ClaimsPreviewPanel';
import { SetupWarnings } from './run/SetupWarnings';
import { useRevealed } from '../lib/use-revealed';

type Flow = 'sp-initiated' | 'idp-initiated' | 'sp-logout';

export function RunScreen({ vendor: initialVendor, flow: initialFlow }: { vendor?: string; flow?: string }) {
  const { view } = useWorkspace();
  const { run, running, current, runs, select, refresh } = useRuns();
  const [vendorId, setVendorId] = useState(initialVendor ?? view!.vendors[0]?.id ?? '');
  const vendor = view!.vendors.find((v) => v.id === vendorId);
  const [flow, setFlow] = useState<Flow>((initialFlow as Flow) ?? (vendor?.flows.idpInitiated ? 'idp-initiated' : 'sp-initiated'));
  const [user, setUser] = useState(view!.tenant.users[0]?.attributes.userprincipalname ?? '');
  const [setId, setSetId] = useState('');
  const [picker, setPicker] = useState(false);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (initialVendor) setVendorId(initialVendor);
    if (initialFlow) setFlow(initialFlow as Flow);
  }, [initialVendor, initialFlow]);
  // An SP without single logout has no sign-out to run: choosing it leaves the logout flow for a sign-in.
  useEffect(() => {
    if (flow === 'sp-logout' && vendor && !vendor.flows.logout) setFlow('sp-initiated');
  }, [flow, vendor]);
  // A run's result is drawn below the form and the claims preview: it is brought into view with focus.
  const [fresh, setFresh] = useState<string | undefined>();
  const resultRef = useRevealed<HTMLElement>(fresh);
  const go = () =>
    void run({
      vendorId,
      flow,
      user,
      ...(setId ? { attributeSetId: setId } : {}),
      ...(flow === 'sp-logout' && current ? { browserOf: current.id } : {}),
      ...(flow === 'sp-initiated' && picker ? { accountPicker: true } : {}),
    }).then((r) => setFresh(r?.id));
  // Ctrl+Enter (⌘+Enter) runs from anywhere on the screen, as in a query editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !running && vendorId) {
        e.preventDefault();
        go();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <>
      <h1>Run a flow</h1>
      <p className="subtitle">Sign in through the mock Entra tenant to a service provider, headless, and see every hop, the SP's checks and its verdict.</p>
      <section className="panel" aria-label="Flow">
        <div className="row" style={{ alignItems: 'end' }}>
          <VendorSelect name="vendor" value={vendorId} onChange={setVendorId} width={200} />
          <label className="field" style={{ width: 200 }}>
            <span>Flow</span>
            <select name="flow" value={flow} onChange={(e) => setFlow(e.target.value as Flow)}>
              <option value="idp-initiated">IdP-initiated (My Apps)</option>
              <option value="sp-initiated">SP-initiated</option>
              <option value="sp-logout" disabled={!vendor?.flows.logout}>
                {vendor?.flows.logout ? 'SP-initiated logout (after a sign-in)' : `SP-initiated logout: ${vendor?.displayName ?? 'this SP'} has none`}
              </option>
            </select>
          </label>
          <UserSelect name="user" label="User" value={user} onChange={setUser} />
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
          {flow === 'sp-initiated' ? (
            <label className="check" style={{ marginBottom: 14 }} title="The SP sends no login_hint, as after “Use another account”: Entra shows its account picker.">
              <input type="checkbox" name="account-picker" checked={picker} onChange={(e) => setPicker(e.target.checked)} /> Through Entra's account picker
            </label>
          ) : null}
          <button className="btn primary" onClick={go} disabled={running || !vendorId} style={{ marginBottom: 10 }} aria-keyshortcuts="Control+Enter Meta+Enter" title="Run (Ctrl+Enter)">
            {running ? 'Running…' : 'Run'}
          </button>
        </div>
        <div className="row" data-testid="earlier-runs">
          <span className="muted">Earlier runs{runs.length ? '' : ': none yet'}</span>
          {runs.map((r) => (
            <button key={r.id} className="btn" aria-pressed={r.id === current?.id} onClick={() => select(r.id)} data-run-flow={r.request.flow}>
              {r.request.flow === 'external' ? 'Your SP' : (view!.vendors.find((v) => v.id === r.vendorId)?.displayName ?? r.vendorId)} · {r.request.flow} ·{' '}
              {r.result.outcome.status === 'error' ? r.result.outcome.code : r.result.outcome.status}
              {r.request.user ? ` · ${r.request.user}` : ''} · {new Date(r.result.startedAt).toLocaleTimeString()}
            </button>
          ))}
          <button className="btn" onClick={() => void refresh()}>
            Refresh
          </button>
          <a href="#/logs">Every run: Sign-in logs</a>
        </div>
      </section>
      {vendor && flow !== 'sp-logout' ? <SetupWarnings vendor={vendor} user={user} /> : null}
      {vendor ? <ClaimsPreviewPanel vendor={vendor} user={user} attributeSetId={setId} /> : null}
      {current ? (
        <section ref={resultRef} tabIndex={-1} aria-label="Result of the run" data-testid="run-section">
          <RunResult run={current} />
        </section>
      ) : null}
    </>
  );
}
