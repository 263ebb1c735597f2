import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../src/core/http/router';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { openTempRuntime } from '../support/temp-runtime';

// Walks the host's own route table, so a route added to any handler is covered here without editing this file:
// a marker in every path segment, query and form field, one at a time, the rest of the request valid.

const MARKER = `"'><svg/onload=alert(7331)>`;

let rt: HarnessRuntime;
let close: () => Promise<void>;
let seeds: Record<string, string>;

beforeAll(async () => {
  ({ rt, close } = await openTempRuntime());
  const generic = rt.vendor('generic');
  const login = await generic.site.core.loginRequest({ relayState: 'rs' });
  if (!login.ok) throw new Error(login.error.message);
  const request = new URL(login.value.url).searchParams;
  const app = rt.ws.apps.find((a) => a.objectId === rt.entry('generic').appObjectId)!;
  seeds = {
    tenant: rt.ws.tenant.id,
    appId: app.appId,
    appid: app.appId,
    SAMLRequest: request.get('SAMLRequest')!,
    RelayState: 'rs',
    login_hint: 'adele.vance@contoso.com',
    login: 'adele.vance@contoso.com',
    email: 'adele.vance@contoso.com',
    format: 'raw',
  };
});
afterAll(() => close());

interface Probe {
  route: RouteSpec & { host?: string };
  /** Where the marker went. */
  at: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
}

/** The route's path with its parameters seeded, and the query and form fields it reads. */
function seeded(route: RouteSpec & { host?: string }, marked?: { segment?: number; field?: string }): Omit<Probe, 'route' | 'at'> {
  const segments = route.path.split('/').map((s, i) => {
    if (marked?.segment === i) return encodeURIComponent(MARKER);
    const name = /^\{(\w+)\}$/.exec(s)?.[1];
    return name ? encodeURIComponent(seeds[name] ?? 'x') : s;
  });
  const fill = (names: readonly string[] = []) => Object.fromEntries(names.map((n) => [n, marked?.field === n ? MARKER : (seeds[n] ?? 'x')]));
  return { path: segments.join('/'), query: fill(route.query), form: fill(route.form) };
}

function probes(): Probe[] {
  return rt.harness.host.routeTable().flatMap((route) => {
    const segments = route.path.split('/').flatMap((s, i) => (s ? [i] : []));
    return [
      { route, at: 'nothing', ...seeded(route) },
      ...segments.map((i) => ({ route, at: `path segment ${i}`, ...seeded(route, { segment: i }) })),
      ...[...(route.query ?? []), ...(route.form ?? [])].map((f) => ({ route, at: `field ${f}`, ...seeded(route, { field: f }) })),
    ];
  });
}

function probeUrl(p: Probe): URL {
  const url = new URL(`${p.route.host ? `${rt.origin}/vh/${p.route.host}` : rt.origin}${p.path}`);
  for (const [k, v] of Object.entries(p.query)) url.searchParams.set(k, v);
  return url;
}

async function send(p: Probe): Promise<Response> {
  const body = p.route.method === 'POST' ? new URLSearchParams(p.form).toString() : undefined;
  return fetch(probeUrl(p), { method: p.route.method, redirect: 'manual', ...(body !== undefined ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}) });
}

/** The status of a request naming another Host, as a DNS-rebinding page's would (fetch will not set Host). */
function statusWithHost(p: Probe, host: string): Promise<number> {
  const url = probeUrl(p);
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port: Number(url.port), path: `${url.pathname}${url.search}`, method: p.route.method, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    r.on('error', reject);
    r.end();
  });
}

describe('every route of the host', () => {
  it('has a table: the tenant, My Apps, each vendor site and the local pages all list their routes', () => {
    const table = rt.harness.host.routeTable();
    const hosts = new Set(table.map((r) => r.host));
    for (const name of rt.harness.host.virtualHostNames()) expect(hosts, name).toContain(name);
    expect(table.some((r) => r.path === '/{tenant}/saml2' && r.method === 'POST')).toBe(true);
    expect(table.some((r) => r.path === '/status')).toBe(true);
  });

  it('never writes the marker back unescaped, and answers with nosniff, no-referrer and, for a page, a CSP with no inline script', async () => {
    const all = probes();
    expect(all.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const p of all) {
      const res = await send(p);
      const body = await res.text();
      const where = `${p.route.method} ${p.route.host ?? ''}${p.route.path} (marker in ${p.at}) → ${res.status}`;
      const type = res.headers.get('content-type') ?? '';
      if (res.headers.get('x-content-type-options') !== 'nosniff') failures.push(`${where}: no nosniff`);
      if (res.headers.get('referrer-policy') !== 'no-referrer') failures.push(`${where}: no referrer policy`);
      // A plain-text or XML answer may quote what was asked (nosniff keeps a browser from reading it as HTML);
      // a page may not.
      if (!/^(text\/plain|application\/(samlmetadata\+)?xml|application\/(pkix-cert|x-x509-ca-cert))\b/.test(type) && res.status !== 302) {
        if (!type.includes('text/html')) failures.push(`${where}: answered as "${type}"`);
        if (body.includes(MARKER) || body.includes('<svg/onload')) failures.push(`${where}: the marker came back unescaped`);
        const directives = (res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim());
        const scripts = directives
          .find((d) => d.startsWith('script-src '))
          ?.split(/\s+/)
          .slice(1) ?? ['(none)'];
        if (!scripts.every((src) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(src) || src === "'none'")) failures.push(`${where}: script-src ${scripts.join(' ')}`);
        if (!directives.some((d) => d.startsWith('frame-ancestors '))) failures.push(`${where}: no frame-ancestors`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a Host that is not its own on every route (421), before any handler runs', async () => {
    for (const p of probes().filter((x) => x.at === 'nothing')) {
      expect(await statusWithHost(p, 'rebound.attacker.example'), `${p.route.method} ${p.route.host ?? ''}${p.route.path}`).toBe(421);
      expect(await statusWithHost(p, `rebound.attacker.example:${new URL(rt.origin).port}`)).toBe(421);
    }
  });
});
