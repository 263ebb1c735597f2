import type { IdpState } from '../../idp/entra-idp';
import type { IdpUrls } from '../../idp/urls';
import { html, type SafeHtml } from '../../http/html';

/** The tenant's home page on loopback: what runs, and where. */
export function statusPage(state: IdpState, urls: IdpUrls, loopback: (u: string) => string): SafeHtml {
  const link = (u: string) => html`<a href="${loopback(u)}">${u}</a>`;
  const apps = state.apps.map((a) => html`<tr><td>${a.displayName}</td><td><code>${a.appId}</code></td><td>${link(urls.appMetadata(a.appId))}</td><td>${link(urls.userAccess(a.appId))}</td></tr>`);
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SAML Harness</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}code{font-size:.9em}td,th{padding:.3rem .6rem;text-align:left;border-bottom:1px solid #ddd}</style></head>
<body data-app-ready="true"><h1>SAML Harness</h1>
<p>Mock Microsoft Entra ID tenant <strong>${state.tenant.displayName}</strong> (<code>${state.tenant.id}</code>).</p>
<p>Login URL (SSO and logout): ${link(urls.saml2)}<br>Microsoft Entra Identifier: <code>https://sts.windows.net/${state.tenant.id}/</code></p>
<h2>Enterprise applications</h2><table><tr><th>Name</th><th>Application ID</th><th>App Federation Metadata URL</th><th>User access URL (IdP-initiated)</th></tr>${apps}</table>
</body></html>`;
}
