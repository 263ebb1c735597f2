import type { Hop } from '../flows/user-agent';
import { statusText } from './har';

/**
 * SAML-tracer's export (SAMLTraceIO.exportRequests): its Request objects with the response status and headers
 * added. Headers are {name, value} (arrays of pairs in exports older than 1.0); GET and POST parameters are
 * [name, value] pairs; `saml` holds the decoded message.
 */
export interface SamlTracerRequest {
  method: string;
  url: string;
  requestId?: string;
  /** Pre-1.0 exports. */
  id?: string;
  requestHeaders?: Array<{ name: string; value: string }> | Array<[string, string]>;
  responseStatus?: number | string;
  responseStatusText?: string;
  responseHeaders?: Array<{ name: string; value: string }> | Array<[string, string]>;
  get?: Array<[string, string]>;
  post?: Array<[string, string]>;
  protocol?: string;
  saml?: string | null;
  samlart?: string | null;
}

export interface SamlTracerExport {
  requests: SamlTracerRequest[];
  timestamp: string;
}

/** A flow's hops as SAML-tracer would export them ("no filter" profile). */
export function hopsToSamlTracer(hops: readonly Hop[], timestamp: string): SamlTracerExport {
  return {
    timestamp,
    requests: hops.map((hop) => {
      const url = new URL(hop.url);
      const saml = hop.saml[0]?.xml;
      return {
        method: hop.method,
        url: hop.url,
        requestId: `request-${hop.index + 1}-${hop.method}`,
        requestHeaders: [{ name: 'Host', value: url.host }, ...(hop.cookiesSent.length ? [{ name: 'Cookie', value: hop.cookiesSent.map((c) => `${c}=…`).join('; ') }] : [])],
        responseStatus: hop.status,
        responseStatusText: `HTTP/1.1 ${hop.status} ${statusText(hop.status)}`.trim(),
        responseHeaders: [
          ...(hop.location ? [{ name: 'Location', value: hop.location }] : []),
          ...(hop.contentType ? [{ name: 'Content-Type', value: hop.contentType }] : []),
          ...hop.cookiesSet.map((c) => ({ name: 'Set-Cookie', value: c })),
        ],
        ...(hop.method === 'GET' ? { get: [...url.searchParams] as Array<[string, string]> } : {}),
        ...(hop.form ? { post: Object.entries(hop.form) as Array<[string, string]> } : {}),
        ...(hop.saml.length ? { protocol: 'SAML-P', saml: saml ?? null } : {}),
      };
    }),
  };
}
