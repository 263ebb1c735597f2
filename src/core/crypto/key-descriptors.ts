import { attr, childElements, firstChild, textOf } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { describeCertificate, type CertificateInfo } from './certificate';

/** Why a signing KeyDescriptor gives no certificate: it holds none, or the one it holds cannot be read. */
export interface KeyDescriptorProblem {
  kind: 'no-certificate' | 'unreadable';
  element: Element;
  message: string;
}

/**
 * The signing certificates a metadata role (IDPSSODescriptor, SPSSODescriptor) publishes: every KeyDescriptor
 * with use="signing" or no use, its ds:X509Certificate read, duplicates once. One reading for the IdP's metadata
 * the vendors take and the SP's metadata the portal uploads.
 */
export function signingCertificatesOf(role: Element): { ok: true; value: Array<{ info: CertificateInfo; element: Element }> } | { ok: false; error: KeyDescriptorProblem } {
  const out: Array<{ info: CertificateInfo; element: Element }> = [];
  for (const kd of childElements(role, NS.md, 'KeyDescriptor')) {
    const use = attr(kd, 'use');
    if (use && use !== 'signing') continue;
    const x509 = firstChild(firstChild(firstChild(kd, NS.ds, 'KeyInfo') ?? kd, NS.ds, 'X509Data') ?? kd, NS.ds, 'X509Certificate');
    const b64 = textOf(x509)?.replace(/\s+/g, '');
    if (!b64) return { ok: false, error: { kind: 'no-certificate', element: kd, message: 'A signing KeyDescriptor has no X509Certificate.' } };
    const info = describeCertificate(b64);
    if (!info.ok) return { ok: false, error: { kind: 'unreadable', element: kd, message: info.error.message } };
    if (!out.some((c) => c.info.pem === info.value.pem)) out.push({ info: info.value, element: kd });
  }
  return { ok: true, value: out };
}
