import { describeCertificate, type CertificateInfo } from '../crypto/certificate';
import { summarizeSignature } from '../crypto/xml-signature';
import type { IdpTrust } from '../sp/model';
import { descendants } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';

/** What the person diagnosing says about the IdP, besides what the vendor holds. */
export interface GivenIdp {
  /** Certificates (PEM) to trust: `--cert`. */
  certificates: readonly string[];
  /** The IdP's metadata as the vendor should hold it: `--idp-metadata`. */
  metadata?: IdpTrust;
}

/**
 * Whom the diagnosis trusts, and on what grounds:
 * - 'vendor': the vendor's own IdP configuration;
 * - 'given': metadata or certificates given for the diagnosis (they say what the customer's vendor holds);
 * - 'assumed': nothing is known of the IdP, so the signer's certificate is taken to check everything else,
 *   and the verdict can only be "undetermined".
 */
export interface TrustBasis {
  kind: 'vendor' | 'given' | 'assumed' | 'none';
  trust?: IdpTrust;
  /** Every certificate the SP holds, described (empty when assumed or none). */
  held: CertificateInfo[];
}

/** The certificate in the first signature's KeyInfo, as Entra always includes it. Never trusted for that. */
export function signerOf(xml: string): CertificateInfo | undefined {
  const parsed = parseXml(xml);
  if (!parsed.ok) return undefined;
  for (const sig of descendants(parsed.value, NS.ds, 'Signature')) {
    const cert = summarizeSignature(sig).keyInfoCertificate;
    const info = cert ? describeCertificate(cert) : undefined;
    if (info?.ok) return info.value;
  }
  return undefined;
}

const describeAll = (pems: readonly string[]): CertificateInfo[] => pems.map((p) => describeCertificate(p)).flatMap((r) => (r.ok ? [r.value] : []));

export function trustBasis(vendorTrust: IdpTrust | undefined, given: GivenIdp, signer: CertificateInfo | undefined): TrustBasis {
  const givenCerts = describeAll(given.certificates).map((c) => c.pem);
  if (given.metadata || givenCerts.length) {
    // Certificates alone name no entity ID, so the Issuer is then not compared (the core says so).
    const base: IdpTrust = given.metadata ?? { ssoUrl: vendorTrust?.ssoUrl ?? 'about:blank', certificates: givenCerts, source: 'signon-url-and-certificate' };
    const certificates = [...new Set([...base.certificates, ...givenCerts, ...(vendorTrust?.certificates ?? [])])];
    return { kind: 'given', trust: { ...base, certificates }, held: describeAll(certificates) };
  }
  if (vendorTrust) return { kind: 'vendor', trust: vendorTrust, held: describeAll(vendorTrust.certificates) };
  if (signer) return { kind: 'assumed', trust: { ssoUrl: 'about:blank', certificates: [signer.pem], source: 'assumed-signer' }, held: [] };
  return { kind: 'none', held: [] };
}
