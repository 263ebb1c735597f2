import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADELE, MEGAN, TENANT, apache, ensurePackages, entraCodeFor, loggedRuns, signInAt, stage, type Stage } from './support';
import { shot } from '../support/web-ui';

// mod_auth_mellon 0.18 (Debian's), set up from docs/recipes/mellon.conf, against `saml-harness serve`.

const RECIPE = fileURLToPath(new URL('../../docs/recipes/mellon.conf', import.meta.url));
let s: Stage;
let server: { stop(): Promise<void> };
let appId: string;
let conf: (logoutFix: boolean) => Promise<string>;

beforeAll(async () => {
  ensurePackages(['apache2', 'libapache2-mod-auth-mellon']);
  s = await stage('mellon');
  const sp = `http://127.0.0.1:${s.spPort}`;
  execFileSync('mellon_create_metadata', [`${sp}/mellon/metadata`, `${sp}/mellon`], { cwd: s.dir, stdio: 'ignore' });
  const made = `http_127.0.0.1_${s.spPort}_mellon_metadata`;
  for (const [from, to] of [
    ['cert', 'sp.cert'],
    ['key', 'sp.key'],
    ['xml', 'sp.xml'],
  ] as const)
    await rename(join(s.dir, `${made}.${from}`), join(s.dir, to));
  execFileSync('chmod', ['644', join(s.dir, 'sp.key')]);
  await mkdir(join(s.dir, 'www', 'secure'), { recursive: true });
  await writeFile(join(s.dir, 'www', 'secure', 'index.html'), '<h1 id="secure">Mellon: signed in</h1>');
  await writeFile(join(s.dir, 'www', 'out.html'), '<h1 id="out">Mellon: signed out</h1>');
  ({ appId } = await s.register(join(s.dir, 'sp.xml')).then(async (r) => {
    server = await s.serve();
    await s.idpMetadata(r.metadataUrl);
    return r;
  }));
  conf = async (logoutFix) => {
    const file = join(s.dir, `httpd${logoutFix ? '-fixed' : ''}.conf`);
    const text = (await readFile(RECIPE, 'utf8'))
      .replaceAll('${SP_PORT}', String(s.spPort))
      .replaceAll('${DIR}', s.dir)
      .replace('${LOGOUT_FIX}', logoutFix ? `MellonIdPMetadataFile ${s.dir}/idp-metadata-logout-issuer.xml` : '');
    await writeFile(file, text);
    return file;
  };
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await s?.close();
});

describe('mod_auth_mellon', () => {
  it('signs in SP-initiated through the picker, IdP-initiated from My Apps, meets AADSTS50105, and logs out once given the Issuer fix', async () => {
    const httpd = apache(await conf(false));
    httpd.start();
    try {
      expect(await entraCodeFor(s.browser, `http://127.0.0.1:${s.spPort}/secure/`, MEGAN)).toBe('50105');

      const page = await signInAt(s.browser, `http://127.0.0.1:${s.spPort}/secure/`, ADELE);
      await page.locator('#secure').waitFor();
      await page.goto(`http://127.0.0.1:${s.tenantPort}/vh/login.microsoftonline.com/${TENANT}/idpinitiated?appid=${appId}`);
      await page.waitForURL(`http://127.0.0.1:${s.spPort}/secure/`);
      expect(await page.locator('#secure').textContent()).toBe('Mellon: signed in');

      // Without the fix: Entra's documented LogoutResponse Issuer is unknown to mellon.
      await page.goto(`http://127.0.0.1:${s.spPort}/mellon/logout?ReturnTo=http://127.0.0.1:${s.spPort}/out.html`);
      await page.waitForLoadState('load');
      expect(await page.locator('body').textContent()).toContain('Bad Request');
      expect(await readFile(join(s.dir, 'error.log'), 'utf8')).toContain('The identifier of a provider is unknown');
      await shot(page, 'real-sp-mellon-logout-refused');
      await page.close();
    } finally {
      httpd.stop();
    }
    await new Promise((r) => setTimeout(r, 1000));
    const fixed = apache(await conf(true));
    fixed.start();
    try {
      const page = await signInAt(s.browser, `http://127.0.0.1:${s.spPort}/secure/`, ADELE);
      await page.locator('#secure').waitFor();
      await page.goto(`http://127.0.0.1:${s.spPort}/mellon/logout?ReturnTo=http://127.0.0.1:${s.spPort}/out.html`);
      await page.waitForURL(`http://127.0.0.1:${s.spPort}/out.html`);
      expect(await page.locator('#out').textContent()).toBe('Mellon: signed out');
      await page.close();
    } finally {
      fixed.stop();
    }
    await server.stop();
    const runs = await loggedRuns(s.workspace);
    expect(runs.some((r) => r.result === 'AADSTS50105' && r.user === MEGAN)).toBe(true);
    expect(runs.filter((r) => r.result === 'signed-out').length).toBeGreaterThanOrEqual(2);
  });
});
