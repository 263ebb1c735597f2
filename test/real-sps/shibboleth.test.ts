import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADELE, MEGAN, TENANT, apache, ensurePackages, entraCodeFor, loggedRuns, signInAt, stage, type Stage } from './support';
import { shot } from '../support/web-ui';

// Shibboleth SP 3.4 (Debian's mod_shib and shibd), set up from docs/recipes/shibboleth2.xml and
// shibboleth-apache.conf, against `saml-harness serve`.

const recipe = (name: string) => fileURLToPath(new URL(`../../docs/recipes/${name}`, import.meta.url));
const PLACEHOLDER = (id: string) =>
  `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${id}"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://127.0.0.1:9/"/></IDPSSODescriptor></EntityDescriptor>`;

let s: Stage;
let server: { stop(): Promise<void> };
let appId: string;
let shibd: ChildProcess | undefined;
let httpd: ReturnType<typeof apache>;

/** shibd in the foreground on the recipe's config, (re)started so it reads the metadata files as they are now. */
async function startShibd(): Promise<void> {
  if (shibd) {
    shibd.kill('SIGTERM');
    await new Promise((r) => shibd!.once('exit', r));
  }
  await rm(join(s.dir, 'shibd.sock'), { force: true });
  shibd = spawn('shibd', ['-f', '-F', '-c', join(s.dir, 'shibboleth2.xml'), '-p', join(s.dir, 'shibd.pid')], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !existsSync(join(s.dir, 'shibd.sock')); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
}

beforeAll(async () => {
  ensurePackages(['apache2', 'libapache2-mod-shib']);
  s = await stage('shibboleth');
  const fill = (text: string) => text.replaceAll('${SP_PORT}', String(s.spPort)).replaceAll('${DIR}', s.dir).replaceAll('${TENANT}', TENANT);
  execFileSync('shib-keygen', ['-o', s.dir, '-h', '127.0.0.1', '-e', `http://127.0.0.1:${s.spPort}/shibboleth`, '-n', 'sp'], { stdio: 'ignore' });
  execFileSync('chmod', ['644', join(s.dir, 'sp-key.pem')]);
  for (const f of ['attribute-policy.xml', 'security-policy.xml', 'protocols.xml']) await copyFile(join('/etc/shibboleth', f), join(s.dir, f));
  const map = await readFile('/etc/shibboleth/attribute-map.xml', 'utf8');
  await writeFile(join(s.dir, 'attribute-map.xml'), map.replace(/(<Attributes [^>]*>)/, '$1\n    <Attribute name="http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name" id="upn"/>'));
  await writeFile(join(s.dir, 'idp-metadata.xml'), PLACEHOLDER('urn:placeholder:idp'));
  await writeFile(join(s.dir, 'idp-metadata-logout-issuer.xml'), PLACEHOLDER('urn:placeholder:logout'));
  await writeFile(join(s.dir, 'shibboleth2.xml'), fill(await readFile(recipe('shibboleth2.xml'), 'utf8')));
  await writeFile(join(s.dir, 'httpd.conf'), fill(await readFile(recipe('shibboleth-apache.conf'), 'utf8')));
  await mkdir(join(s.dir, 'www', 'secure'), { recursive: true });
  await writeFile(join(s.dir, 'www', 'secure', 'index.html'), '<h1 id="secure">Shibboleth: signed in</h1>');
  await writeFile(join(s.dir, 'www', 'out.html'), '<h1 id="out">Shibboleth: signed out</h1>');
  await startShibd();
  httpd = apache(join(s.dir, 'httpd.conf'));
  httpd.start();
  // The SP's own metadata, from its MetadataGenerator (it carries a RequestInitiator, which apps add leaves out).
  const spMetadata = join(s.dir, 'sp-metadata.xml');
  await writeFile(spMetadata, await (await fetch(`http://127.0.0.1:${s.spPort}/Shibboleth.sso/Metadata`)).text());
  const r = await s.register(spMetadata, `http://127.0.0.1:${s.spPort}/secure/`);
  appId = r.appId;
  server = await s.serve();
  await writeFile(join(s.dir, 'idp-metadata.xml'), await (await fetch(r.metadataUrl)).text());
  await startShibd();
}, 300_000);

afterAll(async () => {
  httpd?.stop();
  shibd?.kill('SIGTERM');
  await server?.stop();
  await s?.close();
});

describe('Shibboleth SP', () => {
  it('signs in SP-initiated through the picker, IdP-initiated with the Relay State, meets AADSTS50105, and logs out once given the Issuer fix', async () => {
    // Shibboleth's stock validate="true" refuses Entra's metadata (its WS-Federation RoleDescriptors), as it refuses real
    // Entra metadata: the recipe turns validation off for that provider.
    const strict = join(s.dir, 'shibboleth2-validate.xml');
    await writeFile(strict, (await readFile(join(s.dir, 'shibboleth2.xml'), 'utf8')).replace(/validate="false" (path="[^"]*\/idp-metadata\.xml")/, 'validate="true" $1'));
    const checked = spawnSync('shibd', ['-t', '-c', strict], { encoding: 'utf8' });
    expect(`${checked.stdout}${checked.stderr}`).toContain("grammar not found for namespace 'http://docs.oasis-open.org/wsfed/federation/200706'");

    expect(await entraCodeFor(s.browser, `http://127.0.0.1:${s.spPort}/secure/`, MEGAN)).toBe('50105');

    const page = await signInAt(s.browser, `http://127.0.0.1:${s.spPort}/secure/`, ADELE);
    expect(await page.locator('#secure').textContent()).toBe('Shibboleth: signed in');
    await page.goto(`http://127.0.0.1:${s.tenantPort}/vh/login.microsoftonline.com/${TENANT}/idpinitiated?appid=${appId}`);
    await page.waitForURL(`http://127.0.0.1:${s.spPort}/secure/`);
    expect(await page.locator('#secure').textContent()).toBe('Shibboleth: signed in');

    // Without the fix: Shibboleth finds no metadata for Entra's documented LogoutResponse Issuer.
    await page.goto(`http://127.0.0.1:${s.spPort}/Shibboleth.sso/Logout?return=http://127.0.0.1:${s.spPort}/out.html`);
    await page.waitForLoadState('load');
    expect(await page.locator('body').innerText()).toContain('opensaml::SecurityPolicyException');
    expect(await readFile('/var/log/shibboleth/shibd.log', 'utf8')).toContain(`no metadata found, can't establish identity of issuer (https://login.microsoftonline.com/${TENANT}/)`);
    await shot(page, 'real-sp-shibboleth-logout-refused');
    await page.close();

    const idp = await readFile(join(s.dir, 'idp-metadata.xml'), 'utf8');
    await writeFile(join(s.dir, 'idp-metadata-logout-issuer.xml'), idp.replace(`entityID="https://sts.windows.net/${TENANT}/"`, `entityID="https://login.microsoftonline.com/${TENANT}/"`));
    await startShibd();
    const again = await signInAt(s.browser, `http://127.0.0.1:${s.spPort}/secure/`, ADELE);
    await again.locator('#secure').waitFor();
    await again.goto(`http://127.0.0.1:${s.spPort}/Shibboleth.sso/Logout?return=http://127.0.0.1:${s.spPort}/out.html`);
    await again.waitForURL(`http://127.0.0.1:${s.spPort}/out.html`);
    expect(await again.locator('#out').textContent()).toBe('Shibboleth: signed out');
    await again.close();

    await server.stop();
    const runs = await loggedRuns(s.workspace);
    expect(runs.some((r) => r.result === 'AADSTS50105' && r.user === MEGAN)).toBe(true);
    expect(runs.filter((r) => r.result === 'signed-out').length).toBeGreaterThanOrEqual(2);
  });
});
