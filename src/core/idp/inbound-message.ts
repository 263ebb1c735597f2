import { err, ok, type Result } from '../base/errors';
import { decodePostMessage, decodeRedirectMessage } from '../xml/codec';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';
import { aadsts, type AadstsError } from './aadsts';

export type Binding = 'redirect' | 'post';

/** A SAML message as it reached the tenant's /saml2 endpoint. */
export interface InboundMessage {
  binding: Binding;
  samlRequest?: string;
  relayState?: string;
  sigAlg?: string;
  signature?: string;
  /** The query string exactly as received; a Redirect signature covers these bytes. */
  rawQuery?: string;
  /** The URL the request arrived at, which a Destination attribute may name. */
  receivedAt: string;
}

export interface DecodedMessage {
  kind: 'AuthnRequest' | 'LogoutRequest';
  xml: string;
  root: Element;
}

/** Entra's Redirect binding query limit, past which AADSTS90015 is returned. */
export const MAX_QUERY_CHARS = 16 * 1024;

/**
 * Decodes and classifies a request the way Entra's /saml2 endpoint does, mapping each fault to the AADSTS
 * code Entra answers with.
 */
export function decodeInbound(msg: InboundMessage): Result<DecodedMessage, AadstsError> {
  if (msg.rawQuery !== undefined && msg.rawQuery.length > MAX_QUERY_CHARS) {
    return err(aadsts(90015, { length: String(msg.rawQuery.length) }));
  }
  if (!msg.samlRequest) return err(aadsts(750054));
  const decoded = msg.binding === 'redirect' ? decodeRedirectMessage(msg.samlRequest) : decodePostMessage(msg.samlRequest);
  if (!decoded.ok) return err(aadsts(750054));
  const parsed = parseXml(decoded.value);
  if (!parsed.ok) return err(aadsts(90107, { reason: parsed.error.message }));
  const root = parsed.value.documentElement;
  if (root.namespaceURI === NS.samlp && (root.localName === 'AuthnRequest' || root.localName === 'LogoutRequest')) {
    return ok({ kind: root.localName, xml: decoded.value, root });
  }
  return err(aadsts(75005, { reason: `The root element is {${root.namespaceURI ?? ''}}${root.localName}.` }));
}
