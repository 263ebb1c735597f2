import fc from 'fast-check';

/**
 * How many inputs each property gets: a bounded number in CI, FUZZ_RUNS for a long run (`npm run fuzz`
 * gives each of the four properties 25,000, for 100,000 in all).
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Generous per-test time for the long run; CI's bounded run takes seconds. */
export const FUZZ_TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 20);

/** Pieces of XML and encodings that break parsers: markup, entities, comments, DTDs, namespaces, huge runs. */
const NASTY = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&lol;',
  '"',
  "'",
  '<!--',
  '-->',
  '<!---->',
  ']]>',
  '<![CDATA[',
  '<?xml version="1.0"?>',
  '<?pi x?>',
  '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  '<!ENTITY a "b">',
  'xmlns="urn:x"',
  'xmlns:saml="urn:evil"',
  ' ID="_dup"',
  '</',
  '/>',
  '\u0000',
  '\uFFFE',
  '\uD800',
  '=',
  '+',
  '/',
  '%',
  '%00',
  '\n',
  '\r\n',
  '\t',
  ' ',
  'Signature',
  'Assertion',
  'ds:',
  'saml:',
  'x'.repeat(5000),
];

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; length: number; text: string }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'flip'; at: number };

/** A place in the input, uniform over its length (fast-check's default bias would pile them at the start). */
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const piece = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 12 }));

export const mutation: fc.Arbitrary<{ op: Mutation['op']; at: number; length: number; text: string }> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'flip'),
  at: position,
  length: fc.integer({ min: 1, max: 400 }),
  text: piece,
});

/** Applies one to five mutations to a real input. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 5 });

export function mutate(base: string, ms: ReadonlyArray<{ op: Mutation['op']; at: number; length: number; text: string }>): string {
  let s = base;
  for (const m of ms) {
    const at = Math.floor(m.at * s.length);
    switch (m.op) {
      case 'insert':
        s = s.slice(0, at) + m.text + s.slice(at);
        break;
      case 'delete':
        s = s.slice(0, at) + s.slice(at + m.length);
        break;
      case 'replace':
        s = s.slice(0, at) + m.text + s.slice(at + m.length);
        break;
      case 'duplicate':
        s = s.slice(0, at) + s.slice(at, at + m.length) + s.slice(at);
        break;
      case 'flip': {
        const c = s.charCodeAt(at);
        s = Number.isNaN(c) ? s : s.slice(0, at) + String.fromCharCode(c ^ 0x20) + s.slice(at + 1);
        break;
      }
    }
  }
  return s;
}

/** Fails if a call takes longer than a person would wait: a hang is a failure, not a slow pass. */
export async function withinTime<T>(what: string, p: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Changes to the element tree that keep the XML well-formed, so the checks past parsing get exercised. */
export const treeMutations = fc.array(
  fc.record({
    op: fc.constantFrom('remove', 'duplicate', 'move', 'set-attribute', 'set-text', 'rename-id'),
    element: position,
    target: position,
    value: fc.oneof(
      fc.constantFrom('', 'alex.wilber@contoso.com', '_dup', '2000-01-01T00:00:00Z', 'https://evil.example/acs', 'urn:oasis:names:tc:SAML:2.0:status:Success'),
      fc.string({ maxLength: 30 }),
    ),
    attribute: fc.constantFrom('ID', 'Destination', 'Recipient', 'InResponseTo', 'NotOnOrAfter', 'NotBefore', 'IssueInstant', 'Version', 'URI', 'Algorithm', 'Name'),
  }),
  { minLength: 1, maxLength: 4 },
);

/** Whether node is el or inside it (xmldom has no Node.contains). */
function within(node: Node, el: Element): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n === el) return true;
  return false;
}

export function mutateTree(xml: string, ops: ReadonlyArray<{ op: string; element: number; target: number; value: string; attribute: string }>, parse: (s: string) => Document): string {
  const doc = parse(xml);
  const all = () => Array.from(doc.getElementsByTagName('*'));
  for (const o of ops) {
    const els = all();
    const el = els[Math.floor(o.element * els.length)];
    const other = els[Math.floor(o.target * els.length)];
    if (!el || el === doc.documentElement) continue;
    switch (o.op) {
      case 'remove':
        el.parentNode?.removeChild(el);
        break;
      case 'duplicate':
        el.parentNode?.insertBefore(el.cloneNode(true), el.nextSibling);
        break;
      case 'move':
        if (other && !within(other, el)) other.appendChild(el);
        break;
      case 'set-attribute':
        el.setAttribute(o.attribute, o.value);
        break;
      case 'set-text':
        if (!el.firstElementChild) el.textContent = o.value;
        break;
      case 'rename-id':
        if (el.getAttribute('ID') && other?.getAttribute('ID')) el.setAttribute('ID', other.getAttribute('ID')!);
        break;
    }
  }
  return doc.toString();
}
