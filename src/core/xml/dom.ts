/** Small namespace-aware DOM helpers; XPath by local-name is what signature-wrapping attacks exploit. */

export function childElements(parent: Node, ns?: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const el = c as Element;
    if (ns !== undefined && el.namespaceURI !== ns) continue;
    if (localName !== undefined && el.localName !== localName) continue;
    out.push(el);
  }
  return out;
}

export function firstChild(parent: Node, ns: string, localName: string): Element | undefined {
  return childElements(parent, ns, localName)[0];
}

/** Follows a path of [namespace, localName] steps through direct children. */
export function childPath(parent: Node, ...steps: Array<readonly [string, string]>): Element | undefined {
  let cur: Node | undefined = parent;
  for (const [ns, name] of steps) {
    cur = cur ? firstChild(cur, ns, name) : undefined;
  }
  return cur as Element | undefined;
}

export function descendants(root: Node, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      if (el.namespaceURI === ns && el.localName === localName) out.push(el);
      walk(el);
    }
  };
  walk(root);
  return out;
}

export function textOf(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  return el.textContent ?? '';
}

export function attr(el: Element | undefined, name: string): string | undefined {
  if (!el || !el.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}

/** A short, human path to an element for reports: /Response/Assertion[1]/Subject. */
export function elementPath(el: Element): string {
  const parts: string[] = [];
  let cur: Node | null = el;
  while (cur && cur.nodeType === 1) {
    const e = cur as Element;
    const parent: Node | null = e.parentNode;
    const same = parent ? childElements(parent, e.namespaceURI ?? undefined, e.localName) : [e];
    parts.unshift(same.length > 1 ? `${e.localName}[${same.indexOf(e) + 1}]` : e.localName);
    cur = parent;
  }
  return '/' + parts.join('/');
}
