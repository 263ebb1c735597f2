import type { PresetView } from './preset-view';

/**
 * The presets a ticket's own words find, for the Reproduce screen and `saml-harness reproduce` alike: a code with
 * or without "AADSTS", "Error code 7", "Code: 7", a vendor, a name such as ROLE_LOOKUP_ERROR, or a sentence copied
 * from the error page ("The reply URL specified in the request does not match").
 */
export function searchPresets(presets: readonly PresetView[], query: string): PresetView[] {
  const aadsts = /aadsts\s*(\d+)/i.exec(query)?.[1];
  if (aadsts) return presets.filter((p) => p.source === 'entra' && codeOf(p) === aadsts);
  const words = wordsOf(query);
  if (!words.length) return [];
  const scored = presets.map((p) => ({ p, score: score(p, words) }));
  const every = scored.filter((s) => s.score === 1).map((s) => s.p);
  if (every.length || words.length < 4) return every;
  // A pasted sentence carries words the catalogue does not (the app's name, a URL): most of them is enough.
  const best = Math.max(...scored.map((s) => s.score));
  return best >= 0.75 ? scored.filter((s) => s.score === best).map((s) => s.p) : [];
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/'[^']*'|"[^"]*"/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Words a ticket wraps a code in, which name no preset. */
const FILLER = new Set(['error', 'errors', 'code', 'codes', 'err', 'no', 'number', 'the', 'a', 'an', 'with', 'got', 'saml']);

function wordsOf(query: string): string[] {
  return norm(query)
    .split(' ')
    .filter((w) => w && !FILLER.has(w));
}

const codeOf = (p: PresetView) => p.code.replace(/^AADSTS/i, '').toLowerCase();

function score(p: PresetView, words: readonly string[]): number {
  const code = norm(codeOf(p));
  const hay = ` ${norm(`${p.code} ${p.source} ${p.sourceName} ${p.name} ${p.text} ${p.title} ${p.message ?? ''}`)} `;
  // A number is a code: "7" finds Cloudinary's 7, not 17; three digits or more find the codes they start.
  const hit = (w: string) => (/^\d+$/.test(w) ? code === w || (w.length >= 3 && code.startsWith(w)) : hay.includes(` ${w}`));
  return words.filter(hit).length / words.length;
}
