import { useRef } from 'react';
import { useDiagnose, type AsOfChoice } from '../state/diagnose-store';
import { TraceView } from './run/TraceView';
import { VendorSelect } from '../components/VendorSelect';
import { VerdictPanel } from './diagnose/VerdictPanel';
import { UnaddressedPanel } from './diagnose/UnaddressedPanel';
import { readFileText } from '../lib/download';

function InputPanel() {
  const d = useDiagnose();
  const picker = useRef<HTMLInputElement>(null);
  const load = async (file: File | undefined) => {
    if (file) d.set({ text: await readFileText(file), source: file.name });
  };
  // A loaded file (often megabytes of HAR) is named, not shown in the text box.
  const fromFile = Boolean(d.text) && d.source !== 'pasted';
  return (
    <section className="panel" aria-label="What the customer sent">
      <div className="row" style={{ marginBottom: 8 }}>
        <button className="btn" onClick={() => picker.current?.click()}>
          Load a file…
        </button>
        <input ref={picker} type="file" hidden aria-label="Artefact file" accept=".har,.json,.xml,.txt" onChange={(e) => void load(e.target.files?.[0])} />
        <span className="muted">HAR file, SAML-tracer export, URL with a SAMLRequest, SAMLResponse as XML or base64</span>
      </div>
      {fromFile ? (
        <p data-testid="loaded-file">
          Loaded <strong>{d.source}</strong> ({Math.round(d.text.length / 1024)} KB).{' '}
          <button className="btn" onClick={() => d.set({ text: '', source: '' })}>
            Clear
          </button>
        </p>
      ) : (
        <label className="field">
          <span>Paste it here</span>
          <textarea
            name="artefact"
            value={d.text}
            onChange={(e) => d.set({ text: e.target.value, source: 'pasted' })}
            spellCheck={false}
            aria-invalid={d.inputError ? true : undefined}
            aria-describedby={d.inputError ? 'artefact-error' : undefined}
            placeholder='PHNhbWxwOlJlc3BvbnNl… or https://login.microsoftonline.com/…/saml2?SAMLRequest=… or { "log": { "entries": … } }'
          />
        </label>
      )}
      {d.inputError ? (
        <div className="inline-error" role="alert" id="artefact-error" data-testid="artefact-error">
          {d.inputError}
        </div>
      ) : null}
      <div className="row" style={{ alignItems: 'end' }}>
        <VendorSelect name="vendor" value={d.vendor} onChange={(vendor) => d.set({ vendor })} any="The one the response is addressed to" />
        <label className="field" style={{ width: 260 }}>
          <span>Check it as of</span>
          <select name="as-of" value={d.asOf} onChange={(e) => d.set({ asOf: e.target.value as AsOfChoice })}>
            <option value="now">Now</option>
            <option value="issue-instant">When it was issued (IssueInstant)</option>
            <option value="given">A time I give</option>
          </select>
        </label>
        {d.asOf === 'given' ? (
          <label className="field" style={{ width: 220 }}>
            <span>Time (UTC)</span>
            <input type="datetime-local" step={1} value={d.givenTime} onChange={(e) => d.set({ givenTime: e.target.value })} />
          </label>
        ) : null}
        <button className="btn primary" style={{ marginBottom: 10 }} disabled={!d.text.trim() || d.running || (d.asOf === 'given' && !d.givenTime)} onClick={() => void d.run()}>
          {d.running ? 'Diagnosing…' : 'Diagnose'}
        </button>
      </div>
      <details>
        <summary>What the vendor holds, and the SP's key (optional)</summary>
        <p className="muted">A signer outside what the vendor holds (or what you give here) is refused. When nothing is known of the IdP, the verdict is "undetermined: signer unknown".</p>
        <label className="field">
          <span>The IdP's signing certificate: PEM or Base64</span>
          <textarea name="certificate" value={d.certificate} onChange={(e) => d.set({ certificate: e.target.value })} spellCheck={false} />
        </label>
        <label className="field">
          <span>The IdP's metadata, as the vendor holds it (Federation Metadata XML)</span>
          <textarea name="idp-metadata" value={d.idpMetadata} onChange={(e) => d.set({ idpMetadata: e.target.value })} spellCheck={false} />
        </label>
        <label className="field">
          <span>The SP's private key (PEM), to read an encrypted assertion; used for this diagnosis only</span>
          <textarea name="sp-key" value={d.spKey} onChange={(e) => d.set({ spKey: e.target.value })} spellCheck={false} />
        </label>
      </details>
    </section>
  );
}

function Result() {
  const r = useDiagnose((s) => s.result);
  if (!r) return null;
  return (
    <div data-testid="diagnosis">
      <section className="panel" aria-label="Summary">
        <h2 style={{ marginTop: 0 }} data-testid="diagnosis-summary">
          {r.summary}
        </h2>
        <p className="muted">
          {r.artefact.description}
          {r.artefact.hops.length ? ` · ${r.artefact.hops.length} sign-in hops` : ''}
          {r.artefact.skipped ? ` · ${r.artefact.skipped} other entries left out` : ''} · checked as of {r.asOf.time}
        </p>
        {r.asOf.note ? <p className="warn">{r.asOf.note}</p> : null}
        {r.notes?.map((n) => (
          <p key={n} className="warn-box" data-testid="diagnosis-note">
            {n}
          </p>
        ))}
        {r.artefact.limited ? (
          <p className="warn" data-testid="diagnosis-limited">
            {r.artefact.limited.note}
          </p>
        ) : null}
      </section>
      {r.facts && r.response && !r.verdicts.length && !r.entra.length ? <UnaddressedPanel facts={r.facts} /> : null}
      {r.entra.map((e, i) => (
        <section key={i} className="panel outcome verdict error" aria-label={`Entra ${e.code}`} data-testid="entra-finding" data-code={e.code}>
          <h2 style={{ marginTop: 0 }} className="fail">
            Microsoft Entra ID: <code>{e.code}</code> {e.name ?? ''}
          </h2>
          <p>{e.message}</p>
          {e.fix ? (
            <p>
              <strong>What to change:</strong> {e.fix}
            </p>
          ) : null}
        </section>
      ))}
      {r.request ? (
        <section className="panel" aria-label="AuthnRequest">
          <h2 style={{ marginTop: 0 }}>
            AuthnRequest <span className="mono">{r.request.id}</span>{' '}
            {!r.request.entra.ok ? (
              <span className="badge fail">{r.request.entra.code}</span>
            ) : r.request.otherTenant ? (
              <span className="badge">another tenant</span>
            ) : (
              <span className="badge pass">Entra would take it</span>
            )}
          </h2>
          {r.request.entra.ok ? null : <p>{r.request.entra.message}</p>}
          {r.request.against ? <p data-testid="request-against">{r.request.against}</p> : null}
          <ul>
            {r.request.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* Beside the trace when the capture has hops; the whole width when it is a lone message. */}
      <div className={r.artefact.hops.length ? 'split' : undefined}>
        <div>
          {r.verdicts.map((v) => (
            <VerdictPanel key={v.vendorId} v={v} />
          ))}
        </div>
        {r.artefact.hops.length ? <TraceView hops={r.artefact.hops} /> : null}
      </div>
    </div>
  );
}

/** A customer's artefact in, the vendor's or Entra's answer out, with the reason and the fix. */
export function DiagnoseScreen() {
  return (
    <>
      <h1>Diagnose</h1>
      <p className="subtitle">What Entra ID and the vendor would answer to what the customer sent, why, and what to change. Nothing in the workspace changes.</p>
      <InputPanel />
      <Result />
    </>
  );
}
