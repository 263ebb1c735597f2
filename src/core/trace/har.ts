import type { Hop } from '../flows/user-agent';

/** HTTP Archive 1.2, the parts browsers fill for a page load (http://www.softwareishard.com/blog/har-12-spec/). */
export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HarNameValue[];
    queryString: HarNameValue[];
    cookies: HarNameValue[];
    postData?: { mimeType: string; text?: string; params?: HarNameValue[] };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarNameValue[];
    cookies: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; encoding?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

export interface Har {
  log: { version: string; creator: { name: string; version: string }; pages?: unknown[]; entries: HarEntry[] };
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  302: 'Found',
  303: 'See Other',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

export const statusText = (status: number): string => STATUS_TEXT[status] ?? '';

/** The page as the browser got it; for a hop read from a capture without it, its title and any AADSTS message. */
function pageText(hop: Hop): string | undefined {
  if (hop.body !== undefined) return hop.body;
  if (!hop.page) return undefined;
  const message = hop.page.message ? `<div id="error">${escapeHtml(hop.page.message)}</div>` : '';
  return `<!DOCTYPE html><html><head><title>${escapeHtml(hop.page.title)}</title></head><body>${message}</body></html>`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function entryOf(hop: Hop, startedAt: number): HarEntry {
  const url = new URL(hop.url);
  const form = hop.form ? Object.entries(hop.form).map(([name, value]) => ({ name, value })) : undefined;
  const body = form ? new URLSearchParams(hop.form).toString() : '';
  const text = pageText(hop);
  const headers = [
    ...(hop.location ? [{ name: 'Location', value: hop.location }] : []),
    ...(hop.contentType ? [{ name: 'Content-Type', value: hop.contentType }] : []),
    ...hop.cookiesSet.map((c) => ({ name: 'Set-Cookie', value: c })),
  ];
  return {
    startedDateTime: new Date(startedAt).toISOString(),
    time: hop.durationMs,
    request: {
      method: hop.method,
      url: hop.url,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Host', value: url.host },
        ...(hop.cookiesSent.length ? [{ name: 'Cookie', value: hop.cookiesSent.map((c) => `${c}=…`).join('; ') }] : []),
        ...(form ? [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] : []),
      ],
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      cookies: hop.cookiesSent.map((name) => ({ name, value: '' })),
      ...(form ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: body, params: form } } : {}),
      headersSize: -1,
      bodySize: body.length,
    },
    response: {
      status: hop.status,
      statusText: statusText(hop.status),
      httpVersion: 'HTTP/1.1',
      headers,
      cookies: hop.cookiesSet.map((c) => ({ name: c.split('=')[0]!, value: c.slice(c.indexOf('=') + 1) })),
      content: { size: text?.length ?? 0, mimeType: hop.contentType ?? 'text/html', ...(text ? { text } : {}) },
      redirectURL: hop.location ?? '',
      headersSize: -1,
      bodySize: text?.length ?? 0,
    },
    cache: {},
    timings: { send: 0, wait: hop.durationMs, receive: 0 },
  };
}

/** A flow's hops as a HAR file, as a browser's developer tools would export them. */
export function hopsToHar(hops: readonly Hop[], startedAt: string, creator = { name: 'SAML Harness', version: '0.1.0' }): Har {
  let t = Date.parse(startedAt);
  const entries = hops.map((hop) => {
    const e = entryOf(hop, t);
    t += Math.ceil(hop.durationMs);
    return e;
  });
  return { log: { version: '1.2', creator, entries } };
}
