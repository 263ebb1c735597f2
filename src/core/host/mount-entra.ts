import type { Clock } from '../base/clock';
import { EntraIdp, type EntraIdpDeps } from '../idp/entra-idp';
import { idpUrls, type IdpUrls } from '../idp/urls';
import { certificateDownloadHandler } from './certificate-routes';
import { entraLoginHandler, myAppsHandler, type ExchangeObserver } from './entra-routes';
import { toLoopback } from '../http/loopback-urls';
import type { HarnessHost } from './server';

export const ENTRA_HOSTS = { login: 'login.microsoftonline.com', myApps: 'launcher.myapps.microsoft.com' } as const;

/**
 * Puts the mock tenant on the host under Entra's real host names. A Destination may name the Login URL in its
 * real form or in the loopback form an outside client used.
 */
export function mountEntra(
  host: HarnessHost,
  deps: Omit<EntraIdpDeps, 'urls' | 'extraDestinations'> & { clock: Clock; observe?: ExchangeObserver; onTenantKeys?: () => void },
): { idp: EntraIdp; urls: IdpUrls } {
  const urls = idpUrls(deps.state().tenant.id);
  const idp = new EntraIdp({ ...deps, urls, extraDestinations: () => host.origins().map((o) => toLoopback(urls.saml2, o)) });
  host.addVirtualHost(ENTRA_HOSTS.login, entraLoginHandler(idp, urls, deps.clock, deps.observe, deps.onTenantKeys));
  host.addVirtualHost(ENTRA_HOSTS.myApps, myAppsHandler(idp, urls));
  host.mount('/api/idp/', certificateDownloadHandler(idp));
  return { idp, urls };
}
