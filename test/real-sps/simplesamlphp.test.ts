import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIdpMetadata } from '../../src/core/sp/idp-metadata';
import { pemToBase64 } from '../../src/core/crypto/pem';
import { ADELE, MEGAN, TENANT, apache, ensurePackages, entraCodeFor, loggedRuns, signInAt, stage, type Stage } from './support';
import { shot } from '../support/web-ui';

// SimpleSAMLphp 1.19 (Debian's), set up from docs/recipes/simplesamlphp*, against `saml-harness serve`.

const recipe = (name: string) => fileURLToPath(new URL(`../../docs/recipes/${name}`, import.meta.url));
let s: Stage;
let server: { stop(): Promise<void> };
let appId: string;
let fill: (text: string) => string;

/** saml20-idp-remote.php from the app's metadata: the IdP under its entity ID, and (the logout fix) under the LogoutResponse Issuer. */
async function idpRemote(metadataXml: string, logoutFix: boolean): Promise<void> {
  const md = parseIdpMetadata(metadataXml);
  if (!md.ok) throw md.error;
  const t = md.value.trust;
  const entry = (entityId: string) =>
    `$metadata['${entityId}'] = ['entityid' => '${entityId}', ` +
    `'SingleSignOnService' => [['Binding' => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', 'Location' => '${t.ssoUrl}']], ` +
    `'SingleLogoutService' => [['Binding' => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', 'Location' => '${t.sloUrl}']], ` +
    `'keys' => [${t.certificates.map((c) => `['encryption' => false, 'signing' => true, 'type' => 'X509Certificate', 'X509Certificate' => '${pemToBase64(c)}']`).join(', ')}]];\n`;
  const text = `<?php\n${entry(t.entityId!)}${logoutFix ? entry(`https://login.microsoftonline.com/${TENANT}/`) : ''}`;
  await writeFile(join(s.dir, 'ssp-metadata', 'saml20-idp-remote.php'), text);
}

beforeAll(async () => {
  ensurePackages(['apache2', 'libapache2-mod-php', 'php-xml', 'php-mbstring', 'simplesamlphp']);
  s = await stage('simplesamlphp');
  fill = (text) => text.replaceAll('${SP_PORT}', String(s.spPort)).replaceAll('${DIR}', s.dir).replaceAll('${TENANT}', TENANT).replaceAll('${SALT}', 'real-sps-test-salt-0123456789');
  for (const d of ['ssp-config', 'ssp-metadata', 'ssp-tmp', 'www']) await mkdir(join(s.dir, d), { recursive: true, mode: 0o777 });
  await copyFile('/etc/simplesamlphp/config.php', join(s.dir, 'ssp-config', 'config.php'));
  const overrides = fill(await readFile(recipe('simplesamlphp-config.php'), 'utf8')).replace(/^<\?php\n/, '');
  await writeFile(join(s.dir, 'ssp-config', 'config.php'), `${await readFile(join(s.dir, 'ssp-config', 'config.php'), 'utf8')}\n${overrides}`);
  await writeFile(join(s.dir, 'ssp-config', 'authsources.php'), fill(await readFile(recipe('simplesamlphp-authsources.php'), 'utf8')));
  await writeFile(join(s.dir, 'ssp-metadata', 'saml20-idp-remote.php'), '<?php\n');
  const page = (body: string) => `<?php\nrequire_once('/usr/share/simplesamlphp/lib/_autoload.php');\n$as = new \\SimpleSAML\\Auth\\Simple('default-sp');\n${body}\n`;
  await writeFile(
    join(s.dir, 'www', 'secure.php'),
    page(
      `$as->requireAuth(['saml:idp' => 'https://sts.windows.net/${TENANT}/']);\n$name = $as->getAttributes()['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name'][0];\necho '<h1 id="secure">SimpleSAMLphp: signed in as ' . htmlspecialchars($name) . '</h1><p id="nameid-format">' . htmlspecialchars($as->getAuthData('saml:sp:NameID')->getFormat()) . '</p>';`,
    ),
  );
  await writeFile(join(s.dir, 'www', 'logout.php'), page(`$as->logout('http://127.0.0.1:${s.spPort}/out.html');`));
  await writeFile(join(s.dir, 'www', 'out.html'), '<h1 id="out">SimpleSAMLphp: signed out</h1>');
  const conf = join(s.dir, 'httpd.conf');
  await writeFile(conf, fill(await readFile(recipe('simplesamlphp.conf'), 'utf8')));
  apache(conf).start();
  // The SP's own metadata, as SimpleSAMLphp serves it, registered with the tenant.
  const spMetadata = join(s.dir, 'sp-metadata.xml');
  const res = await fetch(`http://127.0.0.1:${s.spPort}/simplesaml/module.php/saml/sp/metadata.php/default-sp`);
  await writeFile(spMetadata, await res.text());
  // IdP-initiated: without a Relay State, SimpleSAMLphp lands on the site's root; the app's Relay State names the page.
  const r = await s.register(spMetadata, `http://127.0.0.1:${s.spPort}/secure.php`);
  appId = r.appId;
  server = await s.serve();
  await idpRemote(await (await fetch(r.metadataUrl)).text(), false);
}, 300_000);

afterAll(async () => {
  apache(join(s.dir, 'httpd.conf')).stop();
  await server?.stop();
  await s?.close();
});

describe('SimpleSAMLphp', () => {
  it('signs in SP-initiated through the picker, IdP-initiated from My Apps, meets AADSTS50105, and logs out once given the Issuer fix', async () => {
    expect(await entraCodeFor(s.browser, `http://127.0.0.1:${s.spPort}/secure.php`, MEGAN)).toBe('50105');

    const page = await signInAt(s.browser, `http://127.0.0.1:${s.spPort}/secure.php`, ADELE);
    await page.locator('#secure').waitFor();
    expect(await page.locator('#secure').textContent()).toBe(`SimpleSAMLphp: signed in as ${ADELE}`);
    // SimpleSAMLphp asks for a transient NameID (NameIDPolicy), and Entra honours the request's format.
    expect(await page.locator('#nameid-format').textContent()).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:transient');

    // Without the fix: SimpleSAMLphp cannot find the LogoutResponse's Issuer among its IdPs.
    await page.goto(`http://127.0.0.1:${s.spPort}/logout.php`);
    await page.waitForLoadState('load');
    expect(await page.locator('body').textContent()).toMatch(/metadata/i);
    expect(await page.content()).toContain(`https://login.microsoftonline.com/${TENANT}/`);
    await shot(page, 'real-sp-simplesamlphp-logout-refused');
    await page.close();

    await idpRemote(await (await fetch(`http://127.0.0.1:${s.tenantPort}/vh/login.microsoftonline.com/${TENANT}/federationmetadata/2007-06/federationmetadata.xml?appid=${appId}`)).text(), true);
    const again = await signInAt(s.browser, `http://127.0.0.1:${s.spPort}/secure.php`, ADELE);
    await again.locator('#secure').waitFor();
    // IdP-initiated from My Apps: the tile posts an unsolicited response SimpleSAMLphp takes.
    await again.goto(`http://127.0.0.1:${s.tenantPort}/vh/login.microsoftonline.com/${TENANT}/idpinitiated?appid=${appId}`);
    await again.waitForURL(`http://127.0.0.1:${s.spPort}/secure.php`);
    expect(await again.locator('#secure').textContent()).toBe(`SimpleSAMLphp: signed in as ${ADELE}`);
    await again.goto(`http://127.0.0.1:${s.spPort}/logout.php`);
    await again.waitForURL(`http://127.0.0.1:${s.spPort}/out.html`);
    expect(await again.locator('#out').textContent()).toBe('SimpleSAMLphp: signed out');
    await again.close();

    await server.stop();
    const runs = await loggedRuns(s.workspace);
    expect(runs.some((r) => r.result === 'AADSTS50105' && r.user === MEGAN)).toBe(true);
    expect(runs.some((r) => r.result === 'issued' || r.result === 'signed-in')).toBe(true);
  });
});
