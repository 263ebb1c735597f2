import type { AppView, WorkspaceView } from '../../../shared/views';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="mono">
        {value}{' '}
        <button className="btn small" aria-label={`Copy ${label}`} onClick={() => void navigator.clipboard?.writeText(value)}>
          Copy
        </button>
      </dd>
    </>
  );
}

/**
 * The portal's "Set up <app>" card: what the SP needs from Entra. Entra shows its real URLs; the harness adds the
 * form this machine reaches (for your own SP and a real browser), with the same identifiers.
 */
export function SetUpCard({ app, idp }: { app: AppView; idp: WorkspaceView['idp'] }) {
  return (
    <section className="panel setup-card" aria-label={`Set up ${app.displayName}`} data-testid="setup-card">
      <h2 style={{ marginTop: 0 }}>Set up {app.displayName}</h2>
      <p className="muted">You'll need to configure the application to link with Microsoft Entra ID.</p>
      <h3>As Entra shows them</h3>
      <dl className="kv">
        <Row label="Login URL" value={idp.loginUrl} />
        <Row label="Microsoft Entra Identifier" value={idp.issuer} />
        <Row label="Logout URL" value={idp.logoutUrl} />
        <Row label="LogoutResponse Issuer" value={idp.logoutResponseIssuer} />
      </dl>
      {idp.logoutIssuerPitfall ? (
        <details className="warn-box" data-testid="logout-issuer-note">
          <summary>Single logout: the LogoutResponse Issuer is not the Identifier your SP holds</summary>
          <p>{idp.logoutIssuerPitfall.summary}</p>
          <ul>
            {idp.logoutIssuerPitfall.fixes.map((f) => (
              <li key={f.stack}>
                <strong>{f.stack}</strong> <span className="muted">(“{f.symptom}”)</span>: {f.fix}.
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {idp.reachable.map((r) => (
        <div key={r.form} data-form={r.form}>
          <h3>For your own SP on this machine ({r.form})</h3>
          <dl className="kv">
            <Row label={`Login URL (${r.form})`} value={r.loginUrl} />
            <Row label={`Microsoft Entra Identifier (${r.form})`} value={idp.issuer} />
            <Row label={`Logout URL (${r.form})`} value={r.logoutUrl} />
            <Row label={`App Federation Metadata Url (${r.form})`} value={`${r.metadataBase}${app.appId}`} />
          </dl>
        </div>
      ))}
      {idp.caFile ? (
        <p className="muted">
          HTTPS uses the workspace's local CA: trust <span className="mono">{idp.caFile}</span> in your SP and browser.
        </p>
      ) : null}
    </section>
  );
}
