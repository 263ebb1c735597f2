import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import { text, type VirtualRequest, type VirtualResponse } from '../http/http-types';
import { closeServer, isLoopbackName, listenLoopback } from '../host/loopback-listener';
import { webUiHandler } from '../host/web-ui';
import { RPC_PATH } from '../../shared/api';
import { handleApiCall } from './api-handlers';
import type { HarnessRuntime } from './harness-runtime';

export const TOKEN_HEADER = 'x-harness-token';

/** The UI's API takes whole HAR files to diagnose; only it gets this much room. */
export const MAX_API_BODY_BYTES = 200 * 1024 * 1024;

export function newApiToken(): string {
  return randomBytes(24).toString('base64url');
}

const sameToken = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface WebUi {
  /** Where the UI is: http://127.0.0.1:<port> (a listener of its own, apart from the tenant's). */
  origin: string;
  /** The secret the UI's page carries and every API call sends. */
  token: string;
  stop(): Promise<void>;
}

/**
 * Web mode: the built UI and its API on a loopback listener of their own, an origin no page of the tenant or a
 * vendor shares. It serves the UI's static files and POST /api/rpc/<method>, nothing else.
 */
export async function startWebUi(rt: HarnessRuntime, opts: { uiDir: string; port?: number }): Promise<WebUi> {
  const token = newApiToken();
  const api = webApiHandler(rt, token);
  const files = webUiHandler(opts.uiDir, token);
  const { server, origin } = await listenLoopback(
    {
      answersFor: isLoopbackName,
      bodyLimit: (path) => (path.startsWith(RPC_PATH) ? MAX_API_BODY_BYTES : 0),
      handle: async (req) => ({ res: req.url.pathname.startsWith('/api/') ? await api(req) : await files(req) }),
    },
    { ...(opts.port !== undefined ? { port: opts.port } : {}) },
  );
  return { origin, token, stop: () => closeServer(server as Server) };
}

/**
 * The API over HTTP: POST /api/rpc/<method> with a JSON body. It answers only requests that carry the token,
 * are JSON (a cross-site form cannot send them) and, when they name an Origin, name this one: the listener has
 * already refused any Host but its own (DNS rebinding).
 */
export function webApiHandler(rt: HarnessRuntime, token: string): (req: VirtualRequest) => Promise<VirtualResponse> {
  return async (req) => {
    if (req.method !== 'POST' || !req.url.pathname.startsWith(RPC_PATH)) return text('Not found', 404);
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) return text('Forbidden origin.', 403);
    if (!sameToken(req.headers[TOKEN_HEADER] ?? '', token)) return text('Missing or wrong API token.', 401);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return text('The API takes application/json.', 415);
    let args: unknown;
    try {
      args = JSON.parse(req.rawBody || '{}');
    } catch {
      return json({ ok: false, code: 'BAD_JSON', message: 'The request body is not JSON.' }, 400);
    }
    return json(await handleApiCall(rt, req.url.pathname.slice(RPC_PATH.length), args), 200);
  };
}

function json(body: unknown, status: number): VirtualResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}
