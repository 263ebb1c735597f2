import type { PresetView } from '../../../shared/views';

const norm = (s: string) => s.toLowerCase().replace(/[\s_/-]+/g, ' ').trim();

/**
 * The presets a ticket's words find: every word of the query (a code with or without "AADSTS", a vendor, a name
 * such as ROLE_LOOKUP_ERROR, words of the message) appears in the preset's code, source, name, text or fault.
 * A number matches a code exactly ("7" finds Cloudinary's 7, not 17), or the start of a longer one ("500" finds 50011).
 */
export function searchPresets(presets: readonly PresetView[], query: string): PresetView[] {
  const words = norm(query.replace(/\baadsts(?=\d)/gi, '')).split(' ').filter(Boolean);
  if (!words.length) return [];
  return presets.filter((p) => {
    const code = norm(p.code.replace(/^AADSTS/i, ''));
    const hay = norm(`${p.code} ${p.source} ${p.sourceName} ${p.name} ${p.text} ${p.title}`);
    return words.every((w) => (/^\d+$/.test(w) ? code === w || (w.length >= 3 && code.startsWith(w)) : hay.includes(w)));
  });
}
