/** A set-up as dotted paths to short values, so two set-ups can be compared line by line. */
export function flattenSettings(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value === undefined) return out;
  if (value === null || typeof value !== 'object') {
    out.set(prefix || '(value)', shorten(String(value)));
    return out;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) out.set(prefix, Array.isArray(value) ? '[]' : '{}');
  for (const [k, v] of entries) flattenSettings(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Certificates and keys are long; a diff names them by their start, end and length. */
function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 120 ? `${one.slice(0, 48)}…${one.slice(-24)} (${one.length} chars)` : one;
}

export interface SettingChange {
  path: string;
  /** The path as the blade that holds it names it ("Basic SAML Configuration › Reply URL 1"). */
  label?: string;
  a?: string;
  b?: string;
}

/** The paths whose values differ between two set-ups (added, removed or changed), in path order. */
export function diffSettings(a: unknown, b: unknown): SettingChange[] {
  const fa = flattenSettings(a);
  const fb = flattenSettings(b);
  const paths = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  return paths.flatMap((path) => {
    const va = fa.get(path);
    const vb = fb.get(path);
    return va === vb ? [] : [{ path, ...(va !== undefined ? { a: va } : {}), ...(vb !== undefined ? { b: vb } : {}) }];
  });
}
