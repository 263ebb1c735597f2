/**
 * What a byte-level reader sees of an XML document, read from the text itself (a DOM would hide it): the BOM,
 * the XML declaration, whitespace between tags, and per element name as written (prefix and all) the
 * attributes in the order written — namespace declarations included — and how an empty element is closed.
 */
export interface LexicalShape {
  bom: boolean;
  declaration: string | null;
  /** Whitespace-only text between two tags: a one-line document has none. */
  whitespaceBetweenTags: number;
  elements: Map<string, { attributes: string[]; selfClosing: boolean; spaceBeforeSlash: boolean }>;
  /** Every timestamp attribute's value. */
  times: string[];
}

const TAG = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[\w.:-]+\s*=\s*"[^"]*")*)(\s*)(\/?)>/g;
const ATTR = /([\w.:-]+)\s*=\s*"([^"]*)"/g;
const TIME_ATTRS = new Set(['IssueInstant', 'NotBefore', 'NotOnOrAfter', 'AuthnInstant']);

export function lexicalShape(text: string): LexicalShape {
  const body = text.replace(/^\uFEFF/, '');
  const elements: LexicalShape['elements'] = new Map();
  const times: string[] = [];
  for (const m of body.matchAll(TAG)) {
    const attrs = [...m[2]!.matchAll(ATTR)];
    for (const a of attrs) if (TIME_ATTRS.has(a[1]!)) times.push(a[2]!);
    if (!elements.has(m[1]!)) elements.set(m[1]!, { attributes: attrs.map((a) => a[1]!), selfClosing: m[4] === '/', spaceBeforeSlash: m[4] === '/' && m[3] !== '' });
  }
  return {
    bom: text.startsWith('\uFEFF'),
    declaration: /^<\?xml[^>]*\?>/.exec(body)?.[0] ?? null,
    whitespaceBetweenTags: [...body.trimEnd().matchAll(/>\s+</g)].length,
    elements,
    times,
  };
}

/** Where two documents' shapes differ, element by element, for the elements both have. */
export function lexicalDifferences(real: LexicalShape, ours: LexicalShape, optional: readonly string[] = []): string[] {
  const out: string[] = [];
  if (real.bom !== ours.bom) out.push(`BOM: real ${real.bom}, ours ${ours.bom}`);
  if (real.declaration !== ours.declaration) out.push(`XML declaration: real ${real.declaration}, ours ${ours.declaration}`);
  if ((real.whitespaceBetweenTags === 0) !== (ours.whitespaceBetweenTags === 0)) out.push(`whitespace between tags: real ${real.whitespaceBetweenTags}, ours ${ours.whitespaceBetweenTags}`);
  for (const [name, r] of real.elements) {
    const o = ours.elements.get(name);
    if (!o) {
      if (!optional.includes(name)) out.push(`<${name}>: in the real document, not in ours`);
      continue;
    }
    const ra = r.attributes.filter((a) => !optional.includes(`${name}@${a}`));
    const oa = o.attributes.filter((a) => !optional.includes(`${name}@${a}`));
    if (ra.join(' ') !== oa.join(' ')) out.push(`<${name}> attributes: real [${ra.join(' ')}], ours [${oa.join(' ')}]`);
    if (r.selfClosing && o.selfClosing && r.spaceBeforeSlash !== o.spaceBeforeSlash)
      out.push(`<${name}/>: real ${r.spaceBeforeSlash ? 'with' : 'without'} a space before "/>", ours ${o.spaceBeforeSlash ? 'with' : 'without'}`);
  }
  for (const name of ours.elements.keys()) if (!real.elements.has(name) && !optional.includes(name)) out.push(`<${name}>: in ours, not in the real document`);
  return out;
}
