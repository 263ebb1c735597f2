import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CoreError } from '../base/errors';
import { ownScriptSources } from '../http/html';
import type { CookieChange, VirtualRequest, VirtualResponse } from '../http/http-types';

/** Largest request head accepted. Entra answers an over-long Redirect query with AADSTS90015; Node's 16 KB cap would cut it off first. */
export const MAX_HEADER_BYTES = 64 * 1024;

export class BodyTooLarge extends Error {}

/** What one loopback listener serves: the names it answers for, how much body a path may carry, and the answers. */
export interface LoopbackSite {
  /**
   * Whether a request naming this Host (lower-cased, with its port) is for this listener. Any other name is
   * refused with 421 before a handler runs: a DNS-rebinding page reaches 127.0.0.1 under a name of its own.
   */
  answersFor(host: string, port: number): boolean;
  bodyLimit(path: string): number;
  /** The request with its loopback URL; cookies set are scoped to cookiePath. */
  handle(req: VirtualRequest): Promise<{ res: VirtualResponse; cookiePath?: string }>;
}

/**
 * The policy of a page the harness serves that sets none of its own: no script but the harness's own inline
 * ones (by hash), styles and images inline, forms and front-channel frames to any web URL (an SP's ACS or
 * logout URL may be anywhere), framed only by itself or Entra's sign-out page.
 */
export function pageCsp(): string {
  return [
    "default-src 'none'",
    `script-src ${ownScriptSources() || "'none'"}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'form-action http: https:',
    'frame-src http: https:',
    "base-uri 'none'",
    "frame-ancestors 'self' https://login.microsoftonline.com",
  ].join('; ');
}

/** Headers every answer carries; an HTML answer without a policy of its own gets pageCsp(). */
export function securityHeaders(out: VirtualResponse): Record<string, string> {
  const isHtml = (out.headers?.['content-type'] ?? '').includes('text/html');
  return {
    'cache-control': 'no-store',
    ...out.headers,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(isHtml && !out.headers?.['content-security-policy'] ? { 'content-security-policy': pageCsp() } : {}),
  };
}

/** A Host header's name and port; undefined when it is not a host[:port]. */
export function splitHost(host: string): { name: string; port?: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host);
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), ...(m[2] ? { port: Number(m[2]) } : {}) };
}

/**
 * 127.0.0.1 or localhost at exactly this listener's port: the only names a browser on this machine uses for it (a
 * browser leaves out port 80 or 443).
 */
export function isLoopbackName(host: string, port: number): boolean {
  const h = splitHost(host);
  const sent = h?.port ?? (port === 443 ? 443 : 80);
  return h !== undefined && sent === port && (h.name === '127.0.0.1' || h.name === 'localhost');
}

/** Listens on 127.0.0.1 only (http, or https with a key and certificate); a taken port is a CoreError naming it. */
export async function listenLoopback(site: LoopbackSite, opts: { port?: number; tls?: { key: string; cert: string } }): Promise<{ server: Server; port: number; origin: string }> {
  let origin = '';
  let port = 0;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    serve(site, req, res, origin, port).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, securityHeaders({ status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
      res.end(`Internal error in the harness host: ${e instanceof Error ? e.message : String(e)}`);
    });
  };
  const server = opts.tls ? createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert, maxHeaderSize: MAX_HEADER_BYTES }, listener) : createServer({ maxHeaderSize: MAX_HEADER_BYTES }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new CoreError('PORT_IN_USE', `Port ${opts.port} on 127.0.0.1 is already in use.`, { port: opts.port }) : e));
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return { server, port, origin };
}

async function serve(site: LoopbackSite, req: IncomingMessage, res: ServerResponse, origin: string, port: number): Promise<void> {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!site.answersFor(host, port)) {
    return send(res, { status: 421, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `This server does not answer for the host "${host.slice(0, 100)}".` }, undefined);
  }
  const url = new URL(req.url ?? '/', origin);
  const limit = site.bodyLimit(url.pathname);
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLarge) return send(res, { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `Request body over ${limit} bytes.` }, undefined);
    throw e;
  }
  const { res: out, cookiePath } = await site.handle({
    method: req.method ?? 'GET',
    url,
    rawQuery: url.search.replace(/^\?/, ''),
    headers: flatHeaders(req),
    cookies: parseCookies(req.headers.cookie),
    form: parseForm(req.headers['content-type'], body),
    rawBody: (req.headers['content-type'] ?? '').startsWith('application/json') ? body.toString('utf8') : '',
    receivedAt: url.toString(),
  });
  send(res, out, cookiePath);
}

export async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), 3000);
  await closed;
  clearTimeout(timer);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A cookie that is not percent-encoding is some other site's: skipped, not a 500.
    }
  }
  return out;
}

function parseForm(contentType: string | undefined, body: Buffer): Record<string, string> {
  if (!contentType?.includes('application/x-www-form-urlencoded') || body.length === 0) return {};
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

function setCookie(c: CookieChange, path: string): string {
  const base = `${c.name}=${c.value === null ? '' : encodeURIComponent(c.value)}; Path=${path}; SameSite=Lax`;
  return `${base}${c.httpOnly === false ? '' : '; HttpOnly'}${c.value === null ? '; Max-Age=0' : ''}`;
}

function send(res: ServerResponse, out: VirtualResponse, cookiePath: string | undefined): void {
  const headers: Record<string, string | string[]> = securityHeaders(out);
  if (out.cookies?.length && cookiePath) headers['set-cookie'] = out.cookies.map((c) => setCookie(c, cookiePath));
  res.writeHead(out.status, headers);
  res.end(out.body ?? '');
}
