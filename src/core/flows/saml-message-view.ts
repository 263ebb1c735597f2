import { signatureViews, type SignatureView } from '../crypto/signature-view';
import { decodePostMessage, decodeRedirectMessage } from '../xml/codec';
import { attr, firstChild, textOf } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';
import { prettyXml } from '../xml/pretty';

export type { SignatureView };

export interface SamlMessageView {
  param: 'SAMLRequest' | 'SAMLResponse';
  binding: 'redirect' | 'post';
  /** Root element: AuthnRequest, Response, LogoutRequest, LogoutResponse. */
  kind?: string;
  id?: string;
  issuer?: string;
  inResponseTo?: string;
  destination?: string;
  status?: string;
  xml?: string;
  pretty?: string;
  signatures: SignatureView[];
  relayState?: string;
  /** Why the message could not be decoded or parsed. */
  error?: string;
  /** The XML shown was cut at a bound (a diagnosis answers with so much of each message). */
  truncated?: boolean;
}

/** Decodes a SAML message found in a query or a form, for the trace: pretty XML and what is signed by what. */
export function viewSamlMessage(param: 'SAMLRequest' | 'SAMLResponse', value: string, binding: 'redirect' | 'post', extra: { relayState?: string; sigAlg?: string } = {}): SamlMessageView {
  const decoded = binding === 'redirect' ? decodeRedirectMessage(value) : decodePostMessage(value);
  if (!decoded.ok) return { param, binding, signatures: [], ...(extra.relayState !== undefined ? { relayState: extra.relayState } : {}), error: decoded.error.message };
  return viewDecodedSaml(param, decoded.value, binding, extra);
}

/** The same view of a message already decoded (SAML-tracer keeps messages decoded; a pasted XML is). */
export function viewDecodedSaml(
  param: 'SAMLRequest' | 'SAMLResponse',
  xml: string,
  binding: 'redirect' | 'post',
  extra: { relayState?: string; sigAlg?: string; pretty?: boolean } = {},
): SamlMessageView {
  const base = { param, binding, signatures: [] as SignatureView[], ...(extra.relayState !== undefined ? { relayState: extra.relayState } : {}) };
  const decoded = { value: xml };
  const parsed = parseXml(decoded.value);
  if (!parsed.ok) return { ...base, xml: decoded.value, pretty: decoded.value, error: parsed.error.message };
  const root = parsed.value.documentElement;
  const status = attr(firstChild(firstChild(root, NS.samlp, 'Status') ?? root, NS.samlp, 'StatusCode'), 'Value');
  const signatures = signatureViews(parsed.value);
  if (extra.sigAlg) signatures.push({ element: 'query string (HTTP-Redirect)', signatureAlgorithm: extra.sigAlg, coversParent: true });
  return {
    ...base,
    kind: root.localName,
    xml: decoded.value,
    // Pretty-printing is a third of a view's cost; a batch that shows no XML asks to skip it.
    ...(extra.pretty === false ? {} : { pretty: prettyXml(decoded.value) }),
    signatures,
    ...(attr(root, 'ID') ? { id: attr(root, 'ID') } : {}),
    ...(textOf(firstChild(root, NS.saml, 'Issuer')) ? { issuer: textOf(firstChild(root, NS.saml, 'Issuer'))!.trim() } : {}),
    ...(attr(root, 'InResponseTo') ? { inResponseTo: attr(root, 'InResponseTo') } : {}),
    ...(attr(root, 'Destination') ? { destination: attr(root, 'Destination') } : {}),
    ...(status ? { status } : {}),
  };
}

/** Every SAML message a request carries, in its query (Redirect) or its form (POST). */
export function samlMessagesIn(query: URLSearchParams, form: Readonly<Record<string, string>> | undefined): SamlMessageView[] {
  const out: SamlMessageView[] = [];
  for (const param of ['SAMLRequest', 'SAMLResponse'] as const) {
    const q = query.get(param);
    if (q) {
      const relayState = query.get('RelayState') ?? undefined;
      const sigAlg = query.get('Signature') ? (query.get('SigAlg') ?? undefined) : undefined;
      out.push(viewSamlMessage(param, q, 'redirect', { ...(relayState !== undefined ? { relayState } : {}), ...(sigAlg ? { sigAlg } : {}) }));
    }
    const f = form?.[param];
    if (f) out.push(viewSamlMessage(param, f, 'post', form?.RelayState !== undefined ? { relayState: form.RelayState } : {}));
  }
  return out;
}
