import type { SamlMessageView } from '../../../shared/views';
import { XmlView } from '../../components/XmlView';

/** A SAML message as it travelled: its IDs, what is signed by what, and its XML. */
export function MessageDetail({ m }: { m: SamlMessageView }) {
  return (
    <section className="panel" aria-label={`${m.param} ${m.kind ?? ''}`}>
      <h3 style={{ marginTop: 0 }}>
        {m.param} · {m.kind ?? '?'} <span className="muted">({m.binding === 'redirect' ? 'HTTP-Redirect' : 'HTTP-POST'})</span>
      </h3>
      <dl className="kv">
        {m.id ? (
          <>
            <dt>ID</dt>
            <dd className="mono">{m.id}</dd>
          </>
        ) : null}
        {m.issuer ? (
          <>
            <dt>Issuer</dt>
            <dd className="mono">{m.issuer}</dd>
          </>
        ) : null}
        {m.inResponseTo ? (
          <>
            <dt>InResponseTo</dt>
            <dd className="mono">{m.inResponseTo}</dd>
          </>
        ) : null}
        {m.relayState !== undefined ? (
          <>
            <dt>RelayState</dt>
            <dd className="mono">{m.relayState || '(empty)'}</dd>
          </>
        ) : null}
        <dt>Signatures</dt>
        <dd data-testid="signatures">
          {m.signatures.length === 0
            ? 'none'
            : m.signatures.map((s, i) => (
                <div key={i}>
                  #{i + 1} on <strong>{s.element}</strong>
                  {s.elementId ? <span className="mono"> → #{s.elementId}</span> : null}{' '}
                  {s.coversParent ? <span className="pass">covers its element</span> : <span className="fail">does not cover its element</span>}
                  {s.signatureAlgorithm ? <span className="muted"> · {s.signatureAlgorithm.split('#').pop()}</span> : null}
                  {s.certificateThumbprint ? <span className="muted mono"> · cert {s.certificateThumbprint}</span> : null}
                </div>
              ))}
        </dd>
      </dl>
      {m.error ? <p className="fail">{m.error}</p> : null}
      {m.pretty ? <XmlView text={m.pretty} label={`${m.param} XML`} /> : null}
    </section>
  );
}
