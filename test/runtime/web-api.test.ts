import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { TOKEN_HEADER } from '../../src/core/runtime/web-api';

// Web mode's API is reachable by anything on the machine that can open a socket, and by any web page the
// user visits (through the browser). These are the guards that keep both out.

let rt: HarnessRuntime;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-webapi-'));
  rt = await HarnessRuntime.open({ dir });
});
afterAll(async () => {
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
function send({ path = '/api/rpc/workspace.get', method = 'POST', headers = {}, body = '{}' }: Sent): Promise<{ status: number; body: string }> {
  const port = Number(new URL(rt.origin).port);
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [TOKEN_HEADER]: rt.apiToken, ...headers } }, (res) => {
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
    expect((await send({ headers: { [TOKEN_HEADER]: 'x'.repeat(rt.apiToken.length) } })).status).toBe(401);
  });

  it('refuses a form post (not JSON), which a cross-site page could send', async () => {
    const r = await send({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(r.status).toBe(415);
  });

  it('refuses a request naming another host (DNS rebinding)', async () => {
    expect((await send({ headers: { host: 'attacker.example:80' } })).status).toBe(403);
  });

  it('reports a body that is not JSON, an unknown method and bad arguments as values with codes', async () => {
    expect(JSON.parse((await send({ body: '{oops' })).body)).toMatchObject({ ok: false, code: 'BAD_JSON' });
    expect(JSON.parse((await send({ path: '/api/rpc/tenant.dropTables' })).body)).toMatchObject({ ok: false, code: 'UNKNOWN_METHOD' });
    const bad = JSON.parse((await send({ path: '/api/rpc/vendors.setFault', body: JSON.stringify({ vendorId: 'cloudinary', fault: 'x', on: 'yes' }) })).body) as { code: string; message: string };
    expect(bad.code).toBe('BAD_ARGUMENTS');
    expect(bad.message).toContain('on');
  });

  it('serves a flow page only for a run that exists, sandboxed with scripts off', async () => {
    expect((await send({ method: 'GET', path: '/api/flows/deadbeef/page', body: '' })).status).toBe(404);
    const run = JSON.parse((await send({ path: '/api/rpc/flows.run', body: JSON.stringify({ vendorId: 'generic', flow: 'sp-initiated' }) })).body) as { ok: boolean; value: { pageUrl: string } };
    expect(run.ok).toBe(true);
    const port = Number(new URL(rt.origin).port);
    const page = await fetch(run.value.pageUrl.startsWith('http') ? run.value.pageUrl : `http://127.0.0.1:${port}${run.value.pageUrl}`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('sandbox');
    expect(csp).not.toContain('script-src');
    expect(await page.text()).toContain('data-page=');
  });
});
