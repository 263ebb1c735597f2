import { AADSTS } from '../../idp/aadsts';
import { resolveProfile } from '../../vendors/registry';
import { searchPresets } from './ticket-search';
import type { Preset } from './preset';
import { presetView } from './preset-view';

/** What a preset answers to, as a ticket would name it: its id, its code, the code's name. */
interface Keys {
  preset: Preset;
  keys: string[];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '/');

function keysOf(p: Preset): Keys {
  const keys = [p.id, p.code];
  if (p.source === 'entra') {
    const entry = (AADSTS as Record<string, { name: string } | undefined>)[p.code.replace(/^AADSTS/, '')];
    keys.push(p.code.replace(/^AADSTS/, ''));
    if (entry) keys.push(entry.name);
  } else if (p.source !== 'mistakes') {
    const name = resolveProfile(p.build().vendor).errors[p.code]?.name;
    if (name) keys.push(name, `${p.source}/${name}`);
  }
  return { preset: p, keys: keys.map(norm) };
}

let index: Keys[] | undefined;

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length]!;
}

/** The presets whose code, name or message a ticket's sentence names ("Error code 7", Entra's own words). */
function byTicketWords(all: readonly Preset[], query: string): Preset[] {
  const views = all.map(presetView);
  const ids = new Set(searchPresets(views, query).map((v) => v.id));
  return all.filter((p) => ids.has(p.id));
}

export type PresetLookup = { kind: 'found'; preset: Preset } | { kind: 'ambiguous'; presets: Preset[] } | { kind: 'none'; nearest: Preset[] };

/**
 * A preset as a customer's ticket names it: `50011`, `AADSTS50011`, `InvalidReplyTo`, `ROLE_LOOKUP_ERROR`,
 * `cloudinary 7`, `cloudinary/7`, `mistakes/sha1`, "Error code 7" or a sentence of the error page; when nothing
 * matches, the nearest three.
 */
export function lookupPreset(all: readonly Preset[], query: string): PresetLookup {
  index ??= all.map(keysOf);
  const q = norm(query);
  const hits = index.filter((k) => k.keys.includes(q)).map((k) => k.preset);
  const unique = [...new Set(hits)];
  if (unique.length === 1) return { kind: 'found', preset: unique[0]! };
  if (unique.length > 1) return { kind: 'ambiguous', presets: unique };
  const worded = byTicketWords(all, query);
  if (worded.length === 1) return { kind: 'found', preset: worded[0]! };
  if (worded.length > 1) return { kind: 'ambiguous', presets: worded };
  const nearest = index
    .map((k) => ({ preset: k.preset, d: Math.min(...k.keys.map((key) => distance(q, key))) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.preset);
  return { kind: 'none', nearest };
}
