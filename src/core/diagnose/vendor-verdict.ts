import { describeCertificate } from '../crypto/certificate';
import { summarizeSignature } from '../crypto/xml-signature';
import { SpDirectory } from '../provisioning/directory';
import type { ProvisioningDiff } from '../provisioning/diff';
import { SpPolicy, type Identity, type IdpTrust } from '../sp/model';
import type { CheckId, CheckResult, ValidationReport } from '../sp/report';
import { ServiceProviderCore } from '../sp/service-provider';
import type { VendorError } from '../vendors/profile';
import type { VendorSp } from '../vendors/vendor-sp';
import { descendants } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';
import { suggestFixes, type Fix } from './fixes';
import { inferParams } from './infer-params';

export interface SignerInfo {
  thumbprint: string;
  subject: string;
  notAfter: string;
  /** Whether the vendor's configuration (or a certificate given for the diagnosis) holds this certificate. */
  known: boolean;
}

export type VendorOutcome =
  | { kind: 'signed-in'; identity: Identity; diff?: ProvisioningDiff; details?: Readonly<Record<string, unknown>> }
  | { kind: 'refused'; error: VendorError };

export interface VendorVerdict {
  vendorId: string;
  displayName: string;
  /** The response's Destination or Audience is one of this vendor's URLs. */
  addressed: boolean;
  /** Placeholder values read from the response ({org}: "acme"), or the workspace's. */
  params: Record<string, string>;
  /** The vendor's Identifier and Reply URL with those values. */
  urls: { identifier: string; replyUrl: string };
  report: ValidationReport;
  outcome: VendorOutcome;
  signer?: SignerInfo;
  /** What the diagnosis had to take for granted, said out loud. */
  assumptions: string[];
  fixes: Fix[];
}

export interface VerdictInput {
  id: string;
  sp: VendorSp<unknown>;
  xml: string;
  at: Date;
  /** The AuthnRequest the capture shows being answered, if any. */
  request?: { id: string; issueInstant?: string };
  /** Extra trusted certificates (PEM) given for the diagnosis. */
  certificates: readonly string[];
  /** Also have @node-saml/node-saml give its verdict (a second opinion that doubles the time). */
  crossCheck?: boolean;
}

/** The certificate in the first signature's KeyInfo, as Entra always includes it. */
function signerOf(xml: string): { pem: string; thumbprint: string; subject: string; notAfter: string } | undefined {
  const parsed = parseXml(xml);
  if (!parsed.ok) return undefined;
  for (const sig of descendants(parsed.value, NS.ds, 'Signature')) {
    const cert = summarizeSignature(sig).keyInfoCertificate;
    const info = cert ? describeCertificate(cert) : undefined;
    if (info?.ok) return { pem: info.value.pem, thumbprint: info.value.thumbprint, subject: info.value.subject, notAfter: info.value.notAfter };
  }
  return undefined;
}

const thumbprints = (pems: readonly string[]): Set<string> => new Set(pems.map((p) => describeCertificate(p)).flatMap((r) => (r.ok ? [r.value.thumbprint] : [])));

function replaceCheck(report: ValidationReport, id: CheckId, change: Partial<CheckResult>): ValidationReport {
  const checks = report.checks.map((c) => (c.id === id ? { ...c, ...change } : c));
  const failure = checks.find((c) => c.status === 'fail' && !c.informational);
  const { failure: _old, ...rest } = report;
  return { ...rest, checks, ok: !failure, ...(failure ? { failure } : {}) };
}

function destinationsOf(xml: string): string[] {
  const seen = [/\sDestination="([^"]+)"/, /\sRecipient="([^"]+)"/, /<(?:\w+:)?Audience>([^<]+)</].map((re) => re.exec(xml)?.[1]).filter((x): x is string => Boolean(x));
  return [...new Set(seen.map((s) => s.trim()))];
}

type Signer = NonNullable<ReturnType<typeof signerOf>>;

/**
 * Whom the diagnosis trusts: the vendor's configuration when it holds the signer's certificate (Issuer and
 * all), a certificate given for the diagnosis, or else the signer's own certificate — so everything but trust
 * is still checked.
 */
function trustFor(sp: VendorSp<unknown>, signer: Signer | undefined, certificates: readonly string[]): { trust?: IdpTrust; inVendor: boolean; inGiven: boolean } {
  const vendorCerts = sp.idpTrust?.certificates ?? [];
  const given = certificates.map((c) => describeCertificate(c)).flatMap((r) => (r.ok ? [r.value.pem] : []));
  const inVendor = Boolean(signer && thumbprints(vendorCerts).has(signer.thumbprint));
  const inGiven = Boolean(signer && thumbprints(given).has(signer.thumbprint));
  const loose = (pems: string[]): IdpTrust => ({ ssoUrl: '', certificates: pems, source: 'signon-url-and-certificate' });
  if (sp.idpTrust && (inVendor || !signer)) return { trust: { ...sp.idpTrust, certificates: [...vendorCerts, ...given] }, inVendor, inGiven };
  if (inGiven || (!signer && given.length)) return { trust: loose(given), inVendor, inGiven };
  return { ...(signer ? { trust: loose([signer.pem]) } : {}), inVendor, inGiven };
}

/**
 * What one vendor would answer to a response: its SAML checks with its own policy and URLs (placeholders read
 * from the response), its attribute and provisioning rules on a copy of its directory, and the fixes.
 * A response signed by a certificate the vendor does not hold is checked for everything else.
 */
function addressing(sp: VendorSp<unknown>, xml: string) {
  const seen = destinationsOf(xml);
  const inferred = inferParams(sp.profile, seen);
  const params = { ...sp.params, ...inferred };
  const urls = sp.profile.urls(params);
  return { inferred, params, urls, addressed: Boolean(inferred) || seen.some((u) => u === urls.replyUrl || u === urls.identifier) };
}

/** Whether the response names this vendor (its Reply URL or Identifier, or a URL of its shape), read without checking it. */
export function isAddressedTo(sp: VendorSp<unknown>, xml: string): boolean {
  return addressing(sp, xml).addressed;
}

export async function vendorVerdict(input: VerdictInput): Promise<VendorVerdict> {
  const { sp, xml, at } = input;
  const profile = sp.profile;
  const { inferred, params, urls, addressed } = addressing(sp, xml);
  const assumptions: string[] = [];
  if (inferred && Object.keys(inferred).length) assumptions.push(`Read ${Object.entries(inferred).map(([k, v]) => `{${k}} = "${v}"`).join(', ')} from the response's URLs.`);
  const signer = signerOf(xml);
  const { trust, inVendor, inGiven } = trustFor(sp, signer, input.certificates);
  if (signer && !inVendor && !inGiven) assumptions.push(`Signed by ${signer.subject} (thumbprint ${signer.thumbprint}), a certificate ${profile.displayName} here does not hold: every other check ran as if ${profile.displayName} trusted it.`);
  const core = new ServiceProviderCore({
    endpoints: { entityId: urls.identifier, acsUrl: urls.replyUrl },
    policy: SpPolicy.parse({ ...profile.policy, ...(input.crossCheck === false ? { crossCheck: false } : {}) }),
    clock: { now: () => at },
    ...(trust ? { idp: trust } : {}),
  });
  const answered = input.request?.id ?? /\sInResponseTo="([^"]+)"/.exec(xml)?.[1];
  if (answered) {
    core.requests.add(answered, at);
    if (!input.request) assumptions.push(`The AuthnRequest ${answered} is not in the artefact; it was taken as one ${profile.displayName} had sent.`);
  }
  let report = await core.validate(xml, { at, commit: false });
  if (signer && !inVendor) {
    const trusted = report.checks.find((c) => c.id === 'signature.trusted');
    if (trusted?.status === 'pass' && !inGiven) report = replaceCheck(report, 'signature.trusted', { status: 'skipped', reason: `could not be verified: signed by ${signer.subject}, thumbprint ${signer.thumbprint}, which the harness does not know — give the IdP's certificate or metadata to check it` });
    report = replaceCheck(report, 'response.issuer', { status: 'skipped', reason: `the signer's tenant is not known here, so the Issuer${report.message.issuer ? ` "${report.message.issuer}"` : ''} is not compared` });
  }
  const outcome = decide(sp, report, at);
  const verdict: VendorVerdict = {
    vendorId: input.id,
    displayName: profile.displayName,
    addressed,
    params,
    urls: { identifier: urls.identifier, replyUrl: urls.replyUrl },
    report,
    outcome,
    assumptions,
    fixes: [],
    ...(signer ? { signer: { thumbprint: signer.thumbprint, subject: signer.subject, notAfter: signer.notAfter, known: inVendor || inGiven } } : {}),
  };
  verdict.fixes = suggestFixes({ profile, params, settings: sp.state.settings, urls, report, outcome, at });
  return verdict;
}

/** The vendor's own rules, on copies: a diagnosis provisions no one. */
function decide(sp: VendorSp<unknown>, report: ValidationReport, at: Date): VendorOutcome {
  if (!report.ok || !report.identity) return { kind: 'refused', error: sp.profile.samlFailure(report) };
  const r = sp.profile.signIn({
    settings: structuredClone(sp.state.settings),
    directory: new SpDirectory(structuredClone(sp.directory.data)),
    identity: report.identity,
    report,
    solicited: Boolean(report.message.inResponseTo),
    now: at,
    faults: new Set(),
  });
  if (!r.ok) return { kind: 'refused', error: r.error };
  return { kind: 'signed-in', identity: report.identity, ...(r.diff ? { diff: r.diff } : {}), ...(r.details ? { details: r.details } : {}) };
}
