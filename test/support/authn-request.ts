import { encodePostMessage, encodeRedirectMessage } from '../../src/core/xml/codec';
import { signRedirectQuery } from '../../src/core/crypto/redirect-signature';
import { escapeXml } from '../../src/core/xml/escape';
import { newSamlId } from '../../src/core/ids';
import { SP_ACS, SP_ENTITY } from './idp-harness';

export interface RequestSpec {
  id?: string | null;
  version?: string;
  issueInstant?: string | null;
  issuer?: string | null;
  acsUrl?: string | null;
  acsIndex?: number;
  destination?: string;
  protocolBinding?: string;
  nameIdFormat?: string;
  subject?: string;
  authnContext?: string[];
  isPassive?: boolean;
  forceAuthn?: boolean;
  /** Replace the root element's qualified name and namespace. */
  root?: { name: string; ns: string };
}

/** An AuthnRequest as an SP writes it, with exactly the faults the spec asks for. */
export function authnRequestXml(spec: RequestSpec = {}, now = new Date()): string {
  const root = spec.root ?? { name: 'samlp:AuthnRequest', ns: 'urn:oasis:names:tc:SAML:2.0:protocol' };
  const attrs: Array<[string, string | undefined | null]> = [
    ['ID', spec.id === undefined ? newSamlId() : spec.id],
    ['Version', spec.version ?? '2.0'],
    ['IssueInstant', spec.issueInstant === undefined ? now.toISOString() : spec.issueInstant],
    ['Destination', spec.destination],
    ['AssertionConsumerServiceURL', spec.acsUrl === undefined ? SP_ACS : spec.acsUrl],
    ['AssertionConsumerServiceIndex', spec.acsIndex === undefined ? undefined : String(spec.acsIndex)],
    ['ProtocolBinding', spec.protocolBinding],
    ['IsPassive', spec.isPassive ? 'true' : undefined],
    ['ForceAuthn', spec.forceAuthn ? 'true' : undefined],
  ];
  const attrText = attrs
    .filter((a): a is [string, string] => a[1] !== undefined && a[1] !== null)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const issuer = spec.issuer === null ? '' : `<saml:Issuer>${escapeXml(spec.issuer ?? SP_ENTITY)}</saml:Issuer>`;
  const subject = spec.subject ? `<saml:Subject><saml:NameID>${escapeXml(spec.subject)}</saml:NameID></saml:Subject>` : '';
  const policy = spec.nameIdFormat ? `<samlp:NameIDPolicy Format="${escapeXml(spec.nameIdFormat)}" AllowCreate="true"/>` : '';
  const context = spec.authnContext
    ? `<samlp:RequestedAuthnContext Comparison="exact">${spec.authnContext.map((c) => `<saml:AuthnContextClassRef>${c}</saml:AuthnContextClassRef>`).join('')}</samlp:RequestedAuthnContext>`
    : '';
  return (
    `<${root.name} xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"${root.ns !== 'urn:oasis:names:tc:SAML:2.0:protocol' ? ` xmlns:x="${root.ns}"` : ''}${attrText}>` +
    `${issuer}${subject}${policy}${context}</${root.name}>`
  );
}

/** The query of an HTTP-Redirect AuthnRequest, optionally signed. */
export function redirectQuery(xml: string, opts: { relayState?: string; signWith?: string; extra?: Record<string, string> } = {}): string {
  const message = encodeRedirectMessage(xml);
  const base = opts.signWith
    ? signRedirectQuery('SAMLRequest', message, opts.relayState, opts.signWith)
    : `SAMLRequest=${encodeURIComponent(message)}${opts.relayState !== undefined ? `&RelayState=${encodeURIComponent(opts.relayState)}` : ''}`;
  const extra = Object.entries(opts.extra ?? {}).map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
  return base + extra;
}

export { encodePostMessage };
