import { parseXmlOrThrow } from '../../src/core/xml/parse';

const SHORT: Record<string, string> = {
  'urn:oasis:names:tc:SAML:2.0:protocol': 'samlp',
  'urn:oasis:names:tc:SAML:2.0:assertion': 'saml',
  'http://www.w3.org/2000/09/xmldsig#': 'ds',
  'http://www.w3.org/2001/04/xmlenc#': 'xenc',
};

function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

function describe(el: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.name !== 'xmlns' && a.prefix !== 'xmlns') attrs.push(a.localName ?? a.name);
  }
  attrs.sort();
  const ns = SHORT[el.namespaceURI ?? ''] ?? el.namespaceURI ?? '';
  return `{${ns}}${el.localName}${attrs.length ? ` [${attrs.join(' ')}]` : ''}`;
}

/**
 * The element tree of a document with values left out: one line per element, `{ns}name [attributes]`,
 * indented by depth. A run of same-named siblings (Attribute, Transform) is shown once, marked `+`, so the
 * number of claims is not structure. Namespace prefixes and declarations are lexical and left out; the
 * namespaces themselves are kept.
 */
export function xmlSkeleton(xml: string): string {
  const lines: string[] = [];
  const walk = (el: Element, depth: number, repeated: boolean): void => {
    lines.push(`${'  '.repeat(depth)}${describe(el)}${repeated ? ' +' : ''}`);
    const children = elementChildren(el);
    for (let i = 0; i < children.length;) {
      let j = i + 1;
      while (j < children.length && describe(children[j]!) === describe(children[i]!)) j++;
      walk(children[i]!, depth + 1, j - i > 1);
      i = j;
    }
  };
  walk(parseXmlOrThrow(xml).documentElement, 0, false);
  return lines.join('\n') + '\n';
}
