import type { FlowRunView } from '../../../shared/views';
import { BrowserFrame } from '../../components/BrowserFrame';
import { FixItButton } from '../../components/FixItButton';
import { useWorkspace } from '../../state/workspace-store';

/** How the flow ended, and the page the user ended on (the vendor's page, or Entra's error page). */
export function OutcomePanel({ run }: { run: FlowRunView }) {
  const o = run.result.outcome;
  const spName = useWorkspace((s) => s.view?.vendors.find((v) => v.id === run.vendorId)?.displayName);
  return (
    <section className={`panel outcome ${o.status === 'error' ? 'error' : ''}`} aria-label="Outcome" data-testid="outcome" data-status={o.status} data-code={o.status === 'error' ? o.code : ''}>
      <div className="outcome-verdict">
        {verdict(o, spName, run.request.flow === 'sp-logout' ? 'sign-out' : 'sign-in')}
        {run.fixes?.length ? <WhatToChange fixes={run.fixes} vendorId={run.vendorId} /> : null}
        {run.result.notes?.map((n) => (
          <p key={n} className="warn-box" data-testid="run-note">
            {n}
          </p>
        ))}
      </div>
      {run.result.page ? <BrowserFrame url={run.result.page.url} runId={run.id} title="The page the flow ended on" testId="outcome-page" /> : null}
    </section>
  );
}

/** What to change after a refusal, each change with the blade and field it is made in. */
function WhatToChange({ fixes, vendorId }: { fixes: NonNullable<FlowRunView['fixes']>; vendorId: string }) {
  return (
    <section className="what-to-change" aria-label="What to change" data-testid="what-to-change">
      <h3>What to change</h3>
      <ol>
        {fixes.map((f) => (
          <li key={`${f.setting}:${f.change}`}>
            <strong>{f.setting}</strong>: {f.change}
            <div className="muted">Because {f.because.replace(/^[A-Z]/, (c) => c.toLowerCase())}</div>
            {f.check ? <FixItButton check={f.check} vendorId={vendorId} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

const STOPPED_BY = { entra: 'Microsoft Entra ID', network: 'The browser', setup: 'The harness', harness: 'The harness' } as const;

/** The headline and, for an error, who stopped it, its message, why, and what collided. */
function verdict(o: FlowRunView['result']['outcome'], spName: string | undefined, what: 'sign-in' | 'sign-out') {
  return (
    <>
      {o.status === 'signed-in' ? (
        <>
          <h2 style={{ marginTop: 0 }} className="pass">
            Signed in as {o.identity.nameId}
          </h2>
          <p className="muted" data-testid="outcome-identity">
            {spName ?? o.sp} accepted the response: NameID format {(o.identity.nameIdFormat ?? 'unspecified').split(':').pop()}, {Object.keys(o.identity.attributes).length} claims
            {o.identity.authnContextClassRef ? `, authenticated by ${o.identity.authnContextClassRef.split(':').pop()}` : ''}.
          </p>
        </>
      ) : o.status === 'signed-out' ? (
        <h2 style={{ marginTop: 0 }} className="pass">
          Signed out of {o.sp}
        </h2>
      ) : o.status === 'issued' ? (
        <h2 style={{ marginTop: 0 }} className="pass">
          Entra issued a response{o.user ? ` for ${o.user}` : ''} to <span className="mono">{o.acsUrl}</span>
        </h2>
      ) : (
        <>
          <h2 style={{ marginTop: 0 }} className="fail">
            {o.source === 'sp' ? (spName ?? 'The service provider') : STOPPED_BY[o.source]} refused the {what}: <span className="outcome-code">{o.code}</span>
            {o.httpStatus ? <span className="muted outcome-status"> HTTP {o.httpStatus}</span> : null}
          </h2>
          <p data-testid="outcome-message">{o.message}</p>
          {o.reason ? (
            <p data-testid="outcome-reason">
              <strong>Why:</strong> {o.reason}
            </p>
          ) : null}
          {o.collided ? (
            <div className="collided" data-testid="outcome-collided">
              <strong>What collided: {o.collided.what}</strong>
              <p>
                Sent <code className="sent">{o.collided.sent.value}</code> <span className="muted">— {o.collided.sent.where}</span>
              </p>
              <p>
                Held {o.collided.held.values.map((v) => <code key={v}>{v}</code>).reduce<React.ReactNode[]>((acc, c, i) => (i ? [...acc, ', ', c] : [c]), [])}{' '}
                <span className="muted">— {o.collided.held.where}</span>
              </p>
            </div>
          ) : null}
          {o.check ? (
            <p className="muted">
              Failed check: <code>{o.check}</code>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
