import type { CertificateInfo } from '../crypto/certificate';
import type { SpPolicy } from '../sp/model';
import type { CheckId, ValidationReport } from '../sp/report';
import type { Fix } from './verdict-types';
import type { TrustBasis } from './trust-basis';

/** The set-up mistakes people make again and again, each named, explained with the values that collided, and fixable. */
export type MistakeId =
  | 'certificate-rolled-over'
  | 'metadata-other-tenant'
  | 'metadata-other-app'
  | 'tenant-metadata'
  | 'common-metadata'
  | 'certificate-expired'
  | 'sha1'
  | 'response-signed-assertion-expected'
  | 'assertion-signed-response-expected';

export interface Finding {
  id: MistakeId;
  title: string;
  /** What was seen, with the values that collided. */
  detail: string;
  fix: Fix;
  /** The preset that reproduces it (`saml-harness reproduce <id>`), where the harness can. */
  preset?: string;
}

interface MistakeContext {
  vendor: string;
  report: ValidationReport;
  signer: CertificateInfo | undefined;
  basis: TrustBasis;
  policy: SpPolicy;
  at: Date;
}

const TENANT_ISSUER = /^https:\/\/sts\.windows\.net\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
/** The subject of Entra's tenant-wide signing keys, which sign tenant metadata and WS-Fed/OIDC tokens, not SAML apps. */
const TENANT_KEY_SUBJECT = /CN=accounts\.accesscontrol\.windows\.net|CN=login\.microsoftonline\.us/i;
const APP_KEY_SUBJECT = /CN=Microsoft Azure Federated SSO Certificate/i;

export const tenantOf = (issuer: string | undefined): string | undefined => (issuer ? TENANT_ISSUER.exec(issuer.trim())?.[1]?.toLowerCase() : undefined);

const day = (iso: string): string => iso.slice(0, 10);
const cert = (c: CertificateInfo): string => `thumbprint ${c.thumbprint} (${c.subject}, valid ${day(c.notBefore)} to ${day(c.notAfter)})`;
const failed = (r: ValidationReport, id: CheckId) => r.checks.find((c) => c.id === id && c.status === 'fail');
const newest = (certs: CertificateInfo[]) => certs.reduce<CertificateInfo | undefined>((a, c) => (!a || c.notBefore > a.notBefore ? c : a), undefined);

const giveMetadata = (vendor: string, because: string): Fix => ({
  where: 'vendor',
  setting: `${vendor} › identity provider metadata or certificate`,
  change: "Download the app's Federation Metadata XML (or Certificate (Base64)) from Entra › Enterprise applications › the app › Single sign-on › SAML Certificates, and give that to the vendor",
  because,
});

/** Why the signer is not trusted: a rollover, another tenant's or app's metadata, or tenant-level metadata. */
function trustMistakes(ctx: MistakeContext): Finding[] {
  const { report, signer, basis, vendor } = ctx;
  if (!failed(report, 'signature.trusted') || !signer || basis.held.length === 0) return [];
  // A held signer refused for its dates is the expiry finding's, not a trust mix-up.
  if (basis.held.some((c) => c.thumbprint === signer.thumbprint)) return [];
  const issuerTenant = tenantOf(report.message.issuer);
  const heldEntity = basis.trust?.entityId;
  const heldTenant = tenantOf(heldEntity);
  const held = basis.held.map(cert).join('; ');
  const out: Finding[] = [];
  if (heldEntity?.includes('{tenantid}')) {
    out.push({
      id: 'common-metadata',
      title: 'The vendor holds the multi-tenant "common" metadata',
      detail: `${vendor} holds metadata whose entity ID is the template "${heldEntity}" and whose keys are Entra's tenant-wide keys; the response comes from ${report.message.issuer ?? 'a tenant'}, signed with ${cert(signer)}`,
      fix: giveMetadata(vendor, 'the common endpoint describes no tenant and no app; a SAML app signs with its own certificate'),
    });
  } else if (issuerTenant && heldTenant && issuerTenant !== heldTenant) {
    out.push({
      id: 'metadata-other-tenant',
      title: "The vendor holds another tenant's metadata",
      detail: `the response's Issuer names tenant ${issuerTenant}; ${vendor} holds the metadata of tenant ${heldTenant} (${heldEntity})`,
      fix: giveMetadata(vendor, `the metadata ${vendor} holds is of tenant ${heldTenant}, the response comes from tenant ${issuerTenant}`),
      preset: 'mistakes/metadata-other-tenant',
    });
  }
  if (basis.held.every((c) => TENANT_KEY_SUBJECT.test(c.subject)) && APP_KEY_SUBJECT.test(signer.subject)) {
    out.push({
      id: 'tenant-metadata',
      title: "Tenant-level metadata was used where the app's metadata was needed",
      detail: `${vendor} holds only Entra's tenant-wide keys (${held}); the response is signed with the app's own certificate, ${cert(signer)}`,
      fix: giveMetadata(vendor, "the tenant's federationmetadata.xml (without ?appid=) lists the tenant's keys; SAML apps sign with their per-app certificate"),
      preset: 'mistakes/tenant-metadata',
    });
  }
  if (out.length) return out;
  if (heldTenant && issuerTenant && heldTenant !== issuerTenant) return out;
  const latest = newest(basis.held);
  if (latest && signer.notBefore > latest.notBefore) {
    return [
      {
        id: 'certificate-rolled-over',
        title: 'The certificate was rolled over in Entra but not at the vendor',
        detail: `Entra signs with the newer ${cert(signer)}; ${vendor} still holds ${held}`,
        fix: giveMetadata(vendor, `the certificate active in Entra (${signer.thumbprint}) is newer than the one ${vendor} holds (${latest.thumbprint})`),
        preset: 'mistakes/certificate-rolled-over',
      },
    ];
  }
  return [
    {
      id: 'metadata-other-app',
      title: "The vendor holds another app's certificate",
      detail: `signed with ${cert(signer)}, which is not newer than what ${vendor} holds (${held}): the vendor was given another enterprise app's metadata or certificate`,
      fix: giveMetadata(vendor, "each enterprise app signs with its own certificate; the vendor must hold this app's"),
      preset: 'mistakes/metadata-other-app',
    },
  ];
}

function expiry(ctx: MistakeContext): Finding[] {
  const { signer, at, vendor, policy } = ctx;
  if (!signer || (new Date(signer.notBefore) <= at && at <= new Date(signer.notAfter))) return [];
  const expired = new Date(signer.notAfter) < at;
  const refuses = policy.checkCertificateValidity ? `${vendor} checks certificate dates and refuses it` : `${vendor} does not check certificate dates, but stricter SPs refuse it`;
  return [
    {
      id: 'certificate-expired',
      title: expired ? "The signing certificate has expired at the vendor's clock" : "The signing certificate is not yet valid at the vendor's clock",
      detail: `${cert(signer)}; the vendor's clock says ${at.toISOString()}. ${refuses}`,
      fix: {
        where: 'entra',
        setting: 'SAML Certificates › New Certificate',
        change: `Create a new certificate, make it active, and give ${vendor} the new metadata; if the certificate is current, check the vendor server's clock`,
        because: `${expired ? 'it expired' : 'it is not valid before'} ${expired ? signer.notAfter : signer.notBefore}`,
      },
      preset: 'mistakes/certificate-expired',
    },
  ];
}

function signingMistakes(ctx: MistakeContext): Finding[] {
  const { report, vendor, policy } = ctx;
  const out: Finding[] = [];
  const algorithm = failed(report, 'signature.algorithm');
  if (algorithm && /SHA-1/.test(algorithm.reason)) {
    out.push({
      id: 'sha1',
      title: 'SHA-1 against a vendor that requires SHA-256',
      detail: algorithm.reason,
      fix: { where: 'entra', setting: 'SAML Certificates › Signing Algorithm', change: 'Choose SHA-256', because: `${vendor} refuses SHA-1 signatures` },
      preset: 'mistakes/sha1',
    });
  }
  const required = failed(report, 'signature.required');
  const signed = report.message.signatures.map((s) => s.element);
  if (required && policy.wantAssertionsSigned && !signed.includes('Assertion') && signed.includes('Response')) {
    out.push({
      id: 'response-signed-assertion-expected',
      title: 'The response is signed where the vendor expects the assertion signed',
      detail: required.reason,
      fix: {
        where: 'entra',
        setting: 'SAML Certificates › Signing Option',
        change: `Choose "${policy.wantResponseSigned ? 'Sign SAML response and assertion' : 'Sign SAML assertion'}"`,
        because: `${vendor} reads the signature on the Assertion`,
      },
      preset: 'mistakes/response-signed-assertion-expected',
    });
  }
  if (required && policy.wantResponseSigned && !signed.includes('Response') && signed.includes('Assertion')) {
    out.push({
      id: 'assertion-signed-response-expected',
      title: 'The assertion is signed where the vendor expects the response signed',
      detail: required.reason,
      fix: {
        where: 'entra',
        setting: 'SAML Certificates › Signing Option',
        change: `Choose "${policy.wantAssertionsSigned ? 'Sign SAML response and assertion' : 'Sign SAML response'}"`,
        because: `${vendor} reads the signature on the Response`,
      },
      preset: 'mistakes/assertion-signed-response-expected',
    });
  }
  return out;
}

/** The classic mistakes this response and this vendor's configuration show, most telling first. */
export function findMistakes(ctx: MistakeContext): Finding[] {
  return [...trustMistakes(ctx), ...expiry(ctx), ...signingMistakes(ctx)];
}
