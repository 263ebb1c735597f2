import { descendants } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { describeCertificate } from './certificate';
import { summarizeSignature } from './xml-signature';

export interface SignatureView {
  /** The element the signature sits in. */
  element: string;
  /** The ID its reference points at. */
  elementId?: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  /** SHA-1 thumbprint of the KeyInfo certificate, when the signer included one. */
  certificateThumbprint?: string;
  /** True when the reference points at the element the signature sits in. */
  coversParent: boolean;
}

/** Every XML signature in a document: where it sits, what it points at, which algorithms and certificate. */
export function signatureViews(doc: Document | Element): SignatureView[] {
  return descendants(doc, NS.ds, 'Signature').map((sig) => {
    const s = summarizeSignature(sig);
    const parent = sig.parentNode as Element | null;
    const cert = s.keyInfoCertificate ? describeCertificate(s.keyInfoCertificate) : undefined;
    return {
      element: parent?.localName ?? '?',
      coversParent: Boolean(parent && s.referenceId && parent.getAttribute('ID') === s.referenceId),
      ...(s.referenceId ? { elementId: s.referenceId } : {}),
      ...(s.signatureAlgorithm ? { signatureAlgorithm: s.signatureAlgorithm } : {}),
      ...(s.digestAlgorithm ? { digestAlgorithm: s.digestAlgorithm } : {}),
      ...(cert?.ok ? { certificateThumbprint: cert.value.thumbprint } : {}),
    };
  });
}
