import { randomBytes, timingSafeEqual } from 'node:crypto';
import { parse } from 'node-html-parser';
import { html, text, type VirtualHandler } from '../host/http-types';
import { RPC_PATH } from '../../shared/api';
import { handleApiCall } from './api-handlers';
import type { HarnessRuntime } from './harness-runtime';

export const TOKEN_HEADER = 'x-harness-token';

export function newApiToken(): string {
  return randomBytes(24).toString('base64url');
}

const sameToken = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The API over HTTP for web mode: POST /api/rpc/<method> with a JSON body. It answers only requests that carry
 * the token, are JSON (so a cross-site form cannot send them) and name this host (no DNS rebinding).
 */
export function webApiHandler(rt: HarnessRuntime, token: string): VirtualHandler {
  return async (req) => {
    const host = req.headers.host ?? '';
    if (!/^127\.0\.0\.1:\d+$|^localhost:\d+$/.test(host)) return text('Forbidden host.', 403);
    if (req.url.pathname.startsWith('/api/flows/')) return await flowPage(rt, req.url.pathname);
    if (req.method !== 'POST' || !req.url.pathname.startsWith(RPC_PATH)) return text('Not found', 404);
    if (!sameToken(req.headers[TOKEN_HEADER] ?? '', token)) return text('Missing or wrong API token.', 401);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return text('The API takes application/json.', 415);
    let args: unknown;
    try {
      args = JSON.parse(req.rawBody || '{}');
    } catch {
      return json({ ok: false, code: 'BAD_JSON', message: 'The request body is not JSON.' }, 400);
    }
    const result = await handleApiCall(rt, req.url.pathname.slice(RPC_PATH.length), args);
    return json(result, 200);
  };
}

function json(body: unknown, status: number) {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/**
 * A page of a run, shown in the UI's frames: the one it ended on (/page) or any hop's (/hops/<n>, the storyboard).
 * No scripts run: the page's own styles only.
 */
async function flowPage(rt: HarnessRuntime, path: string) {
  const m = /^\/api\/flows\/([0-9a-f]{16})\/(?:page|hops\/(\d{1,3}))$/.exec(path);
  const run = m ? await rt.findRun(m[1]!) : undefined;
  const body = m?.[2] === undefined ? run?.result.page?.html : run?.result.hops[Number(m[2])]?.body;
  if (body === undefined) return text('No such flow page.', 404);
  return {
    ...html(withoutScripts(body), 200),
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox" },
  };
}

/** The frame may not run scripts; removing them draws the page as it stood (its <noscript> button shows) without the console noise. */
function withoutScripts(body: string): string {
  const root = parse(body, { comment: true });
  const scripts = root.querySelectorAll('script');
  if (!scripts.length) return body;
  for (const el of scripts) el.remove();
  return root.toString();
}
