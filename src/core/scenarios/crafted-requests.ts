import { z } from 'zod';
import { signRedirectQuery } from '../crypto/redirect-signature';
import { newSamlId } from '../base/ids';
import { encodeRedirectMessage } from '../xml/codec';
import { escapeXml } from '../xml/escape';

const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';

/**
 * An AuthnRequest as a faulty SP would write it: every field can be left out (null), replaced, or added.
 * Omitted fields take what the SP would send (its entity ID, its ACS URL, now).
 */
export const AuthnRequestSpec = z.object({
  id: z.string().nullable().optional(),
  version: z.string().optional(),
  /** Seconds to add to the clock's time (negative: issued in the past); null leaves IssueInstant out. */
  issueInstantOffsetSeconds: z.number().nullable().optional(),
  issuer: z.string().nullable().optional(),
  acsUrl: z.string().nullable().optional(),
  acsIndex: z.int().min(0).optional(),
  destination: z.string().optional(),
  protocolBinding: z.string().optional(),
  nameIdFormat: z.string().optional(),
  subject: z.string().optional(),
  authnContext: z.array(z.string()).optional(),
  isPassive: z.boolean().optional(),
  forceAuthn: z.boolean().optional(),
  /** Replace the root element's qualified name and namespace (a message that is not an AuthnRequest). */
  root: z.object({ name: z.string(), ns: z.string() }).optional(),
  /** Send this text instead of an AuthnRequest (not XML, a DTD, …); encoded as the binding says. */
  rawXml: z.string().optional(),
  /** Send no SAMLRequest at all. */
  omit: z.boolean().optional(),
  /** Sign the Redirect query with the SP's registered key, with a key Entra does not know, or not at all. */
  sign: z.enum(['none', 'sp-key', 'other-key']).default('none'),
  /** Pad RelayState to this many characters (a query string too long for Entra). */
  relayStateLength: z.int().min(0).max(100_000).optional(),
  /** Send it to a tenant that does not exist instead of this one. */
  unknownTenant: z.boolean().optional(),
});
export type AuthnRequestSpec = z.infer<typeof AuthnRequestSpec>;

/** What the SP would put in a request of its own. */
export interface RequestDefaults {
  issuer: string;
  acsUrl: string;
  now: Date;
}

export function authnRequestXml(spec: Partial<AuthnRequestSpec>, d: RequestDefaults): string {
  if (spec.rawXml !== undefined) return spec.rawXml;
  const root = spec.root ?? { name: 'samlp:AuthnRequest', ns: PROTOCOL_NS };
  const instant = spec.issueInstantOffsetSeconds === null ? null : new Date(d.now.getTime() + (spec.issueInstantOffsetSeconds ?? 0) * 1000).toISOString();
  const attrs: Array<[string, string | undefined | null]> = [
    ['ID', spec.id === undefined ? newSamlId() : spec.id],
    ['Version', spec.version ?? '2.0'],
    ['IssueInstant', instant],
    ['Destination', spec.destination],
    ['AssertionConsumerServiceURL', spec.acsUrl === undefined ? d.acsUrl : spec.acsUrl],
    ['AssertionConsumerServiceIndex', spec.acsIndex === undefined ? undefined : String(spec.acsIndex)],
    ['ProtocolBinding', spec.protocolBinding],
    ['IsPassive', spec.isPassive ? 'true' : undefined],
    ['ForceAuthn', spec.forceAuthn ? 'true' : undefined],
  ];
  const attrText = attrs
    .filter((a): a is [string, string] => a[1] !== undefined && a[1] !== null)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const issuer = spec.issuer === null ? '' : `<saml:Issuer>${escapeXml(spec.issuer ?? d.issuer)}</saml:Issuer>`;
  const subject = spec.subject ? `<saml:Subject><saml:NameID>${escapeXml(spec.subject)}</saml:NameID></saml:Subject>` : '';
  const policy = spec.nameIdFormat ? `<samlp:NameIDPolicy Format="${escapeXml(spec.nameIdFormat)}" AllowCreate="true"/>` : '';
  const context = spec.authnContext
    ? `<samlp:RequestedAuthnContext Comparison="exact">${spec.authnContext.map((c) => `<saml:AuthnContextClassRef>${escapeXml(c)}</saml:AuthnContextClassRef>`).join('')}</samlp:RequestedAuthnContext>`
    : '';
  const otherNs = root.ns !== PROTOCOL_NS ? ` xmlns:x="${escapeXml(root.ns)}"` : '';
  return `<${root.name} xmlns:samlp="${PROTOCOL_NS}" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"${otherNs}${attrText}>${issuer}${subject}${policy}${context}</${root.name}>`;
}

/** The ID of a request the spec builds, so the SP can expect its answer. */
export function requestIdOf(xml: string): string | undefined {
  return /^<[^>]*\sID="([^"]+)"/.exec(xml)?.[1];
}

/** A LogoutRequest as a faulty SP would write it. */
export const LogoutRequestSpec = z.object({
  issuer: z.string().optional(),
  /** The session index of the sign-in ('session'), another one, or none. */
  sessionIndex: z.enum(['session', 'other', 'none']).default('session'),
  /** Seconds from now for NotOnOrAfter (negative: already expired). */
  notOnOrAfterOffsetSeconds: z.number().optional(),
  /** Sign in first (true), or ask to log out of a session that does not exist. */
  signInFirst: z.boolean().default(true),
});
export type LogoutRequestSpec = z.infer<typeof LogoutRequestSpec>;

export function logoutRequestXml(spec: LogoutRequestSpec, d: { issuer: string; nameId: string; sessionIndex?: string; now: Date }): string {
  const notOnOrAfter = spec.notOnOrAfterOffsetSeconds === undefined ? '' : ` NotOnOrAfter="${new Date(d.now.getTime() + spec.notOnOrAfterOffsetSeconds * 1000).toISOString()}"`;
  const index = spec.sessionIndex === 'none' ? undefined : spec.sessionIndex === 'other' ? '_not-this-session' : d.sessionIndex;
  return (
    `<samlp:LogoutRequest xmlns:samlp="${PROTOCOL_NS}" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newSamlId()}" Version="2.0" IssueInstant="${d.now.toISOString()}"${notOnOrAfter}>` +
    `<saml:Issuer>${escapeXml(spec.issuer ?? d.issuer)}</saml:Issuer><saml:NameID>${escapeXml(d.nameId)}</saml:NameID>` +
    `${index ? `<samlp:SessionIndex>${escapeXml(index)}</samlp:SessionIndex>` : ''}</samlp:LogoutRequest>`
  );
}

/** The query of an HTTP-Redirect message, optionally signed, with extra parameters (login_hint). */
export function redirectQuery(xml: string, opts: { relayState?: string; signWith?: string; extra?: Record<string, string> } = {}): string {
  const message = encodeRedirectMessage(xml);
  const base = opts.signWith
    ? signRedirectQuery('SAMLRequest', message, opts.relayState, opts.signWith)
    : `SAMLRequest=${encodeURIComponent(message)}${opts.relayState !== undefined ? `&RelayState=${encodeURIComponent(opts.relayState)}` : ''}`;
  const extra = Object.entries(opts.extra ?? {})
    .map(([k, v]) => `&${k}=${encodeURIComponent(v)}`)
    .join('');
  return base + extra;
}
