import type { VirtualHandler, VirtualRequest, VirtualResponse } from './http-types';

/** What a route takes: a method, a path whose {name} segments are parameters, and the query and form fields it reads. */
export interface RouteSpec {
  method: 'GET' | 'POST';
  /** e.g. /{tenant}/saml2; a {name} segment matches any one segment. */
  path: string;
  query?: readonly string[];
  form?: readonly string[];
}

export interface Route extends RouteSpec {
  handle(req: VirtualRequest, params: Readonly<Record<string, string>>): Promise<VirtualResponse>;
}

/** A handler that says which routes it answers: the host's route table is the union of these. */
export type RoutedHandler = VirtualHandler & { routes(): readonly RouteSpec[] };

/** Decodes a path segment; a malformed %-escape is kept as sent rather than failing the request. */
function segment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The parameters of a path against a route's pattern (literal segments compared case-insensitively, as Entra does). */
export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const name = /^\{(\w+)\}$/.exec(w)?.[1];
    if (name) params[name] = segment(got[i]!);
    else if (w.toLowerCase() !== got[i]!.toLowerCase()) return undefined;
  }
  return params;
}

/** Dispatches by the table: the first route whose method and path match; otherwise the fallback. */
export function router(routes: readonly Route[], fallback: VirtualHandler): RoutedHandler {
  const handler = async (req: VirtualRequest): Promise<VirtualResponse> => {
    for (const r of routes) {
      if (r.method !== req.method) continue;
      const params = matchPath(r.path, req.url.pathname);
      if (params) return r.handle(req, params);
    }
    return fallback(req);
  };
  return Object.assign(handler, { routes: () => routes.map(({ handle: _handle, ...spec }) => spec) });
}

/** A handler described by routes it does not dispatch through (a site whose URLs are configured, not fixed). */
export function describedHandler(handler: VirtualHandler, routes: () => readonly RouteSpec[]): RoutedHandler {
  return Object.assign(handler, { routes });
}
