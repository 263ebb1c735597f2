import { AADSTS, aadstsTicketWords } from '../../idp/aadsts';
import { resolveProfile } from '../../vendors/registry';
import type { Preset } from './preset';

/** A preset as the Reproduce screen lists it and a ticket's words find it. */
export interface PresetView {
  id: string;
  /** 'entra' or a vendor profile. */
  source: string;
  sourceName: string;
  code: string;
  /** The code's name in its catalogue. */
  name: string;
  /** What the vendor shows (or, for Entra, what to change). */
  text: string;
  /** Entra's own sentence for the code, as a ticket quotes it (and the other words it goes by). */
  message?: string;
  httpStatus?: number;
  /** The fault the preset puts in. */
  title: string;
}

/** The view of one preset. */
export function presetView(p: Preset): PresetView {
  if (p.source === 'entra') {
    const number = Number(p.code.replace('AADSTS', ''));
    const entry = (AADSTS as Record<number, { name: string; fix: string } | undefined>)[number];
    const message = aadstsTicketWords(number);
    return { id: p.id, source: p.source, sourceName: 'Entra ID', code: p.code, name: entry?.name ?? p.code, text: entry?.fix ?? '', title: p.title, ...(message ? { message } : {}) };
  }
  if (p.source === 'mistakes') {
    // A set-up mistake, not a code of its own: its name is the mistake, the SP's code is what it ends in.
    return { id: p.id, source: p.source, sourceName: 'Set-up mistakes', code: p.id.slice('mistakes/'.length), name: 'SAML_CHECK_FAILED', text: p.title, title: p.title, httpStatus: 403 };
  }
  const profile = resolveProfile(p.build().vendor);
  const def = profile.errors[p.code];
  return {
    id: p.id,
    source: p.source,
    sourceName: profile.displayName,
    code: p.code,
    name: def?.name ?? p.code,
    text: def?.text ?? '',
    title: p.title,
    ...(def ? { httpStatus: def.httpStatus } : {}),
  };
}
