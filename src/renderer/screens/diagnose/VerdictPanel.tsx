import type { Diagnosis } from '../../../shared/views';
import { Checklist } from '../../components/Checklist';
import { DiffView } from '../../components/DiffView';

type Verdict = Diagnosis['verdicts'][number];

const WHERE = { entra: 'Entra ID', vendor: 'Vendor', capture: 'The capture' } as const;

/** One vendor's answer to the response: its code and reason, what to change, and its SAML checks. */
export function VerdictPanel({ v }: { v: Verdict }) {
  const o = v.outcome;
  return (
    <section
      className={`panel outcome verdict ${o.kind === 'refused' ? 'error' : ''}`}
      aria-label={`${v.displayName} verdict`}
      data-testid="verdict"
      data-vendor={v.vendorId}
      data-outcome={o.kind}
      data-code={o.kind === 'refused' ? o.error.code : ''}
    >
      <h2 style={{ marginTop: 0 }} className={o.kind === 'refused' ? 'fail' : o.kind === 'undetermined' ? 'warn' : 'pass'}>
        {o.kind === 'refused' ? (
          <>
            {v.displayName} would refuse it: <code>{o.error.code}</code> {o.error.name !== o.error.code ? o.error.name : null} <span className="muted">(HTTP {o.error.httpStatus})</span>
          </>
        ) : o.kind === 'undetermined' ? (
          <>Undetermined: {o.reason === 'signer-unknown' ? 'signer unknown' : 'the assertion is encrypted'}</>
        ) : (
          <>
            {v.displayName} would sign in {o.identity.nameId}
            {o.diff ? ` (${o.diff.action})` : ''}
          </>
        )}
      </h2>
      {o.kind === 'refused' ? (
        <>
          <p>{o.error.message}</p>
          <p data-testid="verdict-reason">
            <strong>Why:</strong> {o.error.reason}
          </p>
        </>
      ) : o.kind === 'undetermined' ? (
        <p data-testid="verdict-reason">{o.message}</p>
      ) : null}
      {v.findings.length ? (
        <>
          <h3>Mistakes this shows</h3>
          <ul className="findings" data-testid="findings">
            {v.findings.map((f) => (
              <li key={f.id} data-finding={f.id}>
                <strong>{f.title}</strong>
                <div className="muted">{f.detail}</div>
                {f.preset ? <div className="muted">Reproduce it: Reproduce an error › {f.preset}</div> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {v.fixes.length ? (
        <>
          <h3>What to change</h3>
          <ol className="fixes" data-testid="fixes">
            {v.fixes.map((f, i) => (
              <li key={i}>
                <div>
                  <span className="pill">{WHERE[f.where]}</span> <strong>{f.setting}</strong>
                </div>
                <div>{f.change}</div>
                <div className="muted">Because {f.because}</div>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {v.signer ? (
        <p className={v.signer.known ? 'muted' : 'warn'}>
          Signed by {v.signer.subject}, thumbprint <span className="mono">{v.signer.thumbprint}</span>
          {v.signer.known ? '' : v.trust === 'assumed' ? ' — assumed: nothing is known of the IdP' : ` — not a certificate ${v.displayName} holds here`}
        </p>
      ) : null}
      {v.assumptions.map((a, i) => (
        <p key={i} className="muted">
          Assumed: {a}
        </p>
      ))}
      {o.kind === 'signed-in' && o.diff ? <DiffView diff={o.diff} /> : null}
      <details>
        <summary>
          SAML checks as {v.displayName} makes them {v.report.ok ? <span className="badge pass">accepted</span> : <span className="badge fail">refused</span>}
        </summary>
        <Checklist items={v.report.checks} label={`${v.displayName} checks`} />
      </details>
    </section>
  );
}
