import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CoreError } from '../errors';
import type { CookieChange, VirtualHandler, VirtualRequest, VirtualResponse } from './http-types';
import { VH_PREFIX, rewriteHtmlForLoopback, rewriteLocationForLoopback } from './loopback-urls';
import { unreachablePage } from './pages/unreachable';

/** Largest request body accepted; a POST-binding message is far smaller. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** The UI's API takes whole HAR files to diagnose; only it gets more room. */
export const MAX_API_BODY_BYTES = 200 * 1024 * 1024;
const API_PREFIX = '/api/rpc/';

/** Largest request head accepted. */
export const MAX_HEADER_BYTES = 64 * 1024;

export class BodyTooLarge extends Error {}

export interface HostOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Also serve HTTPS with this key and certificate (for SPs that refuse an http IdP); port 0 or absent: a free one. */
  tls?: { key: string; cert: string; port?: number };
}

/**
 * The loopback HTTP server that Electron, web mode and the CLI all use. It serves each virtual host (Entra,
 * the vendors) under /vh/{host}/ and, for clients that set the Host header, under its own name; local routes
 * (the harness API and UI) are mounted by path prefix.
 */
export class HarnessHost {
  private server: Server | undefined;
  private secure: HttpsServer | undefined;
  private securePort = 0;
  private readonly virtualHosts = new Map<string, VirtualHandler>();
  private readonly local: Array<{ prefix: string; handler: VirtualHandler }> = [];
  private port = 0;

  constructor(private readonly options: HostOptions = {}) {}

  get origin(): string {
    if (!this.server) throw new CoreError('HOST_NOT_STARTED', 'The host is not running.');
    return `http://127.0.0.1:${this.port}`;
  }

  /** The HTTPS origin, when the host serves HTTPS too. */
  get httpsOrigin(): string | undefined {
    return this.secure ? `https://127.0.0.1:${this.securePort}` : undefined;
  }

  /** Every origin the host answers at: a Destination may name any of them. */
  origins(): string[] {
    return [this.origin, ...(this.httpsOrigin ? [this.httpsOrigin] : [])];
  }

  addVirtualHost(host: string, handler: VirtualHandler): void {
    this.virtualHosts.set(host.toLowerCase(), handler);
  }

  hasVirtualHost(host: string): boolean {
    return this.virtualHosts.has(host.toLowerCase());
  }

  virtualHostNames(): ReadonlySet<string> {
    return new Set(this.virtualHosts.keys());
  }

  mount(prefix: string, handler: VirtualHandler): void {
    this.local.push({ prefix, handler });
    this.local.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  private listener(origin: () => string) {
    return (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res, origin()).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Internal error in the harness host: ${e instanceof Error ? e.message : String(e)}`);
      });
    };
  }

  async start(): Promise<{ port: number; origin: string }> {
    // Entra answers an over-long Redirect query with AADSTS90015; Node's default 16 KB header cap would cut it off first.
    const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, this.listener(() => this.origin));
    this.port = await listen(server, this.options.port);
    this.server = server;
    const tls = this.options.tls;
    if (tls) {
      const secure = createHttpsServer({ key: tls.key, cert: tls.cert, maxHeaderSize: MAX_HEADER_BYTES }, this.listener(() => this.httpsOrigin!));
      this.securePort = await listen(secure, tls.port);
      this.secure = secure;
    }
    return { port: this.port, origin: this.origin };
  }

  async stop(): Promise<void> {
    const servers = [this.server, this.secure].filter((s): s is Server => s !== undefined);
    this.server = undefined;
    this.secure = undefined;
    await Promise.all(servers.map(closeServer));
  }

  private async handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const loopbackUrl = new URL(req.url ?? '/', origin);
    const route = this.route(loopbackUrl, req.headers.host ?? '');
    const limit = loopbackUrl.pathname.startsWith(API_PREFIX) ? MAX_API_BODY_BYTES : MAX_BODY_BYTES;
    let body: Buffer;
    try {
      body = await readBody(req, limit);
    } catch (e) {
      if (e instanceof BodyTooLarge) return send(res, { status: 413, body: `Request body over ${limit} bytes.` }, undefined);
      throw e;
    }
    const vreq: VirtualRequest = {
      method: req.method ?? 'GET',
      url: route.url,
      rawQuery: route.url.search.replace(/^\?/, ''),
      headers: flatHeaders(req),
      cookies: parseCookies(req.headers.cookie),
      form: parseForm(req.headers['content-type'], body),
      rawBody: (req.headers['content-type'] ?? '').startsWith('application/json') ? body.toString('utf8') : '',
      receivedAt: loopbackUrl.toString(),
    };
    if (route.kind === 'unreachable') {
      return send(res, { status: 502, headers: { 'content-type': 'text/html; charset=utf-8' }, body: unreachablePage(route.host) }, undefined);
    }
    const out = await route.handler(vreq);
    const cookiePath = route.kind === 'virtual' && route.loopback ? `${VH_PREFIX}${route.url.host}/` : '/';
    const rewritten = route.kind === 'virtual' && route.loopback ? this.rewrite(out, origin) : out;
    send(res, rewritten, cookiePath);
  }

  private route(
    u: URL,
    hostHeader: string,
  ):
    | { kind: 'virtual'; handler: VirtualHandler; url: URL; loopback: boolean }
    | { kind: 'local'; handler: VirtualHandler; url: URL }
    | { kind: 'unreachable'; host: string; url: URL } {
    if (u.pathname.startsWith(VH_PREFIX)) {
      const rest = u.pathname.slice(VH_PREFIX.length);
      const slash = rest.indexOf('/');
      const host = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
      const real = new URL(`https://${host}${slash < 0 ? '/' : rest.slice(slash)}${u.search}`);
      const handler = this.virtualHosts.get(host);
      return handler ? { kind: 'virtual', handler, url: real, loopback: true } : { kind: 'unreachable', host, url: real };
    }
    const byHost = this.virtualHosts.get(hostHeader.toLowerCase());
    if (byHost) return { kind: 'virtual', handler: byHost, url: new URL(`https://${hostHeader}${u.pathname}${u.search}`), loopback: false };
    const local = this.local.find((l) => u.pathname.startsWith(l.prefix));
    if (local) return { kind: 'local', handler: local.handler, url: u };
    return { kind: 'local', handler: async () => ({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' }), url: u };
  }

  private rewrite(out: VirtualResponse, origin: string): VirtualResponse {
    const hosts = this.virtualHostNames();
    const headers = { ...out.headers };
    if (headers.location) headers.location = rewriteLocationForLoopback(headers.location, hosts, origin);
    const isHtml = (headers['content-type'] ?? '').includes('text/html');
    return { ...out, headers, ...(typeof out.body === 'string' && isHtml ? { body: rewriteHtmlForLoopback(out.body, hosts, origin) } : {}) };
  }
}

/** Listens on 127.0.0.1 only; a taken port is a CoreError naming it. */
async function listen(server: Server, port: number | undefined): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new CoreError('PORT_IN_USE', `Port ${port} on 127.0.0.1 is already in use.`, { port }) : e));
    server.listen(port ?? 0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

async function closeServer(server: Server): Promise<void> {
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
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
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
  const headers: Record<string, string | string[]> = { 'cache-control': 'no-store', ...out.headers };
  if (out.cookies?.length && cookiePath) headers['set-cookie'] = out.cookies.map((c) => setCookie(c, cookiePath));
  res.writeHead(out.status, headers);
  res.end(out.body ?? '');
}
