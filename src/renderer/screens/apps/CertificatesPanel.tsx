import { useEffect, useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import { XmlView } from '../../components/XmlView';
import type { AppView } from '../../../shared/views';
import { toBasics } from './app-draft';
import { downloadBytes, downloadText } from '../../lib/download';

export function CertificatesPanel({ app }: { app: AppView }) {
  const call = useWorkspace((s) => s.call);
  const [metadata, setMetadata] = useState<{ xml: string; pretty: string } | undefined>();
  useEffect(() => {
    void call('apps.metadata', { objectId: app.objectId }).then((r) => setMetadata(r));
  }, [app, call]);
  const bytes = metadata ? new TextEncoder().encode(metadata.xml).length : 0;

  const basics = toBasics(app);
  const setSigning = (patch: Partial<AppView['signing']>) => void call('apps.save', { app: { ...basics, signing: { ...basics.signing, ...patch } } }, 'Signing settings saved');
  const rawUrl = async (thumbprint: string) => {
    const cert = await call('apps.certificate', { objectId: app.objectId, thumbprint });
    if (cert)
      downloadBytes(
        cert.fileName,
        Uint8Array.from(atob(cert.base64), (c) => c.charCodeAt(0)),
        'application/pkix-cert',
      );
  };
  return (
    <section aria-label="SAML Certificates">
      <section className="panel" aria-label="Token signing certificate">
        <h3>Token signing certificate</h3>
        <div className="grid2">
          <label className="field">
            <span>Signing Option</span>
            <select name="signing-option" value={app.signing.option} onChange={(e) => setSigning({ option: e.target.value as AppView['signing']['option'] })}>
              <option value="assertion">Sign SAML assertion</option>
              <option value="response">Sign SAML response</option>
              <option value="response-and-assertion">Sign SAML response and assertion</option>
            </select>
          </label>
          <label className="field">
            <span>Signing Algorithm</span>
            <select value={app.signing.algorithm} onChange={(e) => setSigning({ algorithm: e.target.value as 'sha256' | 'sha1' })}>
              <option value="sha256">SHA-256</option>
              <option value="sha1">SHA-1</option>
            </select>
          </label>
        </div>
        <table>
          <thead>
            <tr>
              <th>Status</th>
              <th>Thumbprint</th>
              <th>Expiration</th>
              <th>Download</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {app.signing.certificates.map((c) => (
              <tr key={c.thumbprint}>
                <td>{c.active ? <span className="badge pass">Active</span> : <span className="badge skipped">Inactive</span>}</td>
                <td className="mono">{c.thumbprint}</td>
                <td>{new Date(c.notAfter).toLocaleDateString()}</td>
                <td>
                  <button className="btn" onClick={() => downloadText(`${app.displayName}.cer`, c.certificatePem, 'application/x-x509-ca-cert')}>
                    Certificate (Base64)
                  </button>{' '}
                  <button className="btn" onClick={() => void rawUrl(c.thumbprint)}>
                    Certificate (Raw)
                  </button>
                </td>
                <td>
                  {!c.active ? (
                    <button className="btn" onClick={() => void call('apps.activateCertificate', { objectId: app.objectId, thumbprint: c.thumbprint }, 'Certificate activated')}>
                      Make certificate active
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button className="btn" onClick={() => void call('apps.createCertificate', { objectId: app.objectId }, 'New certificate created (inactive)')}>
          + New certificate
        </button>
      </section>
      <section className="panel" aria-label="Federation Metadata XML">
        <h3>Federation Metadata XML</h3>
        <dl className="kv">
          <dt>App Federation Metadata Url</dt>
          <dd className="mono" data-testid="metadata-url">
            {app.metadataUrl}
          </dd>
        </dl>
        <div className="row" style={{ margin: '8px 0' }}>
          <button className="btn" disabled={!metadata} onClick={() => metadata && downloadText(`${app.displayName}.xml`, metadata.xml, 'application/xml')}>
            Download
          </button>
          {metadata ? (
            <span className="muted" data-testid="metadata-note">
              Shown formatted. Download and Copy give the document as Entra serves it: {bytes.toLocaleString()} bytes on one line, with its byte-order mark; its signature covers those bytes' content,
              not the formatting.
            </span>
          ) : null}
        </div>
        {metadata ? <XmlView text={metadata.pretty} copyText={metadata.xml} label="Federation Metadata XML" /> : null}
      </section>
    </section>
  );
}
