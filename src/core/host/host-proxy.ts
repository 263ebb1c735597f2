import { request } from 'node:http';

export interface ProxiedRequest {
  method: string;
  /** The real URL: https://login.microsoftonline.com/… */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface ProxiedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * Forwards a browser request for a virtual host to the harness host on loopback, naming the virtual host in
 * the Host header so the host answers with real URLs (no /vh/ rewriting). Electron's browser view answers
 * its https:// requests this way, so a demo shows Entra's and the vendors' real addresses.
 */
export function proxyToHost(port: number, req: ProxiedRequest): Promise<ProxiedResponse> {
  const u = new URL(req.url);
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, method: req.method, path: `${u.pathname}${u.search}`, headers: { ...req.headers, host: u.host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers as Record<string, string | string[]>, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    r.on('error', reject);
    if (req.body) r.write(req.body);
    r.end();
  });
}
