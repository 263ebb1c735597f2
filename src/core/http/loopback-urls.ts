/**
 * Virtual hosts keep their real URLs (https://login.microsoftonline.com/…). On loopback they are reached as
 * http://127.0.0.1:{port}/vh/{host}/…, so a browser in web mode and outside clients can get to them.
 */
export const VH_PREFIX = '/vh/';

export function toLoopback(real: string | URL, origin: string): string {
  const u = typeof real === 'string' ? new URL(real) : real;
  return `${origin}${VH_PREFIX}${u.host}${u.pathname}${u.search}${u.hash}`;
}

export function fromLoopback(url: string | URL): string | undefined {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (!u.pathname.startsWith(VH_PREFIX)) return undefined;
  const rest = u.pathname.slice(VH_PREFIX.length);
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '/' : rest.slice(slash);
  if (!host) return undefined;
  return `https://${host}${path}${u.search}${u.hash}`;
}

/** Rewrites links and form targets that point at virtual hosts, for pages served to a browser on loopback. */
export function rewriteHtmlForLoopback(html: string, hosts: ReadonlySet<string>, origin: string): string {
  return html.replace(/\b(action|href|src|content)="(\d+;url=)?https:\/\/([^/"]+)([^"]*)"/g, (whole, attrName: string, refresh: string | undefined, host: string, rest: string) =>
    hosts.has(host.toLowerCase()) ? `${attrName}="${refresh ?? ''}${origin}${VH_PREFIX}${host}${rest}"` : whole,
  );
}

export function rewriteLocationForLoopback(location: string, hosts: ReadonlySet<string>, origin: string): string {
  try {
    const u = new URL(location);
    return u.protocol === 'https:' && hosts.has(u.host.toLowerCase()) ? toLoopback(u, origin) : location;
  } catch {
    return location;
  }
}

/** The origin a request arrived at, when it came through the loopback form (/vh/{host}/…); else undefined. */
export function loopbackOriginOf(receivedAt: string): string | undefined {
  const u = new URL(receivedAt);
  return u.pathname.startsWith(VH_PREFIX) ? u.origin : undefined;
}
