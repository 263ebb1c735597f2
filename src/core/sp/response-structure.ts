import { attr, childElements, descendants, elementPath, firstChild, textOf } from '../xml/dom';
import { NS } from '../xml/namespaces';

export interface StatusInfo {
  code: string;
  subCode?: string;
  message?: string;
}

export interface ResponseParts {
  response: Element;
  issuer?: string;
  status?: StatusInfo;
  /** The one assertion of the response, plain or encrypted, as a direct child of Response. */
  assertion?: Element;
  encryptedAssertion?: Element;
  responseSignature?: Element;
}

export interface StructureProblem {
  reason: string;
  element: string;
}

export function readStatus(response: Element): StatusInfo | undefined {
  const status = firstChild(response, NS.samlp, 'Status');
  const code = firstChild(status ?? response, NS.samlp, 'StatusCode');
  const value = attr(code, 'Value');
  if (!status || !value) return undefined;
  const sub = attr(firstChild(code!, NS.samlp, 'StatusCode'), 'Value');
  const message = textOf(firstChild(status, NS.samlp, 'StatusMessage'))?.trim();
  return { code: value, ...(sub ? { subCode: sub } : {}), ...(message ? { message } : {}) };
}

export function locateParts(response: Element): ResponseParts {
  const assertions = childElements(response, NS.saml, 'Assertion');
  const encrypted = childElements(response, NS.saml, 'EncryptedAssertion');
  const status = readStatus(response);
  const issuer = textOf(firstChild(response, NS.saml, 'Issuer'))?.trim();
  const signature = firstChild(response, NS.ds, 'Signature');
  return {
    response,
    ...(issuer ? { issuer } : {}),
    ...(status ? { status } : {}),
    ...(assertions[0] ? { assertion: assertions[0] } : {}),
    ...(encrypted[0] ? { encryptedAssertion: encrypted[0] } : {}),
    ...(signature ? { responseSignature: signature } : {}),
  };
}

/**
 * What signature-wrapping attacks leave behind: a second assertion, an assertion or signature out of place,
 * a signature pointing elsewhere than its parent, or IDs used twice so a reference can resolve to a decoy.
 */
export function wrappingProblems(doc: Document | Element): StructureProblem | undefined {
  const root = 'documentElement' in doc ? doc.documentElement : doc;
  const ids = new Map<string, Element>();
  const all = [root, ...descendantsAll(root)];
  for (const el of all) {
    for (const name of ['ID', 'Id', 'id']) {
      const v = el.getAttribute(name);
      if (!v) continue;
      if (ids.has(v)) return { reason: `two elements carry the ID "${v}" — a reference could resolve to either`, element: elementPath(el) };
      ids.set(v, el);
    }
  }
  const split = splitValue(root);
  if (split) return split;
  const isResponse = root.namespaceURI === NS.samlp && root.localName === 'Response';
  const assertions = [...(root.localName === 'Assertion' ? [root] : []), ...descendants(root, NS.saml, 'Assertion'), ...descendants(root, NS.saml, 'EncryptedAssertion')];
  if (isResponse) {
    const direct = assertions.filter((a) => a.parentNode === root);
    if (direct.length > 1) return { reason: `the response holds ${direct.length} assertions; exactly one is allowed`, element: elementPath(direct[1]!) };
    const stray = assertions.find((a) => a.parentNode !== root);
    if (stray) return { reason: 'an assertion sits outside the Response root, where a wrapping attack hides the signed original', element: elementPath(stray) };
  }
  for (const sig of descendants(root, NS.ds, 'Signature')) {
    const parent = sig.parentNode as Element;
    const placed = parent === root || (parent.namespaceURI === NS.saml && parent.localName === 'Assertion');
    if (!placed) return { reason: `a signature sits inside <${parent.localName}>, not on the Response or the Assertion`, element: elementPath(sig) };
    const refs = descendants(sig, NS.ds, 'Reference');
    const uri = attr(refs[0], 'URI');
    if (refs.length !== 1 || uri !== `#${parent.getAttribute('ID')}`) {
      return { reason: `the signature on <${parent.localName}> references "${uri ?? ''}", not the element it signs`, element: elementPath(sig) };
    }
  }
  return undefined;
}

/**
 * A comment or processing instruction inside a NameID or attribute value (CVE-2017-11428 and kin): canonical
 * XML drops comments, so the signature still verifies, while an SP that reads the first text node reads only
 * the part before it — the attacker's "victim@contoso.com<!---->.evil.example" becomes the victim.
 */
function splitValue(root: Element): StructureProblem | undefined {
  for (const el of [...descendants(root, NS.saml, 'NameID'), ...descendants(root, NS.saml, 'AttributeValue')]) {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 8 || c.nodeType === 7) {
        return {
          reason: `a ${c.nodeType === 8 ? 'comment' : 'processing instruction'} splits the text of <${el.localName}> ("${el.textContent ?? ''}"): what an SP reads and what was signed could differ`,
          element: elementPath(el),
        };
      }
    }
  }
  return undefined;
}

function descendantsAll(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (n: Element): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        out.push(c as Element);
        walk(c as Element);
      }
    }
  };
  walk(root);
  return out;
}
