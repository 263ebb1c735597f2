import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { CLI, runCli } from '../support/cli';
import { freePort, startProcess } from '../support/processes';
import { launchChromium, shot } from '../support/web-ui';

// An SP nobody on the project wrote (node-saml, its own process) is registered from its own metadata with the
// command line — no browser in the set-up — then signs in and out through `serve` in Chromium. Its single logout
// meets Entra's documented LogoutResponse Issuer; the run says so.

const SP_APP = new URL('../fixtures/outside-sp/slo-app.mjs', import.meta.url).pathname;
const ENTITY_ID = 'urn:example:slo-sp';
const TENANT = '3f8a1c2e-5b7d-4e9f-a1b2-c3d4e5f60718';

let dir: string;
let ws: string;
let spPort: number;
let tenantPort: number;
let metadataUrl: string;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-registered-sp-'));
  ws = join(dir, 'ws');
  [spPort, tenantPort] = [await freePort(), await freePort()];
  const env = { ...process.env, PORT: String(spPort), ENTITY_ID };
  const spMetadata = join(dir, 'sp-metadata.xml');
  await writeFile(spMetadata, execFileSync(process.execPath, [SP_APP, '--print-metadata'], { env, encoding: 'utf8' }));
  const added = await runCli(['apps', 'add', '--metadata', spMetadata, '--name', 'SLO SP', '--no-assignment', '--tenant-id', TENANT, '--port', String(tenantPort), '--workspace', ws, '--json']);
  if (added.code !== 0) throw new Error(added.stderr);
  metadataUrl = (JSON.parse(added.stdout) as { metadataUrl: { served: string } }).metadataUrl.served;
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('an SP registered from its metadata by the command line', () => {
  it('signs in and logs out through serve; its logout run shows the LogoutResponse and the Issuer note', async () => {
    expect(metadataUrl).toContain(`http://127.0.0.1:${tenantPort}/vh/login.microsoftonline.com/${TENANT}/federationmetadata/`);
    const serve = await startProcess(process.execPath, [CLI, 'serve', '--port', String(tenantPort), '--tenant-id', TENANT, '--user', 'adele.vance@contoso.com', '--workspace', ws], {
      ready: 'Press Ctrl+C to stop.',
    });
    const sp = await startProcess(process.execPath, [SP_APP], { ready: 'SLO SP listening', env: { IDP_METADATA_URL: metadataUrl, PORT: String(spPort), ENTITY_ID } });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(`http://127.0.0.1:${spPort}/login`);
      await page.getByTestId('signed-in').waitFor();
      expect(await page.getByTestId('signed-in').textContent()).toBe('Signed in as adele.vance@contoso.com');
      await page.goto(`http://127.0.0.1:${spPort}/logout`);
      // node-saml, given the metadata's entity ID as idpIssuer, refuses Entra's documented LogoutResponse Issuer.
      await page.getByTestId('logout-refused').waitFor();
      expect(await page.getByTestId('logout-error').textContent()).toBe(`Unknown SAML issuer. Expected: https://sts.windows.net/${TENANT}/ Received: https://login.microsoftonline.com/${TENANT}/`);
      await shot(page, '52-registered-sp-logout-issuer');
    } finally {
      await page.close();
      await sp.stop();
      await serve.stop();
    }
    const rt = await HarnessRuntime.open({ dir: ws, tenantId: TENANT });
    try {
      const logout = [...rt.log.entries()].reverse().find((e) => e.source === 'external' && e.result === 'signed-out');
      const run = await rt.findRun(logout!.id);
      expect(run?.result.outcome).toMatchObject({ status: 'signed-out', sp: 'SLO SP' });
      const response = run!.result.hops.flatMap((h) => h.saml).find((m) => m.kind === 'LogoutResponse');
      expect(response).toMatchObject({ issuer: `https://login.microsoftonline.com/${TENANT}/`, binding: 'redirect' });
      expect(response!.signatures.some((s) => s.element === 'query string (HTTP-Redirect)')).toBe(true);
      expect(run!.result.notes?.[0]).toMatch(
        new RegExp(
          `LogoutResponse names its Issuer https://login\\.microsoftonline\\.com/${TENANT}/.*names the IdP https://sts\\.windows\\.net/${TENANT}/.*Shibboleth SP.*mod_auth_mellon.*SimpleSAMLphp`,
        ),
      );
    } finally {
      await rt.close();
    }
  }, 90_000);
});
