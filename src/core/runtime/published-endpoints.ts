import { MYAPPS_ORIGIN, idpUrls, type IdpUrls } from '../idp/urls';
import { toLoopback } from '../http/loopback-urls';
import { reachableIdpUrls } from '../idp/urls';

/** What the endpoints are read from: the tenant's ID and the origins the host answers at. */
export interface EndpointSource {
  ws: { tenant: { id: string } };
  origin: string;
  harness: { httpsOrigin?: string | undefined };
}

export interface PublishedEndpoints {
  /** Which form these are: loopback over http or https, or Entra's real URLs. */
  form: 'http' | 'https' | 'real';
  label: string;
  urls: IdpUrls;
  myApps: string;
}

/**
 * The tenant's endpoints in each form a real SP and browser on this machine can use: loopback over http, and
 * over https when the host serves it; or, on request, Entra's real URLs (for a hosts-file mapping). The
 * identifiers never change.
 */
export function publishedEndpoints(rt: EndpointSource, real = false): PublishedEndpoints[] {
  const tenant = rt.ws.tenant.id;
  if (real) {
    const urls = idpUrls(tenant);
    return [{ form: 'real', label: "Entra's real URLs (map their host names to 127.0.0.1, and serve HTTPS on 443)", urls, myApps: `${MYAPPS_ORIGIN}/` }];
  }
  const origins = [{ form: 'http' as const, origin: rt.origin }, ...(rt.harness.httpsOrigin ? [{ form: 'https' as const, origin: rt.harness.httpsOrigin }] : [])];
  return origins.map(({ form, origin }) => ({
    form,
    label: `Over ${form} (loopback)`,
    urls: reachableIdpUrls(tenant, origin),
    myApps: `${toLoopback(`${MYAPPS_ORIGIN}/`, origin)}`,
  }));
}
