import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { toLoopback } from '../../src/core/http/loopback-urls';
import { launchChromium, shot, startWebMode, type WebMode } from '../support/web-ui';

// The attacks of the security review, replayed by a real Chromium from a page on another loopback origin against
// running web mode: each must fail.

const ADELE = 'adele.vance@contoso.com';
let browser: Browser;
let web: WebMode;
let evil: Server;
let evilOrigin: string;
let page: Page;

/** The attacker's site: whatever page the test puts at a path. */
const pages = new Map<string, string>();

beforeAll(async () => {
  web = await startWebMode();
  await web.rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
  evil = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pages.get(req.url ?? '/') ?? '<p>nothing here</p>');
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
  evilOrigin = `http://localhost:${(evil.address() as AddressInfo).port}`;
  // The rebinding attacker's name resolves to 127.0.0.1, as a rebound DNS answer would make it.
  browser = await launchChromium(['--host-resolver-rules=MAP rebind.attacker.test 127.0.0.1']);
});
// A page of its own for each attack: a navigation one leaves behind cannot cut into the next.
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});
afterEach(() => page?.close());
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (evil ? evil.close(() => r()) : r()));
  await web?.stop();
  await rm(web.workspace, { recursive: true, force: true });
});

const runsOf = () => web.rt.log.entries().length;

describe('a hostile page in the user’s browser', () => {
  it('cannot run script on the tenant’s origin through an app ID in the My Apps launch (XSS)', async () => {
    const payload = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>`;
    const target = `${toLoopback(web.rt.harness.urls.idpInitiated('x'), web.rt.origin).replace(/appid=x$/, `appid=${encodeURIComponent(payload)}`)}`;
    pages.set('/xss', `<script>location.href = ${JSON.stringify(target)};</script>`);
    await page.goto(`${evilOrigin}/xss`);
    await page.waitForURL(/idpinitiated/);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('body').innerText()).toContain('<script>window.pwned=2</script>');
    // And were a script to run there, the tenant's origin holds no token: the UI is on another origin.
    expect(new URL(page.url()).origin).not.toBe(web.ui.origin);
    // Its CSP lets no script on the page even fetch (connect-src falls back to 'none').
    expect(
      await page.evaluate(() =>
        fetch('/').then(
          () => 'read',
          () => 'blocked',
        ),
      ),
    ).toBe('blocked');
    expect(await (await fetch(`${web.rt.origin}/`)).text()).not.toContain(web.ui.token);
    await shot(page, '50-security-xss-escaped');
  });

  it('cannot drive the API from its own origin (CSRF), nor read the UI to take its token (CORS)', async () => {
    const apps = web.rt.ws.apps.length;
    pages.set(
      '/csrf',
      `<form id=f method=POST action="${web.ui.origin}/api/rpc/apps.create" enctype="text/plain"><input name='{"displayName":"pwned","x":"' value='"}'></form>
       <script>
         window.results = [];
         const api = ${JSON.stringify(`${web.ui.origin}/api/rpc/apps.create`)};
         fetch(api, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ displayName: 'pwned' }) }).then(() => results.push('sent'), () => results.push('blocked'));
         fetch(${JSON.stringify(`${web.ui.origin}/`)}).then((r) => r.text()).then((t) => results.push('read:' + t.length), () => results.push('unreadable'));
         fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', 'x-harness-token': 'guess' }, body: '{}' }).then(() => results.push('preflight passed'), () => results.push('preflight refused'));
       </script>`,
    );
    await page.goto(`${evilOrigin}/csrf`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { results: string[] }).results.length)).toBe(3);
    const results = await page.evaluate(() => (window as unknown as { results: string[] }).results);
    expect(results).toContain('unreadable');
    expect(results).toContain('preflight refused');
    await Promise.all([page.waitForURL(/\/api\/rpc\/apps\.create$/), page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit())]);
    expect(await page.locator('body').innerText()).toMatch(/Missing or wrong API token|Forbidden origin/);
    expect(web.rt.ws.apps.length).toBe(apps);
    expect(web.rt.ws.apps.some((a) => a.displayName.includes('pwned'))).toBe(false);
  });

  it('cannot reach the UI or the tenant under a name of its own (DNS rebinding): 421 before any route', async () => {
    const uiPort = new URL(web.ui.origin).port;
    const tenantPort = new URL(web.rt.origin).port;
    const ui = await page.goto(`http://rebind.attacker.test:${uiPort}/`);
    expect(ui?.status()).toBe(421);
    expect(await page.content()).not.toContain('harness-token');
    const tenant = await page.goto(`http://rebind.attacker.test:${tenantPort}/vh/login.microsoftonline.com/${web.rt.ws.tenant.id}/idpinitiated?appid=${web.rt.ws.apps[0]!.appId}&login_hint=${ADELE}`);
    expect(tenant?.status()).toBe(421);
    expect((await page.goto(`http://rebind.attacker.test:${tenantPort}/status`))?.status()).toBe(421);
  });

  it('cannot flood the sign-in logs: 2,000 requests to the Login URL leave the user’s runs in place', async () => {
    const before = runsOf();
    const login = toLoopback(web.rt.harness.urls.saml2, web.rt.origin);
    pages.set('/flood', `<script>window.done = 0; for (let i = 0; i < 2000; i++) fetch(${JSON.stringify(login)} + '?n=' + i, { mode: 'no-cors' }).finally(() => window.done++);</script>`);
    await page.goto(`${evilOrigin}/flood`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { done: number }).done), { timeout: 60_000 }).toBe(2000);
    await web.rt.log.flush();
    expect(runsOf()).toBe(before);
    expect(web.rt.log.entries().some((e) => e.user === ADELE && e.source === 'run')).toBe(true);
  }, 90_000);
});
