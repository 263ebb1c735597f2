import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { externalLinkAllowed, isOwnUrl, secureWindowOptions, workspaceArg } from '../../src/main/window-policy';
import { VENDORS } from '../../src/core/vendors/registry';
import { ipcHandlers } from '../../src/main/ipc-handlers';
import { CHANNELS, channel } from '../../src/shared/channels';
import { API_ARGS } from '../../src/shared/api';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { proxyToHost } from '../../src/core/host/host-proxy';

// The Electron main process's logic that does not need Electron: window options, navigation policy, argv,
// the IPC handler table and the browser view's proxy to the loopback host.

describe('the window policy', () => {
  it('the window is isolated and sandboxed with no Node in the page', () => {
    const prefs = secureWindowOptions('/app/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, preload: '/app/preload/index.cjs' });
  });

  it('navigation is allowed to the UI document only', () => {
    const ui = 'file:///opt/app/renderer/index.html';
    expect(isOwnUrl('file:///opt/app/renderer/index.html#/run', ui)).toBe(true);
    expect(isOwnUrl('file:///opt/app/renderer/other.html', ui)).toBe(false);
    expect(isOwnUrl('file:///etc/passwd', ui)).toBe(false);
    expect(isOwnUrl('https://login.microsoftonline.com/', ui)).toBe(false);
    expect(isOwnUrl('not a url', ui)).toBe(false);
  });

  it("opens outside only the vendors' public guide pages, exactly, over https", () => {
    const guides = Object.values(VENDORS).flatMap((v) => (v.guideUrl ? [v.guideUrl] : []));
    expect(guides).toHaveLength(4);
    for (const g of guides) expect(externalLinkAllowed(g, guides)).toBe(true);
    expect(externalLinkAllowed('https://huggingface.co/docs/hub/security-sso-azure-saml?x=1', guides)).toBe(false);
    expect(externalLinkAllowed('http://cloudinary.com/documentation/saml_sso', guides)).toBe(false);
    expect(externalLinkAllowed('https://evil.example/', guides)).toBe(false);
    expect(externalLinkAllowed('file:///etc/passwd', [...guides, 'file:///etc/passwd'])).toBe(false);
    expect(externalLinkAllowed('not a url', guides)).toBe(false);
  });

  it('reads --workspace in both spellings', () => {
    expect(workspaceArg(['electron', '.', '--workspace', '/tmp/ws'])).toBe('/tmp/ws');
    expect(workspaceArg(['electron', '.', '--workspace=/tmp/ws2'])).toBe('/tmp/ws2');
    expect(workspaceArg(['electron', '.'])).toBeUndefined();
  });
});

describe('the IPC handlers and the browser view proxy', () => {
  let rt: HarnessRuntime;
  let dir: string;
  const opened: string[] = [];
  type Sender = { id: number };
  const own: Sender = { id: 1 };
  let handlers: ReturnType<typeof ipcHandlers<Sender>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'harness-main-'));
    rt = await HarnessRuntime.open({ dir });
    handlers = ipcHandlers<Sender>(rt, (s) => s === own, { openBrowser: async (u) => void opened.push(u), closeBrowser: async () => {} });
  });
  afterAll(async () => {
    await rt.close();
    await rm(dir, { recursive: true, force: true });
  });

  const call = (name: string, arg: unknown, sender: Sender = own) => handlers.get(name)!(sender, arg);

  it('has one channel per API method plus the shell channels', () => {
    const expected = [...Object.keys(API_ARGS).map(channel), ...Object.values(CHANNELS)].sort();
    expect([...handlers.keys()].sort()).toEqual(expected);
  });

  it('answers the app window and refuses any other sender', async () => {
    const mine = (await call(channel('workspace.get'), {})) as { ok: boolean };
    expect(mine.ok).toBe(true);
    const stranger = await call(channel('workspace.get'), {}, { id: 2 });
    expect(stranger).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
    expect(await call(CHANNELS.closeBrowser, undefined, { id: 2 })).toMatchObject({ code: 'FORBIDDEN_SENDER' });
  });

  it('validates arguments against the shared schemas and names the bad field', async () => {
    const r = (await call(channel('tenant.deleteUser'), { objectid: 'not-a-guid' })) as { ok: boolean; code: string; message: string };
    expect(r).toMatchObject({ ok: false, code: 'BAD_ARGUMENTS' });
    expect(r.message).toContain('objectid');
  });

  it('opens only https URLs in the browser view', async () => {
    expect(await call(CHANNELS.openBrowser, 'file:///etc/passwd')).toMatchObject({ ok: false, code: 'BAD_URL' });
    expect(await call(CHANNELS.openBrowser, 'javascript:alert(1)')).toMatchObject({ ok: false, code: 'BAD_URL' });
    expect(await call(CHANNELS.openBrowser, 42)).toMatchObject({ ok: false, code: 'BAD_URL' });
    expect(await call(CHANNELS.openBrowser, 'https://sp.example.com/login')).toEqual({ ok: true, value: undefined });
    expect(opened).toEqual(['https://sp.example.com/login']);
  });

  it('the browser view gets real URLs: the host answers a proxied request by its Host header', async () => {
    const port = Number(new URL(rt.origin).port);
    const signOn = rt.vendors.get('generic')!.site.urls.signOnUrl!;
    const res = await proxyToHost(port, { method: 'GET', url: signOn, headers: {} });
    expect(res.status).toBe(302);
    expect(String(res.headers.location)).toMatch(/^https:\/\/login\.microsoftonline\.com\/[0-9a-f-]{36}\/saml2\?SAMLRequest=/);
  });
});
