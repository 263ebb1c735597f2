import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { CLI, runCli } from '../support/cli';
import { startProcess } from '../support/processes';

// A CI job registers its own SP with the tenant from its metadata, with no browser and no token.

const ENTITY = 'https://sp.ci.example/shibboleth';
const metadata = (acs: string) =>
  `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${ENTITY}"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
  `<md:Extensions><init:RequestInitiator xmlns:init="urn:oasis:names:tc:SAML:profiles:SSO:request-init" Binding="urn:oasis:names:tc:SAML:profiles:SSO:request-init" Location="https://sp.ci.example/Shibboleth.sso/Login"/></md:Extensions>` +
  `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sp.ci.example/Shibboleth.sso/SLO/Redirect"/>` +
  `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${acs}" index="1"/></md:SPSSODescriptor></md:EntityDescriptor>`;

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-apps-cli-'));
  file = join(dir, 'sp-metadata.xml');
  await writeFile(file, metadata('https://sp.ci.example/Shibboleth.sso/SAML2/POST'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('saml-harness apps', () => {
  it('add registers an SP from its metadata file: says what came from where, and prints the metadata URL', async () => {
    const ws = join(dir, 'ws');
    const r = await runCli(['apps', 'add', '--metadata', file, '--name', 'CI SP', '--assign', 'adele.vance@contoso.com', '--port', '8080', '--workspace', ws]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Added enterprise app "CI SP"');
    expect(r.stdout).toContain(`Identifier (Entity ID): ${ENTITY}  ← EntityDescriptor@entityID`);
    expect(r.stdout).toContain('Reply URL (default): https://sp.ci.example/Shibboleth.sso/SAML2/POST  ← AssertionConsumerService (HTTP-POST, index 1)');
    expect(r.stdout).toContain('Logout Url: https://sp.ci.example/Shibboleth.sso/SLO/Redirect  ← SingleLogoutService');
    expect(r.stdout).toMatch(/Sign on URL: not set; the metadata's RequestInitiator https:\/\/sp\.ci\.example\/Shibboleth\.sso\/Login was left out/);
    expect(r.stdout).toContain('Users: 1 assigned');
    const appId = /application ID ([0-9a-f-]{36})/.exec(r.stdout)![1]!;
    expect(r.stdout).toMatch(new RegExp(`App Federation Metadata Url: https://login\\.microsoftonline\\.com/[0-9a-f-]{36}/federationmetadata/2007-06/federationmetadata\\.xml\\?appid=${appId}`));
    expect(r.stdout).toMatch(/as served by saml-harness serve --port 8080: http:\/\/127\.0\.0\.1:8080\/vh\/login\.microsoftonline\.com\//);
    const rt = await HarnessRuntime.open({ dir: ws });
    const app = rt.ws.apps.find((a) => a.appId === appId)!;
    await rt.close();
    expect(app.saml).toMatchObject({
      identifiers: [{ value: ENTITY }],
      replyUrls: [{ url: 'https://sp.ci.example/Shibboleth.sso/SAML2/POST', index: 1 }],
      logoutUrl: 'https://sp.ci.example/Shibboleth.sso/SLO/Redirect',
    });
    expect(app.saml.signOnUrl).toBeUndefined();
    expect(app.assignmentRequired).toBe(true);
  });

  it('add again with the same Identifier updates that app (an Identifier is unique in a tenant), and --no-assignment turns assignment off', async () => {
    const ws = join(dir, 'ws');
    await writeFile(file, metadata('https://sp.ci.example/Shibboleth.sso/SAML2/POST2'));
    const r = await runCli(['apps', 'add', '--metadata', file, '--no-assignment', '--sign-on-url', '--workspace', ws, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { updated: boolean; name: string; fields: Array<{ field: string; from: string }> };
    expect(out).toMatchObject({ updated: true, name: 'CI SP' });
    expect(out.fields.map((f) => f.from)).toContain('Extensions/RequestInitiator');
    const list = JSON.parse((await runCli(['apps', 'list', '--workspace', ws, '--json'])).stdout) as Array<{ name: string; identifiers: string[] }>;
    expect(list.filter((a) => a.identifiers.includes(ENTITY))).toHaveLength(1);
  });

  it('refuses metadata that is not, naming what it is, with exit code 2', async () => {
    const html = join(dir, 'error.html');
    await writeFile(html, '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
    const r = await runCli(['apps', 'add', '--metadata', html, '--workspace', join(dir, 'ws')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('This is an HTML page ("502 Bad Gateway"), not SAML metadata');
  });

  it('will not write a workspace another process has open, and names that process', async () => {
    const ws = join(dir, 'ws');
    const serve = await startProcess(process.execPath, [CLI, 'serve', '--workspace', ws], { ready: 'Press Ctrl+C to stop.' });
    try {
      const r = await runCli(['apps', 'add', '--metadata', file, '--workspace', ws]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(new RegExp(`in use by process ${serve.child.pid} \\(.*serve --workspace`));
    } finally {
      await serve.stop();
    }
    expect((await runCli(['apps', 'list', '--workspace', ws])).code).toBe(0);
  }, 60_000);
});
