import type { Server } from 'node:http';
import { CoreError } from '../base/errors';
import type { VirtualHandler, VirtualRequest, VirtualResponse } from '../http/http-types';
import { VH_PREFIX, rewriteHtmlForLoopback, rewriteLocationForLoopback } from '../http/loopback-urls';
import { closeServer, isLoopbackName, listenLoopback, splitHost, type LoopbackSite } from './loopback-listener';
import { unreachablePage } from '../http/unreachable-page';
import { htmlPage } from '../http/http-types';
import type { RouteSpec, RoutedHandler } from '../http/router';

/** Largest request body accepted; a POST-binding message is far smaller. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface HostOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Also serve HTTPS with this key and certificate (for SPs that refuse an http IdP); port 0 or absent: a free one. */
  tls?: { key: string; cert: string; port?: number };
}

/**
 * The tenant's loopback server, which Electron, web mode and the CLI all use: each virtual host (Entra, the
 * vendors) under /vh/{host}/ and, for clients that name it in the Host header, under its own name; a few local
 * pages (status, certificate downloads) by path prefix. It holds no API and no token: the UI has a listener of
 * its own (web mode), so no page served here can reach the UI's API.
 */
export class HarnessHost {
  private server: Server | undefined;
  private secure: Server | undefined;
  private securePort = 0;
  private readonly virtualHosts = new Map<string, RoutedHandler>();
  private readonly local: Array<{ prefix: string; handler: RoutedHandler }> = [];
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

  addVirtualHost(host: string, handler: RoutedHandler): void {
    this.virtualHosts.set(host.toLowerCase(), handler);
  }

  hasVirtualHost(host: string): boolean {
    return this.virtualHosts.has(host.toLowerCase());
  }

  virtualHostNames(): ReadonlySet<string> {
    return new Set(this.virtualHosts.keys());
  }

  mount(prefix: string, handler: RoutedHandler): void {
    this.local.push({ prefix, handler });
    this.local.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /**
   * Every route the host answers, by virtual host (or none: a local page): what the escaping test walks, so a
   * route added to any handler is covered without touching the test.
   */
  routeTable(): Array<RouteSpec & { host?: string }> {
    return [...[...this.virtualHosts].flatMap(([host, h]) => h.routes().map((r) => ({ ...r, host }))), ...this.local.flatMap((l) => l.handler.routes())];
  }

  private site(origin: () => string): LoopbackSite {
    return {
      answersFor: (host, port) => isLoopbackName(host, port) || this.virtualHosts.has(splitHost(host)?.name ?? ''),
      bodyLimit: () => MAX_BODY_BYTES,
      handle: (req) => this.handle(req, origin()),
    };
  }

  async start(): Promise<{ port: number; origin: string }> {
    const plain = await listenLoopback(
      this.site(() => this.origin),
      { ...(this.options.port !== undefined ? { port: this.options.port } : {}) },
    );
    this.server = plain.server;
    this.port = plain.port;
    const tls = this.options.tls;
    if (tls) {
      const secure = await listenLoopback(
        this.site(() => this.httpsOrigin!),
        { ...(tls.port !== undefined ? { port: tls.port } : {}), tls },
      );
      this.secure = secure.server;
      this.securePort = secure.port;
    }
    return { port: this.port, origin: this.origin };
  }

  async stop(): Promise<void> {
    const servers = [this.server, this.secure].filter((s): s is Server => s !== undefined);
    this.server = undefined;
    this.secure = undefined;
    await Promise.all(servers.map(closeServer));
  }

  private async handle(req: VirtualRequest, origin: string): Promise<{ res: VirtualResponse; cookiePath?: string }> {
    const route = this.route(req.url, req.headers.host ?? '');
    if (route.kind === 'unreachable') return { res: htmlPage(unreachablePage(route.host), 502) };
    const out = await route.handler({ ...req, url: route.url, rawQuery: route.url.search.replace(/^\?/, '') });
    const loopback = route.kind === 'virtual' && route.loopback;
    return { res: loopback ? this.rewrite(out, origin) : out, cookiePath: loopback ? `${VH_PREFIX}${route.url.host}/` : '/' };
  }

  private route(
    u: URL,
    hostHeader: string,
  ): { kind: 'virtual'; handler: VirtualHandler; url: URL; loopback: boolean } | { kind: 'local'; handler: VirtualHandler; url: URL } | { kind: 'unreachable'; host: string; url: URL } {
    if (u.pathname.startsWith(VH_PREFIX)) {
      const rest = u.pathname.slice(VH_PREFIX.length);
      const slash = rest.indexOf('/');
      const host = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
      const real = new URL(`https://${host}${slash < 0 ? '/' : rest.slice(slash)}${u.search}`);
      const handler = this.virtualHosts.get(host);
      return handler ? { kind: 'virtual', handler, url: real, loopback: true } : { kind: 'unreachable', host, url: real };
    }
    const byHost = this.virtualHosts.get(splitHost(hostHeader)?.name ?? '');
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
