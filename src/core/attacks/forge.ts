import { SignedXml } from 'xml-crypto';
import { privateKeyObject } from '../crypto/key-objects';
import { childElements, descendants, firstChild } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXmlOrThrow } from '../xml/parse';
import { DIGEST_ALGORITHM, ENVELOPED, EXC_C14N, SIGNATURE_ALGORITHM, type HashName } from '../idp/signature-algorithms';

export interface Signer {
  privateKeyPem: string;
  certificatePem: string;
}

/** Removes every ds:Signature; a forged message starts from the unsigned content. */
export function stripSignatures(xml: string, which: 'all' | 'response' | 'assertion' = 'all'): string {
  const doc = parseXmlOrThrow(xml);
  const root = doc.documentElement;
  for (const sig of descendants(doc, NS.ds, 'Signature')) {
    const onResponse = sig.parentNode === root;
    if (which === 'all' || (which === 'response') === onResponse) sig.parentNode!.removeChild(sig);
  }
  return doc.toString();
}

function sign(xml: string, signer: Signer, xpath: string, location: string, hash: HashName): string {
  const sig = new SignedXml({
    privateKey: privateKeyObject(signer.privateKeyPem),
    publicCert: signer.certificatePem,
    signatureAlgorithm: SIGNATURE_ALGORITHM[hash],
    canonicalizationAlgorithm: EXC_C14N,
  });
  sig.addReference({ xpath, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: DIGEST_ALGORITHM[hash] });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: location, action: 'after' } });
  return sig.getSignedXml();
}

/** Signs the response's assertion (after its Issuer, as Entra does) with any key — the IdP's or an attacker's. */
export function signAssertion(xml: string, signer: Signer, hash: HashName = 'sha256'): string {
  const a = "/*[local-name(.)='Response']/*[local-name(.)='Assertion']";
  return sign(xml, signer, a, `${a}/*[local-name(.)='Issuer']`, hash);
}

export function signResponse(xml: string, signer: Signer, hash: HashName = 'sha256'): string {
  return sign(xml, signer, "/*[local-name(.)='Response']", "/*[local-name(.)='Response']/*[local-name(.)='Issuer']", hash);
}

/** Edits the unsigned response as a DOM and serialises it again. */
export function editXml(xml: string, edit: (doc: Document) => void): string {
  const doc = parseXmlOrThrow(xml);
  edit(doc);
  return doc.toString();
}

/** The single Assertion element of a response document. */
export function assertionOf(doc: Document): Element {
  const a = childElements(doc.documentElement, NS.saml, 'Assertion')[0];
  if (!a) throw new Error('the response has no Assertion');
  return a;
}

export function subjectConfirmationData(doc: Document): Element {
  const subject = firstChild(assertionOf(doc), NS.saml, 'Subject')!;
  return firstChild(firstChild(subject, NS.saml, 'SubjectConfirmation')!, NS.saml, 'SubjectConfirmationData')!;
}
