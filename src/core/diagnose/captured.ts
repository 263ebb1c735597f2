import { parseHtmlPage } from '../flows/html-forms';
import { samlMessagesIn, viewDecodedSaml, type SamlMessageView } from '../flows/saml-message-view';
import type { Hop } from '../flows/user-agent';

/** One request/response of a browser capture, whatever tool made it. */
export interface CapturedEntry {
  method: string;
  url: string;
  status: number;
  location?: string;
  contentType?: string;
  requestCookies: string[];
  setCookies: string[];
  form?: Record<string, string>;
  /** The response body, when the capture kept it. */
  bodyText?: string;
  /** The message the capture tool already decoded (SAML-tracer). */
  decodedSaml?: string;
  durationMs: number;
}

export const ENTRA_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.live.com',
  'sts.windows.net',
  'launcher.myapps.microsoft.com',
  'myapps.microsoft.com',
  'account.activedirectory.windowsazure.com',
  'autologon.microsoftazuread-sso.com',
]);

const STATIC_EXT = /\.(js|mjs|css|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|eot|map)$/i;
const STATIC_TYPE = /^(image\/|font\/|text\/css|application\/(x-)?javascript|text\/javascript|application\/font)/i;

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
};

function samlOf(e: CapturedEntry): SamlMessageView[] {
  let query: URLSearchParams;
  try {
    query = new URL(e.url).searchParams;
  } catch {
    query = new URLSearchParams();
  }
  const found = samlMessagesIn(query, e.form);
  if (!e.decodedSaml) return found;
  // SAML-tracer may have obfuscated the form values on export but kept the decoded message.
  if (found.length && found.every((m) => !m.error)) return found;
  const param = /<(?:\w+:)?(?:Response|LogoutResponse)\b/.test(e.decodedSaml) ? 'SAMLResponse' : 'SAMLRequest';
  const relayState = query.get('RelayState') ?? e.form?.RelayState;
  return [viewDecodedSaml(param, e.decodedSaml, e.method === 'POST' ? 'post' : 'redirect', relayState !== undefined && relayState !== null ? { relayState } : {})];
}

/** An AADSTS code on a real Entra page is in its text (and its $Config script), not in markup of ours. */
const AADSTS_IN_TEXT = /AADSTS(\d{5,7}):?\s*([^"<\\\n]{0,400})/;

function pageOf(e: CapturedEntry): Hop['page'] | undefined {
  if (!e.bodyText || !/html/i.test(e.contentType ?? 'text/html')) return undefined;
  const html = parseHtmlPage(e.bodyText.slice(0, 2_000_000), e.url);
  const page: NonNullable<Hop['page']> = { title: html.title, ...(html.pageKind ? { kind: html.pageKind } : {}) };
  const m = AADSTS_IN_TEXT.exec(e.bodyText);
  // The harness's own page (a HAR it exported) says the message in its markup; a real one, in its text.
  const own = html.aadsts ? html.root.querySelector('[data-testid=aadsts-message]')?.text.trim() : undefined;
  if (html.aadsts) return { ...page, aadsts: html.aadsts, ...(own ? { message: own } : m ? { message: `AADSTS${m[1]}: ${m[2]!.trim()}` } : {}) };
  if (m && ENTRA_HOSTS.has(hostOf(e.url) ?? '')) return { ...page, aadsts: Number(m[1]), message: `AADSTS${m[1]}: ${m[2]!.trim()}` };
  return page;
}

/**
 * How many SAML messages of a capture are read: a sign-in has a handful, a long session some dozens. A capture
 * with more (a 100,000-entry HAR) is read from its end, where the failing sign-in usually is, up to this many.
 */
export const MAX_CAPTURE_MESSAGES = 50;
/** How many sign-in hops of a capture are kept, the newest. */
export const MAX_CAPTURE_HOPS = 500;

/** Whether an entry carries a SAML message, found without decoding it. */
const carriesSaml = (e: CapturedEntry): boolean => /[?&]SAML(Request|Response)=/.test(e.url) || e.form?.SAMLRequest !== undefined || e.form?.SAMLResponse !== undefined || e.decodedSaml !== undefined;

export interface CapturedHops {
  hops: Hop[];
  skipped: number;
  /** Set when the capture held more SAML messages than are read: how many it held, how many were read. */
  limited?: { found: number; read: number };
}

/**
 * The hops of a capture that matter to single sign-on: those carrying a SAML message, and the pages, redirects
 * and form posts on Entra's hosts and on the hosts the SAML messages come from or go to. Scripts, images,
 * fonts, analytics and other sites are left out (and counted). Only the newest MAX_CAPTURE_MESSAGES messages
 * are decoded, so a huge capture costs little more than reading its JSON.
 */
export function capturedHops(all: readonly CapturedEntry[]): CapturedHops {
  const carrying = all.flatMap((e, i) => (carriesSaml(e) ? [i] : []));
  const limited = carrying.length > MAX_CAPTURE_MESSAGES ? { found: carrying.length, read: MAX_CAPTURE_MESSAGES } : undefined;
  const entries = limited ? all.slice(carrying[carrying.length - MAX_CAPTURE_MESSAGES]!) : all;
  const withSaml = entries.map((e) => ({ e, saml: carriesSaml(e) ? samlOf(e) : [] }));
  const involved = new Set(ENTRA_HOSTS);
  for (const { e, saml } of withSaml) {
    if (!saml.length) continue;
    const h = hostOf(e.url);
    if (h) involved.add(h);
    for (const m of saml) if (m.destination && hostOf(m.destination)) involved.add(hostOf(m.destination)!);
  }
  const hops: Hop[] = [];
  for (const { e, saml } of withSaml) {
    const host = hostOf(e.url);
    const isStatic = STATIC_EXT.test(e.url.split('?')[0]!) || STATIC_TYPE.test(e.contentType ?? '');
    // Pages, redirects and form posts make the sign-in; XHR (JSON) and assets only decorate it.
    const documentLike = e.form !== undefined || (e.status >= 300 && e.status < 400) || (e.contentType ? /html/i.test(e.contentType) : !isStatic);
    if (!saml.length && (isStatic || !documentLike || !host || !involved.has(host))) continue;
    const page = pageOf(e);
    hops.push({
      index: hops.length,
      method: e.method,
      url: e.url,
      status: e.status,
      cookiesSent: e.requestCookies,
      cookiesSet: e.setCookies,
      saml,
      cause: 'captured',
      durationMs: Math.round(e.durationMs * 10) / 10,
      ...(e.location ? { location: e.location } : {}),
      ...(e.contentType ? { contentType: e.contentType } : {}),
      ...(e.form ? { form: e.form } : {}),
      ...(page ? { page } : {}),
    });
  }
  const kept = hops.length > MAX_CAPTURE_HOPS ? hops.slice(-MAX_CAPTURE_HOPS).map((h, index) => ({ ...h, index })) : hops;
  return { hops: kept, skipped: all.length - kept.length, ...(limited ? { limited } : {}) };
}
