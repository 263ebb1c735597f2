import { ConfirmButton } from '../../components/ConfirmButton';
import { useUnsaved } from '../../lib/use-unsaved';
import { useEffect, useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import { useRuns } from '../../state/run-store';
import type { VendorView } from '../../../shared/views';

const TITLES = {
  'metadata-xml': 'Metadata XML',
  'metadata-url': 'Metadata URL',
  'signon-url-and-certificate': 'Sign-on URL and public certificate',
  'sent-to-support': 'Sent to the vendor’s support team',
} as const;

/** The vendor's own settings page for the IdP, the way its guide describes it. */
export function IdpConfigPanel({ vendor }: { vendor: VendorView }) {
  const { view, call } = useWorkspace();
  const run = useRuns((s) => s.run);
  const app = view!.apps.find((a) => a.objectId === vendor.appObjectId);
  const saved = vendor.idpConfig?.input;
  const [method, setMethod] = useState(saved?.method ?? vendor.idpConfigMethods[0]!);
  const [xml, setXml] = useState(saved && 'metadataXml' in saved ? saved.metadataXml : '');
  const [url, setUrl] = useState(saved?.method === 'metadata-url' ? saved.metadataUrl : '');
  const [signOnUrl, setSignOnUrl] = useState(saved?.method === 'signon-url-and-certificate' ? saved.signOnUrl : '');
  const [certificate, setCertificate] = useState(saved?.method === 'signon-url-and-certificate' ? saved.certificate : '');
  useEffect(() => {
    if (!saved) return;
    setMethod(saved.method);
    if ('metadataXml' in saved) setXml(saved.metadataXml);
    setEdited(false);
  }, [saved]);
  // Edited by the user (typed, filled, another method) and not saved since: what leaving would drop.
  const [edited, setEdited] = useState(false);
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setEdited(true);
    };
  useUnsaved(`idp-config:${vendor.id}`, edited, `${vendor.displayName}'s single sign-on configuration`);
  const fromEntra = async () => {
    if (!app) return;
    const md = await call('apps.metadata', { objectId: app.objectId });
    if (method === 'metadata-url') setUrl(app.metadataUrl);
    else if (method === 'signon-url-and-certificate') {
      setSignOnUrl(view!.idp.loginUrl);
      setCertificate(app.signing.certificates.find((c) => c.active)?.certificatePem ?? '');
    } else if (md) setXml(md.xml);
    setEdited(true);
  };
  const input = () => (method === 'metadata-url' ? { method, metadataUrl: url } : method === 'signon-url-and-certificate' ? { method, signOnUrl, certificate } : { method, metadataXml: xml });
  const save = async () => {
    const saved = await call('vendors.configure', { vendorId: vendor.id, input: input() }, method === 'sent-to-support' ? 'Sent to support' : 'Saved');
    if (saved) setEdited(false);
    // Hugging Face: "Update and Test SAML configuration" runs the test sign-in right away.
    if (saved && method === 'signon-url-and-certificate') await run({ vendorId: vendor.id, flow: 'sp-initiated', user: view!.tenant.users[0]?.attributes.userprincipalname });
  };
  return (
    <section className="panel" aria-label="Single sign-on configuration">
      <h2 style={{ marginTop: 0 }}>SAML single sign-on at {vendor.displayName}</h2>
      <p>
        Status:{' '}
        {vendor.configured ? (
          <span className="badge pass">configured</span>
        ) : vendor.idpConfig?.method === 'sent-to-support' ? (
          <span className="badge warn">sent to support, not applied yet</span>
        ) : (
          <span className="badge fail">not configured</span>
        )}
        {vendor.idpConfig ? (
          <span className="muted">
            {' '}
            — {TITLES[vendor.idpConfig.method]}: {vendor.idpConfig.summary}
          </span>
        ) : null}
      </p>
      {vendor.idpConfigMethods.length > 1 ? (
        <label className="field" style={{ maxWidth: 320 }}>
          <span>Metadata retrieval method</span>
          <select value={method} onChange={(e) => edit(setMethod)(e.target.value as typeof method)}>
            {vendor.idpConfigMethods.map((m) => (
              <option key={m} value={m}>
                {TITLES[m]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {method === 'metadata-url' ? (
        <label className="field">
          <span>Metadata URL</span>
          <input name="metadata-url" value={url} onChange={(e) => edit(setUrl)(e.target.value)} placeholder="https://login.microsoftonline.com/…/federationmetadata.xml?appid=…" />
        </label>
      ) : method === 'signon-url-and-certificate' ? (
        <>
          <label className="field">
            <span>Sign-on URL</span>
            <input name="signon-url" value={signOnUrl} onChange={(e) => edit(setSignOnUrl)(e.target.value)} />
          </label>
          <label className="field">
            <span>Public certificate</span>
            <textarea name="certificate" value={certificate} onChange={(e) => edit(setCertificate)(e.target.value)} placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'} />
          </label>
        </>
      ) : (
        <label className="field">
          <span>{method === 'sent-to-support' ? 'Federation Metadata XML to send to support' : 'Metadata XML'}</span>
          <textarea name="metadata-xml" value={xml} onChange={(e) => edit(setXml)(e.target.value)} placeholder="Paste the Federation Metadata XML downloaded from Entra" />
        </label>
      )}
      <div className="row">
        {app ? (
          <button className="btn" onClick={() => void fromEntra()} title={`Take it from ${app.displayName} in Entra, as if downloaded`}>
            Fill from the Entra app
          </button>
        ) : null}
        <button className="btn primary" onClick={() => void save()}>
          {method === 'signon-url-and-certificate' ? 'Update and Test SAML configuration' : method === 'sent-to-support' ? 'Send to support' : 'Save'}
        </button>
        {vendor.idpConfig?.method === 'sent-to-support' && !vendor.supportApplied ? (
          <button className="btn" onClick={() => void call('vendors.supportApplies', { vendorId: vendor.id }, 'Support applied the configuration')}>
            Support applied it
          </button>
        ) : null}
        {vendor.actions.map((a) => (
          <button key={a.id} className="btn" onClick={() => void call('vendors.action', { vendorId: vendor.id, action: a.id }, `${a.label}: done`)}>
            {a.label}
          </button>
        ))}
        {vendor.idpConfig && vendor.idpConfigDeletable ? (
          <ConfirmButton
            label="Delete"
            ariaLabel="Delete the IdP metadata"
            title="Delete the IdP metadata?"
            confirmLabel="Delete metadata"
            onConfirm={() => void call('vendors.clearConfig', { vendorId: vendor.id }, 'Metadata deleted: SSO is off')}
          >
            {vendor.displayName} forgets the Federation Metadata XML it was given, and SSO is off until it is given again.
          </ConfirmButton>
        ) : null}
      </div>
    </section>
  );
}
