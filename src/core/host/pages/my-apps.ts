import type { EnterpriseApp, Tenant } from '../../idp/model';
import type { IdpUrls } from '../../idp/urls';
import { html, type SafeHtml } from '../../http/html';
import { MS_LOGO, page } from './entra-pages';

/**
 * The My Apps portal as a real browser opens it: a tile per enabled app, each starting an IdP-initiated
 * sign-in (or going to the app's Sign on URL, as the real portal does). Links use Entra's real URLs; the host
 * rewrites them to the form the browser reached it at.
 */
export function myAppsPage(tenant: Tenant, apps: readonly EnterpriseApp[], urls: IdpUrls): SafeHtml {
  const tiles = apps
    .filter((a) => a.enabled)
    .map(
      (a) =>
        html`<li><a class="tile" href="${urls.userAccess(a.appId)}" data-app-id="${a.appId}"><span class="avatar" aria-hidden="true">${a.displayName.slice(0, 1).toUpperCase()}</span><span>${a.displayName}<br><span class="small">${a.saml.signOnUrl ? "Opens the app's sign-on page" : 'Signs in from My Apps (IdP-initiated)'}</span></span></a></li>`,
    );
  const list = tiles.length ? tiles : html`<li class="small">No enabled applications.</li>`;
  return page(
    'My Apps',
    html`<main class="card" style="max-width:640px">${MS_LOGO}<h1>Apps</h1><p class="small">${tenant.displayName} · the harness's mock tenant</p><ul style="list-style:none;padding:0;margin:0" aria-label="Apps">${list}</ul></main>`,
  );
}
