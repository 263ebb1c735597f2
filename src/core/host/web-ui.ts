import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { text, type VirtualHandler, type VirtualRequest } from '../http/http-types';
import { escapeHtml } from '../xml/escape';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The UI's own policy: its scripts only, no inline script, no framed URL (a run's pages are drawn from text into
 * sandboxed srcdoc frames, which take this policy too), and no page may frame the UI.
 */
export const UI_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The renderer, built by Vite, served to a browser (web mode). index.html carries a per-run token the API
 * requires, so another page in the same browser cannot drive the harness.
 */
export function webUiHandler(dir: string, token: string): VirtualHandler {
  return async (req: VirtualRequest) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return text('The UI serves files only.', 405);
    let rel: string;
    try {
      rel = decodeURIComponent(req.url.pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      return text('Not a valid path.', 400);
    }
    const file = normalize(join(dir, rel));
    const inside = file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
    const target = inside && existsSync(file) && extname(file) ? file : join(dir, 'index.html');
    if (!existsSync(target)) return text('The UI is not built. Run: npm run build:ui', 503);
    const body = await readFile(target);
    const isIndex = target.endsWith('index.html');
    return {
      status: 200,
      headers: {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        ...(isIndex ? { 'content-security-policy': UI_CSP } : {}),
      },
      body: isIndex ? body.toString('utf8').replace('<head>', `<head><meta name="harness-token" content="${escapeHtml(token)}">`) : body,
    };
  };
}
