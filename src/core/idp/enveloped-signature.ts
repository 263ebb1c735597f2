import { SignedXml } from 'xml-crypto';
import { privateKeyObject } from '../crypto/key-objects';
import { DIGEST_ALGORITHM, ENVELOPED, EXC_C14N, SIGNATURE_ALGORITHM, type HashName } from './signature-algorithms';

export interface Signer {
  privateKeyPem: string;
  certificatePem: string;
}

/**
 * Signs the element at `xpath` with an enveloped signature (exclusive C14N, the certificate in KeyInfo), placed
 * as its first child or right after the element at `after` — where Entra puts it: after the Issuer.
 */
export function signEnveloped(xml: string, signer: Signer, xpath: string, opts: { hash?: HashName; after?: string; prefix?: string } = {}): string {
  const hash = opts.hash ?? 'sha256';
  const sig = new SignedXml({
    privateKey: privateKeyObject(signer.privateKeyPem),
    publicCert: signer.certificatePem,
    signatureAlgorithm: SIGNATURE_ALGORITHM[hash],
    canonicalizationAlgorithm: EXC_C14N,
  });
  sig.addReference({ xpath, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: DIGEST_ALGORITHM[hash] });
  const location = opts.after ? ({ reference: opts.after, action: 'after' } as const) : ({ reference: xpath, action: 'prepend' } as const);
  sig.computeSignature(xml, { ...(opts.prefix ? { prefix: opts.prefix } : {}), location });
  return sig.getSignedXml();
}
