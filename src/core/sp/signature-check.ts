import { SignedXml } from 'xml-crypto';
import { describeCertificate } from '../crypto/certificate';
import { publicKeyObject } from '../crypto/key-objects';
import { summarizeSignature } from '../crypto/xml-signature';

export type SignatureOutcome =
  | { status: 'verified'; certificateIndex: number; signedXml: string }
  /** The signature is sound but made with a key the SP does not trust. */
  | { status: 'untrusted'; signer: { thumbprint: string; subject: string } | undefined }
  | { status: 'digest-mismatch' }
  | { status: 'bad-value' }
  | { status: 'malformed'; detail: string };

/** SAML names its signed elements by ID; the structure check already refuses an ID that another attribute repeats. */
const SAML_ID_ATTRIBUTES = ['ID'];

function attempt(xml: string, signature: Element, pem: string): { result: 'ok'; signed: string } | { result: 'digest' | 'value' | 'malformed' } {
  let publicCert;
  try {
    publicCert = publicKeyObject(pem);
  } catch {
    // A trusted certificate that cannot be read verifies nothing.
    return { result: 'value' };
  }
  const sig = new SignedXml({ publicCert, getCertFromKeyInfo: () => null });
  // xml-crypto searches the whole document once per ID attribute name (Id, ID, id) for each reference; one
  // name is a third of that work (measured: 3.6 → 2.9 ms a signature on a 7 KB response).
  sig.idAttributes = SAML_ID_ATTRIBUTES;
  try {
    sig.loadSignature(signature);
  } catch {
    return { result: 'malformed' };
  }
  let verified: boolean;
  try {
    verified = sig.checkSignature(xml);
  } catch {
    verified = false;
  }
  if (verified) return { result: 'ok', signed: sig.getSignedReferences()[0] ?? '' };
  // A reference that failed to validate is a content change; otherwise the SignatureValue is what failed.
  return sig.getReferences().some((r) => r.validationError) ? { result: 'digest' } : { result: 'value' };
}

const thumbprintOf = (pem: string): string | undefined => {
  const d = describeCertificate(pem);
  return d.ok ? d.value.thumbprint : undefined;
};

/**
 * Verifies one signature with the SP's trusted certificates only. When none verifies, the certificate the
 * signer put in KeyInfo tells an untrusted-but-sound signature from a broken one — it is never trusted.
 * On success, the canonical XML that was signed is returned: identity is read from those bytes, so nothing
 * unsigned can be slipped in beside them.
 */
export function checkSignature(xml: string, signature: Element, trustedPems: readonly string[]): SignatureOutcome {
  const keyInfo = summarizeSignature(signature).keyInfoCertificate;
  const named = keyInfo ? describeCertificate(keyInfo) : undefined;
  const hint = named?.ok ? named.value.thumbprint : undefined;
  // KeyInfo only decides which trusted certificate is tried first — the one that verifies, unless it lies: an SP
  // holding several (rollover, a tenant's apps) would otherwise run a full check for each that does not.
  const order = trustedPems.map((pem, index) => ({ pem, index, named: hint !== undefined && thumbprintOf(pem) === hint }));
  order.sort((a, b) => Number(b.named) - Number(a.named));
  let sawValue = false;
  for (const { pem, index } of order) {
    const r = attempt(xml, signature, pem);
    if (r.result === 'ok') return { status: 'verified', certificateIndex: index, signedXml: r.signed };
    if (r.result === 'digest') return { status: 'digest-mismatch' };
    if (r.result === 'malformed') return { status: 'malformed', detail: 'the Signature element cannot be read' };
    sawValue = true;
  }
  if (named?.ok) {
    const r = attempt(xml, signature, named.value.pem);
    if (r.result === 'ok') return { status: 'untrusted', signer: { thumbprint: named.value.thumbprint, subject: named.value.subject } };
    if (r.result === 'digest') return { status: 'digest-mismatch' };
  }
  return sawValue || trustedPems.length > 0 ? { status: 'bad-value' } : { status: 'untrusted', signer: undefined };
}
