import { authnRequestXml, redirectQuery } from '../src/core/scenarios/crafted-requests';

/**
 * A HAR of `entries` requests to Entra's Login URL, each carrying an AuthnRequest: what a crafted or runaway
 * capture looks like (100,000 entries are some 56 MB).
 */
export function hostileHar(entries: number): string {
  const q = redirectQuery(authnRequestXml({}, { issuer: 'urn:example:sp', acsUrl: 'https://sp.example/acs', now: new Date() }));
  const list = Array.from({ length: entries }, (_, i) => ({
    startedDateTime: new Date(1_700_000_000_000 + i).toISOString(),
    time: 1,
    request: { method: 'GET', url: `https://login.microsoftonline.com/contoso.com/saml2?${q}`, headers: [], cookies: [] },
    response: { status: 200, headers: [], content: { mimeType: 'text/html', text: '' } },
  }));
  return JSON.stringify({ log: { version: '1.2', entries: list } });
}
