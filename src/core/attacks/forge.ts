import { signEnveloped, type Signer } from '../idp/enveloped-signature';
import { childElements, descendants, firstChild } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXmlOrThrow } from '../xml/parse';
import type { HashName } from '../idp/signature-algorithms';

export type { Signer };

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

/** Signs the response's assertion (after its Issuer, as Entra does) with any key — the IdP's or an attacker's. */
export function signAssertion(xml: string, signer: Signer, hash: HashName = 'sha256'): string {
  const a = "/*[local-name(.)='Response']/*[local-name(.)='Assertion']";
  return signEnveloped(xml, signer, a, { hash, after: `${a}/*[local-name(.)='Issuer']`, prefix: 'ds' });
}

export function signResponse(xml: string, signer: Signer, hash: HashName = 'sha256'): string {
  return signEnveloped(xml, signer, "/*[local-name(.)='Response']", { hash, after: "/*[local-name(.)='Response']/*[local-name(.)='Issuer']", prefix: 'ds' });
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
