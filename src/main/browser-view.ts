import { session, WebContentsView, type BrowserWindow } from 'electron';
import { proxyToHost } from '../core/host/host-proxy';
import type { HarnessRuntime } from '../core/runtime/harness-runtime';
import { unreachablePage } from '../core/http/unreachable-page';
import { securityHeaders } from '../core/host/loopback-listener';

const PARTITION = 'flows';

/**
 * The app's browser for flows: a view in its own session whose https:// requests to Entra's and the vendors'
 * hosts are answered by the harness, so the address bar shows real URLs. Anything else is unreachable.
 */
export function createBrowserView(win: BrowserWindow, rt: HarnessRuntime) {
  const ses = session.fromPartition(PARTITION);
  const port = Number(new URL(rt.origin).port);
  ses.protocol.handle('https', async (request) => {
    const url = new URL(request.url);
    if (!rt.harness.host.hasVirtualHost(url.host)) {
      const page = { status: 502, headers: { 'content-type': 'text/html; charset=utf-8' } };
      return new Response(unreachablePage(url.host).markup, { status: 502, headers: securityHeaders(page) });
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const res = await proxyToHost(port, { method: request.method, url: request.url, headers, ...(body ? { body } : {}) });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
    return new Response(res.status === 204 || res.status === 304 ? null : new Uint8Array(res.body), { status: res.status, headers: out });
  });
  let view: WebContentsView | undefined;
  const layout = () => {
    if (!view) return;
    const [w, h] = win.getContentSize() as [number, number];
    view.setBounds({ x: Math.round(w * 0.45), y: 48, width: Math.round(w * 0.55), height: h - 48 });
  };
  win.on('resize', layout);
  return {
    async open(url: string): Promise<void> {
      if (!view) {
        view = new WebContentsView({ webPreferences: { partition: PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false } });
        view.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        win.contentView.addChildView(view);
        layout();
      }
      await view.webContents.loadURL(url);
    },
    async close(): Promise<void> {
      if (!view) return;
      win.contentView.removeChildView(view);
      view.webContents.close();
      view = undefined;
    },
  };
}
