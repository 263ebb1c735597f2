import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { TOKEN_HEADER, startWebUi, type WebUi } from '../../src/core/runtime/web-api';
import { UI_DIR } from '../support/web-ui';

// Web mode's API is reachable by anything on the machine that can open a socket, and by any web page the
// user visits (through the browser). These are the guards that keep both out.

let rt: HarnessRuntime;
let ui: WebUi;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-webapi-'));
  rt = await HarnessRuntime.open({ dir });
  ui = await startWebUi(rt, { uiDir: UI_DIR });
});
afterAll(async () => {
  await ui.stop();
  await rt.close();
  await rm(dir, { recursive: true, force: true });
});

interface Sent {
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A raw request, so the Host header can be anything a rebinding attacker would send. */
function send({ path = '/api/rpc/workspace.get', method = 'POST', headers = {}, body = '{}' }: Sent, origin = ui.origin): Promise<{ status: number; body: string }> {
  const port = Number(new URL(origin).port);
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [TOKEN_HEADER]: ui.token, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

describe('the web-mode API', () => {
  it('answers a call that has the token, JSON and the loopback host', async () => {
    const r = await send({});
    expect(r.status).toBe(200);
    const parsed = JSON.parse(r.body) as { ok: boolean; value: { vendors: unknown[] } };
    expect(parsed.ok).toBe(true);
    expect(parsed.value.vendors).toHaveLength(5);
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await send({ headers: { [TOKEN_HEADER]: '' } })).status).toBe(401);
    expect((await send({ headers: { [TOKEN_HEADER]: 'x'.repeat(ui.token.length) } })).status).toBe(401);
  });

  it('refuses a form post (not JSON), which a cross-site page could send', async () => {
    const r = await send({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(r.status).toBe(415);
  });

  it('refuses a request naming another host (DNS rebinding) before any route, the UI files included', async () => {
    expect((await send({ headers: { host: 'attacker.example:80' } })).status).toBe(421);
    expect((await send({ method: 'GET', path: '/', body: '', headers: { host: `attacker.example:${new URL(ui.origin).port}` } })).status).toBe(421);
  });

  it('refuses a call from another origin, even with the token', async () => {
    expect((await send({ headers: { origin: 'http://127.0.0.1:1' } })).status).toBe(403);
    expect((await send({ headers: { origin: 'null' } })).status).toBe(403);
    expect((await send({ headers: { origin: ui.origin } })).status).toBe(200);
  });

  it('lives apart from the tenant: the tenant listener has no API and no token', async () => {
    expect((await send({}, rt.origin)).status).toBe(404);
    const page = await fetch(`${rt.origin}/status`);
    expect(await page.text()).not.toContain(ui.token);
  });

  it('reports a body that is not JSON, an unknown method and bad arguments as values with codes', async () => {
    expect(JSON.parse((await send({ body: '{oops' })).body)).toMatchObject({ ok: false, code: 'BAD_JSON' });
    expect(JSON.parse((await send({ path: '/api/rpc/tenant.dropTables' })).body)).toMatchObject({ ok: false, code: 'UNKNOWN_METHOD' });
    const bad = JSON.parse((await send({ path: '/api/rpc/vendors.setFault', body: JSON.stringify({ vendorId: 'cloudinary', fault: 'x', on: 'yes' }) })).body) as { code: string; message: string };
    expect(bad.code).toBe('BAD_ARGUMENTS');
    expect(bad.message).toContain('on');
  });

  it('gives a run page as text, scripts removed, and serves it on no route', async () => {
    expect(JSON.parse((await send({ path: '/api/rpc/runs.page', body: JSON.stringify({ runId: 'deadbeefdeadbeef' }) })).body)).toMatchObject({ ok: false, code: 'RUN_NOT_FOUND' });
    const run = JSON.parse((await send({ path: '/api/rpc/flows.run', body: JSON.stringify({ vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' }) })).body) as {
      ok: boolean;
      value: { id: string };
    };
    expect(run.ok).toBe(true);
    const page = JSON.parse((await send({ path: '/api/rpc/runs.page', body: JSON.stringify({ runId: run.value.id }) })).body) as { ok: boolean; value: { html: string } };
    expect(page.value.html).toContain('data-page="signed-in"');
    const autoPost = JSON.parse((await send({ path: '/api/rpc/runs.page', body: JSON.stringify({ runId: run.value.id, hop: 2 }) })).body) as { ok: boolean; value: { html: string } };
    expect(autoPost.value.html).toContain('hiddenform');
    expect(autoPost.value.html).not.toContain('<script');
    expect((await send({ method: 'GET', path: `/api/flows/${run.value.id}/page`, body: '' })).status).toBe(404);
    expect((await send({ method: 'GET', path: `/api/flows/${run.value.id}/page`, body: '' }, rt.origin)).status).toBe(404);
  });
});
