import { readAuthnRequest, checkRequestOptions } from '../idp/authn-request';
import { aadsts } from '../idp/aadsts';
import type { VendorUrls } from '../vendors/profile';
import { parseXml } from '../xml/parse';
import { NS } from '../xml/namespaces';

export interface RequestFinding {
  id?: string;
  issuer?: string;
  acsUrl?: string;
  destination?: string;
  issueInstant?: string;
  /** What Entra would answer to the request itself, before it looks up the app. */
  entra: { ok: true } | { ok: false; code: string; message: string; fix: string };
  /** What the enterprise app must have for this request, against the vendor's guide. */
  notes: string[];
}

const LOGIN_URL = /^https:\/\/login\.(microsoftonline\.com|microsoft\.com|windows\.net)\/[^/]+\/saml2$/i;

/** An AuthnRequest read the way Entra reads it, and compared with what the vendor's guide sets up. */
export function checkRequest(xml: string, vendor?: { displayName: string; urls: Pick<VendorUrls, 'identifier' | 'replyUrl'> }, acceptedDestinations: readonly string[] = []): RequestFinding | undefined {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { entra: { ok: false, code: 'AADSTS90107', message: `AADSTS90107: ${parsed.error.message}`, fix: 'The SAMLRequest is not well-formed XML.' }, notes: [] };
  const root = parsed.value.documentElement;
  if (root.localName !== 'AuthnRequest' || root.namespaceURI !== NS.samlp) return undefined;
  const read = readAuthnRequest(root, xml);
  if (!read.ok) return { entra: { ok: false, code: `AADSTS${read.error.code}`, message: read.error.message, fix: read.error.fix }, notes: [] };
  const req = read.value;
  const fields = { id: req.id, issuer: req.issuer, issueInstant: req.issueInstant, ...(req.acsUrl ? { acsUrl: req.acsUrl } : {}), ...(req.destination ? { destination: req.destination } : {}) };
  const options = checkRequestOptions(req);
  const wrongDestination = req.destination !== undefined && !LOGIN_URL.test(req.destination) && !acceptedDestinations.includes(req.destination) ? aadsts(75008, { destination: req.destination }) : undefined;
  const problem = wrongDestination ?? (options.ok ? undefined : options.error);
  const notes: string[] = [];
  if (vendor) {
    if (req.issuer !== vendor.urls.identifier) notes.push(`The Issuer is "${req.issuer}"; ${vendor.displayName}'s guide gives the Identifier "${vendor.urls.identifier}". Entra needs an Identifier equal to the Issuer, or answers AADSTS700016.`);
    if (req.acsUrl && req.acsUrl !== vendor.urls.replyUrl) notes.push(`The AssertionConsumerServiceURL is "${req.acsUrl}"; ${vendor.displayName}'s guide gives the Reply URL "${vendor.urls.replyUrl}". Entra needs this exact URL among the Reply URLs, or answers AADSTS50011.`);
  }
  if (!notes.length) notes.push(`Entra needs an enterprise app with the Identifier "${req.issuer}"${req.acsUrl ? ` and the Reply URL "${req.acsUrl}"` : ''}.`);
  return { ...fields, entra: problem ? { ok: false, code: `AADSTS${problem.code}`, message: problem.message, fix: problem.fix } : { ok: true }, notes };
}
