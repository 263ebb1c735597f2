import { MINUTE } from '../base/clock';
import { verifyEnvelopedSignature } from '../crypto/xml-signature';
import { verifyRedirectSignature } from '../crypto/redirect-signature';
import { err, ok, type Result } from '../base/errors';
import { attr, childElements, firstChild, textOf } from '../xml/dom';
import { BINDING, NAMEID_FORMAT, NS } from '../xml/namespaces';
import { aadsts, type AadstsError } from './aadsts';
import type { InboundMessage } from './inbound-message';
import type { EnterpriseApp } from './model';

export interface AuthnRequestInfo {
  id: string;
  issuer: string;
  issueInstant: string;
  destination?: string;
  acsUrl?: string;
  acsIndex?: number;
  protocolBinding?: string;
  forceAuthn: boolean;
  isPassive: boolean;
  nameIdFormat?: string;
  requestedAuthnContext?: { comparison: string; classRefs: string[] };
  xml: string;
}

export interface AcceptedAuthnRequest extends AuthnRequestInfo {
  app: EnterpriseApp;
  /** The Reply URL the response will be posted to. */
  acsUrl: string;
  signed: boolean;
}

const SUPPORTED_NAMEID_FORMATS: readonly string[] = [NAMEID_FORMAT.persistent, NAMEID_FORMAT.emailAddress, NAMEID_FORMAT.unspecified, NAMEID_FORMAT.transient];

/** How far an AuthnRequest's IssueInstant may lie from the tenant's clock. */
export const REQUEST_MAX_AGE_MS = 60 * MINUTE;
export const REQUEST_MAX_FUTURE_MS = 5 * MINUTE;

const bool = (v: string | undefined): boolean => v === 'true' || v === '1';

/** Reads the AuthnRequest namespace-aware (an Issuer in the wrong namespace is no Issuer), checking Entra's rules. */
export function readAuthnRequest(root: Element, xml: string): Result<AuthnRequestInfo, AadstsError> {
  const id = attr(root, 'ID');
  if (!id) return err(aadsts(90014, { field: 'ID' }));
  if (/^[0-9]/.test(id)) return err(aadsts(7500529, { id }));
  if (attr(root, 'Version') !== '2.0') return err(aadsts(75005, { reason: `Version is '${attr(root, 'Version') ?? ''}', not '2.0'.` }));
  const issueInstant = attr(root, 'IssueInstant');
  if (!issueInstant) return err(aadsts(90014, { field: 'IssueInstant' }));
  if (firstChild(root, NS.saml, 'Subject')) return err(aadsts(900236, { property: 'Subject' }));
  const issuer = textOf(firstChild(root, NS.saml, 'Issuer'))?.trim();
  if (!issuer) return err(aadsts(90014, { field: 'Issuer' }));
  const policy = firstChild(root, NS.samlp, 'NameIDPolicy');
  const context = firstChild(root, NS.samlp, 'RequestedAuthnContext');
  const acsIndex = attr(root, 'AssertionConsumerServiceIndex');
  const info: AuthnRequestInfo = {
    id,
    issuer,
    issueInstant,
    forceAuthn: bool(attr(root, 'ForceAuthn')),
    isPassive: bool(attr(root, 'IsPassive')),
    xml,
    ...optional('destination', attr(root, 'Destination')),
    ...optional('acsUrl', attr(root, 'AssertionConsumerServiceURL')),
    ...optional('protocolBinding', attr(root, 'ProtocolBinding')),
    ...optional('nameIdFormat', attr(policy, 'Format')),
    ...(acsIndex !== undefined ? { acsIndex: Number(acsIndex) } : {}),
    ...(context
      ? {
          requestedAuthnContext: {
            comparison: attr(context, 'Comparison') ?? 'exact',
            classRefs: childElements(context, NS.saml, 'AuthnContextClassRef').map((e) => (e.textContent ?? '').trim()),
          },
        }
      : {}),
  };
  return ok(info);
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function matchesReplyUrl(pattern: string, url: string): boolean {
  if (!pattern.includes('*')) return pattern === url;
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*') +
      '$',
  );
  return re.test(url);
}

function resolveReplyUrl(app: EnterpriseApp, req: AuthnRequestInfo): Result<string, AadstsError> {
  const replies = app.saml.replyUrls;
  if (req.acsUrl !== undefined) {
    return replies.some((r) => matchesReplyUrl(r.url, req.acsUrl!)) ? ok(req.acsUrl) : err(aadsts(50011, { replyUrl: req.acsUrl, appId: app.appId }));
  }
  const chosen = req.acsIndex !== undefined ? replies.find((r) => r.index === req.acsIndex) : (replies.find((r) => r.isDefault) ?? replies[0]);
  return chosen ? ok(chosen.url) : err(aadsts(50011, { replyUrl: req.acsIndex !== undefined ? `index ${req.acsIndex}` : '(none)', appId: app.appId }));
}

function checkRequestSignature(app: EnterpriseApp, msg: InboundMessage, root: Element, xml: string): Result<boolean, AadstsError> {
  const certs = app.requestVerification.certificates;
  if (msg.binding === 'redirect') {
    const check = verifyRedirectSignature(msg.rawQuery ?? '', 'SAMLRequest', certs);
    if (check.status === 'unsigned') return app.requestVerification.required ? err(aadsts(76021)) : ok(false);
    if (!app.requestVerification.required && certs.length === 0) return ok(false);
    return check.status === 'valid' ? ok(true) : err(aadsts(50006));
  }
  const signature = firstChild(root, NS.ds, 'Signature');
  if (!signature) return app.requestVerification.required ? err(aadsts(76021)) : ok(false);
  if (!app.requestVerification.required && certs.length === 0) return ok(false);
  return verifyEnvelopedSignature(xml, root, signature, certs).status === 'valid' ? ok(true) : err(aadsts(50006));
}

/** What the request asks of Entra that Entra does not do, whatever the app: a binding, a NameID format. */
export function checkRequestOptions(req: AuthnRequestInfo): Result<void, AadstsError> {
  if (req.protocolBinding !== undefined && req.protocolBinding !== BINDING.post) return err(aadsts(75003, { binding: req.protocolBinding }));
  if (req.nameIdFormat !== undefined && !SUPPORTED_NAMEID_FORMATS.includes(req.nameIdFormat)) return err(aadsts(75016, { format: req.nameIdFormat }));
  return ok(undefined);
}

export interface RequestContext {
  tenantName: string;
  apps: readonly EnterpriseApp[];
  now: Date;
  /** URLs a Destination may name: the tenant's Login URL, and the loopback URL it was reached at. */
  acceptedDestinations: readonly string[];
}

/**
 * Entra's checks on an AuthnRequest, in Entra's order, before any user is involved: time, destination,
 * binding, NameID policy, the app (by Issuer), its state, the request signature and the Reply URL.
 */
export function acceptAuthnRequest(req: AuthnRequestInfo, msg: InboundMessage, root: Element, ctx: RequestContext): Result<AcceptedAuthnRequest, AadstsError> {
  const issued = Date.parse(req.issueInstant);
  const now = ctx.now.getTime();
  if (Number.isNaN(issued) || issued < now - REQUEST_MAX_AGE_MS || issued > now + REQUEST_MAX_FUTURE_MS) {
    return err(aadsts(76026, { issueInstant: req.issueInstant, now: ctx.now.toISOString() }));
  }
  if (req.destination !== undefined && !ctx.acceptedDestinations.includes(req.destination)) {
    return err(aadsts(75008, { destination: req.destination }));
  }
  const options = checkRequestOptions(req);
  if (!options.ok) return options;
  const app = ctx.apps.find((a) => a.saml.identifiers.some((i) => i.value === req.issuer));
  if (!app) return err(aadsts(700016, { identifier: req.issuer, tenant: ctx.tenantName }));
  if (!app.enabled) return err(aadsts(7000112, { appId: app.appId, appName: app.displayName }));
  const signed = checkRequestSignature(app, msg, root, req.xml);
  if (!signed.ok) return signed;
  const acsUrl = resolveReplyUrl(app, req);
  if (!acsUrl.ok) return acsUrl;
  return ok({ ...req, app, acsUrl: acsUrl.value, signed: signed.value });
}
