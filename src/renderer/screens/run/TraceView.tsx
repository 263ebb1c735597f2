import { useEffect, useState } from 'react';
import type { Hop } from '../../../shared/views';
import { MessageDetail } from './MessageDetail';

/** The hops of a flow as a timeline, like SAML-tracer; the selected hop's details and SAML messages below. */
export function TraceView({ hops }: { hops: Hop[] }) {
  const firstSaml = hops.findIndex((h) => h.saml.length > 0);
  const [selected, setSelected] = useState(firstSaml >= 0 ? firstSaml : 0);
  useEffect(
    () =>
      setSelected(
        Math.max(
          0,
          hops.findIndex((h) => h.saml.some((m) => m.param === 'SAMLResponse')),
        ),
      ),
    [hops],
  );
  const hop = hops[selected];
  return (
    <section aria-label="Trace">
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Trace ({hops.length} hops)</h2>
        <ol className="timeline" data-testid="trace">
          {hops.map((h, i) => (
            <li key={i}>
              <button aria-pressed={i === selected} onClick={() => setSelected(i)}>
                <span className="muted">{i + 1}</span>
                <strong>{h.method}</strong>
                <span className="url" title={h.url}>
                  {h.url}
                  {h.saml.map((m, j) => (
                    <span key={j} className="saml">
                      {m.param === 'SAMLRequest' ? (m.kind ?? 'SAMLRequest') : (m.kind ?? 'SAMLResponse')}
                    </span>
                  ))}
                  {h.page?.aadsts ? <span className="saml fail">AADSTS{h.page.aadsts}</span> : null}
                </span>
                <span className={h.status >= 400 ? 'fail' : ''}>{h.status}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
      {hop ? (
        <div className="panel" aria-label="Hop details">
          <dl className="kv">
            <dt>Request</dt>
            <dd className="mono">
              {hop.method} {hop.url}
            </dd>
            <dt>Status</dt>
            <dd>{hop.status}</dd>
            {hop.location ? (
              <>
                <dt>Location</dt>
                <dd className="mono">{hop.location}</dd>
              </>
            ) : null}
            <dt>Cookies sent / set</dt>
            <dd className="mono">
              {hop.cookiesSent.join(', ') || '—'} / {hop.cookiesSet.map((c) => c.split('=')[0]).join(', ') || '—'}
            </dd>
            {hop.form ? (
              <>
                <dt>Form fields</dt>
                <dd className="mono">{Object.keys(hop.form).join(', ')}</dd>
              </>
            ) : null}
            <dt>Time</dt>
            <dd>{hop.durationMs} ms</dd>
          </dl>
        </div>
      ) : null}
      {hop?.saml.map((m, i) => (
        <MessageDetail key={`${selected}-${i}`} m={m} />
      ))}
    </section>
  );
}
