import { SignedXml } from 'xml-crypto';
import { publicKeyObject } from './key-objects';
import { attr, childElements, childPath, textOf } from '../xml/dom';
import { NS } from '../xml/namespaces';

export interface SignatureSummary {
  /** The ID the single Reference points at, without '#'. */
  referenceId: string | undefined;
  signatureAlgorithm: string | undefined;
  digestAlgorithm: string | undefined;
  canonicalization: string | undefined;
  transforms: string[];
  /** Base64 of the certificate in KeyInfo, if the signer included one (never trusted by itself). */
  keyInfoCertificate: string | undefined;
  referenceCount: number;
}

export function summarizeSignature(signature: Element): SignatureSummary {
  const signedInfo = childPath(signature, [NS.ds, 'SignedInfo']);
  const refs = signedInfo ? childElements(signedInfo, NS.ds, 'Reference') : [];
  const ref = refs[0];
  const uri = attr(ref, 'URI');
  const transforms = ref ? childElements(childPath(ref, [NS.ds, 'Transforms']) ?? ref, NS.ds, 'Transform').map((t) => attr(t, 'Algorithm') ?? '') : [];
  const cert = textOf(childPath(signature, [NS.ds, 'KeyInfo'], [NS.ds, 'X509Data'], [NS.ds, 'X509Certificate']));
  return {
    referenceId: uri?.startsWith('#') ? uri.slice(1) : uri,
    signatureAlgorithm: attr(childPath(signature, [NS.ds, 'SignedInfo'], [NS.ds, 'SignatureMethod']), 'Algorithm'),
    digestAlgorithm: attr(ref ? childPath(ref, [NS.ds, 'DigestMethod']) : undefined, 'Algorithm'),
    canonicalization: attr(childPath(signature, [NS.ds, 'SignedInfo'], [NS.ds, 'CanonicalizationMethod']), 'Algorithm'),
    transforms,
    keyInfoCertificate: cert?.replace(/\s+/g, ''),
    referenceCount: refs.length,
  };
}

export type EnvelopedCheck = { status: 'valid'; certificateIndex: number } | { status: 'invalid'; reason: 'digest' | 'signature' | 'reference' | 'untrusted'; detail: string };

/**
 * Verifies the enveloped signature `signature` over `signedElement` against trusted certificates only (never
 * the KeyInfo one). The reference must point at the signed element's own ID, or the signature covers
 * something else — the root of every wrapping attack.
 */
export function verifyEnvelopedSignature(xml: string, signedElement: Element, signature: Element, trustedPems: readonly string[]): EnvelopedCheck {
  const id = signedElement.getAttribute('ID');
  const summary = summarizeSignature(signature);
  if (!id || summary.referenceCount !== 1 || summary.referenceId !== id) {
    return { status: 'invalid', reason: 'reference', detail: `the signature references "#${summary.referenceId ?? ''}", not this element (ID ${id ?? 'missing'})` };
  }
  let lastDetail = 'no trusted certificate';
  for (const [i, pem] of trustedPems.entries()) {
    try {
      const sig = new SignedXml({ publicCert: publicKeyObject(pem), getCertFromKeyInfo: () => null });
      sig.loadSignature(signature);
      if (sig.checkSignature(xml)) return { status: 'valid', certificateIndex: i };
    } catch (e) {
      lastDetail = (e as Error).message;
      if (/digest/i.test(lastDetail)) return { status: 'invalid', reason: 'digest', detail: lastDetail };
    }
  }
  return { status: 'invalid', reason: trustedPems.length === 0 ? 'untrusted' : 'signature', detail: lastDetail };
}
