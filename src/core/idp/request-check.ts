import { readAuthnRequest, checkRequestOptions } from './authn-request';
import { aadsts } from './aadsts';
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
  /** Which tenant and app the request was checked against, in a sentence (or why it could not be). */
  against?: string;
  /** The request names another tenant than the workspace's: its app cannot be looked up here. */
  otherTenant?: boolean;
}

/** The workspace's tenant and its apps, as Entra looks a request up: by tenant, then Identifier, then Reply URL. */
export interface RequestDirectory {
  tenantId: string;
  tenantName: string;
  domains: readonly string[];
  apps: ReadonlyArray<{ displayName: string; appId: string; identifiers: readonly string[]; replyUrls: readonly string[] }>;
}

/** The tenant a login URL names: its ID or one of its domains, or a multi-tenant endpoint. */
const TENANT_IN_URL = /^https:\/\/login\.(?:microsoftonline\.com|microsoft\.com|windows\.net)\/([^/?#]+)\/saml2/i;
const tenantIn = (url: string | undefined) => (url ? TENANT_IN_URL.exec(url)?.[1]?.toLowerCase() : undefined);

type Verdict = RequestFinding['entra'];

/** Entra's lookup of the request in the tenant it names: the app by Identifier, then the Reply URL. */
function lookUp(req: { issuer: string; acsUrl?: string }, dir: RequestDirectory, url: string | undefined): { entra?: Verdict; against: string; otherTenant?: boolean } {
  const named = tenantIn(url);
  const ours = [dir.tenantId, ...dir.domains].map((d) => d.toLowerCase());
  const tenant = `tenant ${dir.tenantName} (${dir.tenantId})`;
  if (named && !ours.includes(named)) {
    return {
      otherTenant: true,
      against: `Sent to tenant ${named}, not this workspace's ${tenant}: checked for what every tenant requires only. Whether tenant ${named} has an app with the Identifier "${req.issuer}" cannot be known here.`,
    };
  }
  const app = dir.apps.find((a) => a.identifiers.includes(req.issuer));
  if (!app) {
    const e = aadsts(700016, { identifier: req.issuer, tenant: dir.tenantName });
    return { entra: { ok: false, code: `AADSTS${e.code}`, message: e.message, fix: e.fix }, against: `Checked against ${tenant}: no enterprise app has the Identifier "${req.issuer}".` };
  }
  const against = `Checked against ${tenant} and its app "${app.displayName}" (${app.appId}).`;
  if (req.acsUrl && !app.replyUrls.includes(req.acsUrl)) {
    const e = aadsts(50011, { replyUrl: req.acsUrl, appId: app.appId });
    return { entra: { ok: false, code: `AADSTS${e.code}`, message: e.message, fix: e.fix }, against };
  }
  return { against };
}

const LOGIN_URL = /^https:\/\/login\.(microsoftonline\.com|microsoft\.com|windows\.net)\/[^/]+\/saml2$/i;

/** An AuthnRequest read the way Entra reads it, and compared with what the vendor's guide sets up. */
export function checkRequest(
  xml: string,
  vendor?: { displayName: string; urls: { identifier: string; replyUrl: string } },
  acceptedDestinations: readonly string[] = [],
  lookup?: { directory: RequestDirectory; url?: string },
): RequestFinding | undefined {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { entra: { ok: false, code: 'AADSTS90107', message: `AADSTS90107: ${parsed.error.message}`, fix: 'The SAMLRequest is not well-formed XML.' }, notes: [] };
  const root = parsed.value.documentElement;
  if (root.localName !== 'AuthnRequest' || root.namespaceURI !== NS.samlp) return undefined;
  const read = readAuthnRequest(root, xml);
  if (!read.ok) return { entra: { ok: false, code: `AADSTS${read.error.code}`, message: read.error.message, fix: read.error.fix }, notes: [] };
  const req = read.value;
  const fields = { id: req.id, issuer: req.issuer, issueInstant: req.issueInstant, ...(req.acsUrl ? { acsUrl: req.acsUrl } : {}), ...(req.destination ? { destination: req.destination } : {}) };
  const options = checkRequestOptions(req);
  const wrongDestination =
    req.destination !== undefined && !LOGIN_URL.test(req.destination) && !acceptedDestinations.includes(req.destination) ? aadsts(75008, { destination: req.destination }) : undefined;
  const problem = wrongDestination ?? (options.ok ? undefined : options.error);
  const notes: string[] = [];
  if (vendor) {
    if (req.issuer !== vendor.urls.identifier)
      notes.push(
        `The Issuer is "${req.issuer}"; ${vendor.displayName}'s guide gives the Identifier "${vendor.urls.identifier}". Entra needs an Identifier equal to the Issuer, or answers AADSTS700016.`,
      );
    if (req.acsUrl && req.acsUrl !== vendor.urls.replyUrl)
      notes.push(
        `The AssertionConsumerServiceURL is "${req.acsUrl}"; ${vendor.displayName}'s guide gives the Reply URL "${vendor.urls.replyUrl}". Entra needs this exact URL among the Reply URLs, or answers AADSTS50011.`,
      );
  }
  if (!notes.length) notes.push(`Entra needs an enterprise app with the Identifier "${req.issuer}"${req.acsUrl ? ` and the Reply URL "${req.acsUrl}"` : ''}.`);
  const found = lookup ? lookUp(req, lookup.directory, lookup.url ?? req.destination) : undefined;
  const entra: Verdict = problem ? { ok: false, code: `AADSTS${problem.code}`, message: problem.message, fix: problem.fix } : (found?.entra ?? { ok: true });
  return { ...fields, entra, notes, ...(found ? { against: found.against } : {}), ...(found?.otherTenant ? { otherTenant: true } : {}) };
}
