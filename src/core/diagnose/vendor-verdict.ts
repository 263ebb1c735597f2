import type { CertificateInfo } from '../crypto/certificate';
import { SpDirectory } from '../provisioning/directory';
import { SpPolicy, type Identity } from '../sp/model';
import type { ValidationReport } from '../sp/report';
import { ServiceProviderCore } from '../sp/service-provider';
import type { VendorSp } from '../vendors/vendor-sp';
import { suggestFixes } from './fixes';
import type { Fix, VendorOutcome } from './verdict-types';
import { inferParams } from './infer-params';
import { findMistakes, type Finding } from './mistakes';
import { signerOf, trustBasis, type GivenIdp, type TrustBasis } from './trust-basis';

export interface SignerInfo {
  thumbprint: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  /** Whether the SP, as configured for this diagnosis, holds this certificate. */
  known: boolean;
}

export interface VendorVerdict {
  vendorId: string;
  displayName: string;
  /** The response's Destination or Audience is one of this vendor's URLs. */
  addressed: boolean;
  /** Placeholder values read from the response ({org}: "acme"), or the workspace's. */
  params: Record<string, string>;
  /** The vendor's Identifier and Reply URL with those values. */
  urls: { identifier: string; replyUrl: string };
  /** Whom the checks trusted: the vendor's configuration, what was given, or (nothing known) the signer. */
  trust: TrustBasis['kind'];
  report: ValidationReport;
  outcome: VendorOutcome;
  signer?: SignerInfo;
  /** The classic set-up mistakes this response shows, named, with the values that collided. */
  findings: Finding[];
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
  /** What was given about the IdP: certificates and metadata, as the customer's vendor holds them. */
  given: GivenIdp;
  /** The SP's private key (PEM), to decrypt an encrypted assertion. */
  spKey?: string;
  /** Also have @node-saml/node-saml give its verdict (a second opinion that doubles the time). */
  crossCheck?: boolean;
}

function destinationsOf(xml: string): string[] {
  const seen = [/\sDestination="([^"]+)"/, /\sRecipient="([^"]+)"/, /<(?:\w+:)?Audience>([^<]+)</].map((re) => re.exec(xml)?.[1]).filter((x): x is string => Boolean(x));
  return [...new Set(seen.map((s) => s.trim()))];
}

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

function assumptionsFor(basis: TrustBasis, signer: CertificateInfo | undefined, vendor: string, inferred: Record<string, string> | undefined): string[] {
  const out: string[] = [];
  if (inferred && Object.keys(inferred).length)
    out.push(
      `Read ${Object.entries(inferred)
        .map(([k, v]) => `{${k}} = "${v}"`)
        .join(', ')} from the response's URLs.`,
    );
  if (basis.kind === 'assumed' && signer)
    out.push(
      `Nothing is known of the IdP (${vendor} here holds no IdP configuration, and no --cert or --idp-metadata was given): the signer ${signer.subject}, thumbprint ${signer.thumbprint}, was assumed to check everything else. Whether ${vendor} trusts it is not decided.`,
    );
  if (basis.kind === 'given' && !basis.trust?.entityId) out.push("Certificates alone name no entity ID, so the Issuer was not compared; give the IdP's metadata (--idp-metadata) to compare it.");
  return out;
}

const noKey = (report: ValidationReport) => report.checks.some((c) => c.id === 'assertion.decryption' && c.status === 'fail' && /no decryption key/.test(c.reason));

/**
 * What one vendor would answer to a response: its SAML checks with its own policy and URLs (placeholders read
 * from the response) and the trust the diagnosis has, its attribute and provisioning rules on a copy of its
 * directory, the named mistakes and the fixes. No check is rewritten: a signer outside the certificates the
 * vendor holds (or that were given) fails signature.trusted, and only when nothing at all is known of the IdP
 * is the signer assumed, for a verdict of "undetermined".
 */
export async function vendorVerdict(input: VerdictInput): Promise<VendorVerdict> {
  const { sp, xml, at } = input;
  const profile = sp.profile;
  const { inferred, params, urls, addressed } = addressing(sp, xml);
  const signer = signerOf(xml);
  const basis = trustBasis(sp.idpTrust, input.given, signer);
  const assumptions = assumptionsFor(basis, signer, profile.displayName, inferred);
  const key = input.spKey ?? sp.decryptionKey;
  const policy = SpPolicy.parse({ ...profile.policy, ...(input.crossCheck === false ? { crossCheck: false } : {}) });
  const core = new ServiceProviderCore({
    endpoints: { entityId: urls.identifier, acsUrl: urls.replyUrl, ...(key ? { encryption: { privateKeyPem: key, certificatePem: '' } } : {}) },
    policy,
    clock: { now: () => at },
    ...(basis.trust ? { idp: basis.trust } : {}),
  });
  const answered = input.request?.id ?? /\sInResponseTo="([^"]+)"/.exec(xml)?.[1];
  if (answered) {
    core.requests.add(answered, at);
    if (!input.request) assumptions.push(`The AuthnRequest ${answered} is not in the artefact; it was taken as one ${profile.displayName} had sent.`);
  }
  const report = await core.validate(xml, { at, commit: false });
  const outcome = decide(sp, report, at, basis);
  const known = Boolean(signer && basis.held.some((c) => c.thumbprint === signer.thumbprint));
  const findings = findMistakes({ vendor: profile.displayName, report, signer, basis, policy, at });
  const fixes = suggestFixes({ profile, params, settings: sp.state.settings, urls, report, outcome, at });
  return {
    vendorId: input.id,
    displayName: profile.displayName,
    addressed,
    params,
    urls: { identifier: urls.identifier, replyUrl: urls.replyUrl },
    trust: basis.kind,
    report,
    outcome,
    findings,
    assumptions,
    // A named mistake's fix says more than the check's generic one.
    fixes: [...findings.map((f) => f.fix), ...fixes.filter((f) => !(findings.length && f.setting.includes('identity provider')))],
    ...(signer ? { signer: { thumbprint: signer.thumbprint, subject: signer.subject, notBefore: signer.notBefore, notAfter: signer.notAfter, known } } : {}),
  };
}

/** The vendor's own rules, on copies: a diagnosis provisions no one. */
function decide(sp: VendorSp<unknown>, report: ValidationReport, at: Date, basis: TrustBasis): VendorOutcome {
  const failures = report.checks.filter((c) => c.status === 'fail' && !c.informational);
  if (noKey(report) && failures.length === 1) {
    return {
      kind: 'undetermined',
      reason: 'assertion-encrypted',
      message: "The assertion is encrypted and no key was given to read it: give the SP's private key (--sp-key) to check what is inside.",
    };
  }
  if (!report.ok || !report.identity) return { kind: 'refused', error: sp.profile.samlFailure(report) };
  const rules = applyRules(sp, report, report.identity, at);
  if (basis.kind !== 'assumed' || rules.kind === 'refused') return rules;
  return {
    kind: 'undetermined',
    reason: 'signer-unknown',
    identity: report.identity,
    message: `Undetermined: signer unknown. Every other check passed, and ${sp.profile.displayName} would sign in ${report.identity.nameId} if it trusts the signer; give the IdP's certificate (--cert) or metadata (--idp-metadata) to decide.`,
  };
}

function applyRules(sp: VendorSp<unknown>, report: ValidationReport, identity: Identity, at: Date): VendorOutcome {
  const r = sp.profile.signIn({
    settings: structuredClone(sp.state.settings),
    directory: new SpDirectory(structuredClone(sp.directory.data)),
    identity,
    report,
    solicited: Boolean(report.message.inResponseTo),
    now: at,
    faults: new Set(),
  });
  if (!r.ok) return { kind: 'refused', error: r.error };
  return { kind: 'signed-in', identity, ...(r.diff ? { diff: r.diff } : {}), ...(r.details ? { details: r.details } : {}) };
}
