import { signRedirectQuery } from '../crypto/redirect-signature';
import { err, ok, type Result } from '../base/errors';
import { CoreError } from '../base/errors';
import { decodeRedirectMessage, encodeRedirectMessage } from '../xml/codec';

export interface OutboundMessage {
  url: string;
  id: string;
  xml: string;
}

/**
 * node-saml builds the message (so its defaults, like RequestedAuthnContext, are what an SP on node-saml
 * sends) but stamps IssueInstant from the real clock. The harness's clock is injectable, so the instant is
 * set here, and the query is signed afterwards over the final bytes.
 */
export function restampRedirect(nodeSamlUrl: string, param: 'SAMLRequest', now: Date, signWith: string | undefined): Result<OutboundMessage> {
  const url = new URL(nodeSamlUrl);
  const encoded = url.searchParams.get(param);
  const decoded = encoded ? decodeRedirectMessage(encoded) : undefined;
  if (!decoded?.ok) return err(new CoreError('OUTBOUND_UNREADABLE', 'node-saml produced a message that does not decode.'));
  const xml = decoded.value.replace(/IssueInstant="[^"]*"/, `IssueInstant="${now.toISOString()}"`);
  const id = /\bID="([^"]+)"/.exec(xml)?.[1];
  if (!id) return err(new CoreError('OUTBOUND_UNREADABLE', 'node-saml produced a message without an ID.'));
  const relayState = url.searchParams.get('RelayState') ?? undefined;
  const message = encodeRedirectMessage(xml);
  const keep = [...url.searchParams].filter(([k]) => !['SAMLRequest', 'RelayState', 'SigAlg', 'Signature'].includes(k));
  const query = signWith
    ? signRedirectQuery(param, message, relayState, signWith)
    : [`${param}=${encodeURIComponent(message)}`, ...(relayState !== undefined ? [`RelayState=${encodeURIComponent(relayState)}`] : [])].join('&');
  const extra = keep.map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('');
  return ok({ url: `${url.origin}${url.pathname}?${query}${extra}`, id, xml });
}
