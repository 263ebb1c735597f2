import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebUiSession, shot, type WebUiSession } from '../support/web-ui';

let s: WebUiSession;
beforeAll(async () => {
  s = await openWebUiSession({ width: 1280, height: 800 });
});
afterAll(async () => {
  await s?.close();
});

async function runFlow(vendor: string, flow: string, user: string, attributeSet = ''): Promise<void> {
  await s.page.goto(`${s.ui.origin}/#/run`);
  await s.page.selectOption('select[name=vendor]', vendor);
  await s.page.selectOption('select[name=flow]', flow);
  await s.page.selectOption('select[name=user]', user);
  await s.page.selectOption('select[name=attribute-set]', attributeSet);
  const before = await s.page.locator('[data-testid=outcome]').count();
  await s.page.getByRole('button', { name: 'Run', exact: true }).click();
  await s.page.getByRole('button', { name: 'Run', exact: true }).waitFor({ state: 'visible' });
  await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid=outcome]').length >= Math.max(1, n) && !document.querySelector('button[disabled]'), before);
}

describe('web mode in Chromium: an integrator sets up ImageKit and signs in', () => {
  it('a new user gets the demo workspace', async () => {
    expect(await s.page.getByRole('heading', { name: 'Contoso', level: 1 }).count()).toBe(1);
    expect(await s.page.locator('tr[data-upn]').count()).toBe(8);
    await shot(s.page, '01-tenant-users');
    await s.page.getByRole('tab', { name: 'Groups' }).click();
    await shot(s.page, '02-tenant-groups');
    await s.page.getByRole('tab', { name: 'Attribute sets' }).click();
    await shot(s.page, '03-tenant-attribute-sets');
  });

  it('the ImageKit enterprise app is set up as the guide says (Basic SAML, claims, certificate)', async () => {
    await s.page.getByRole('navigation').getByRole('button', { name: '↳ ImageKit' }).click();
    expect(await s.page.getByRole('textbox', { name: 'Identifier (Entity ID) 1' }).inputValue()).toBe('https://imagekit.io/saml/consume');
    expect(await s.page.locator('input[name=relayState]').inputValue()).toBe('https://imagekit.io/dashboard');
    await shot(s.page, '04-app-basic');
    await s.page.getByRole('tab', { name: 'Attributes & Claims' }).click();
    const claims = s.page.getByRole('region', { name: 'Additional claims' });
    expect(await claims.locator('tr[data-claim=imagekit_role] td').nth(1).textContent()).toBe('user.department');
    expect(await claims.locator('tr[data-claim=full_name] td').nth(1).textContent()).toBe('Join(user.givenname, user.surname, " ")');
    // Where claims are edited, the values ImageKit accepts, and the claims a user would get, with ImageKit's verdict.
    expect(await claims.locator('tr[data-claim=imagekit_role] td').nth(2).textContent()).toMatch(/developer.*\(exact case\)/);
    await s.page.selectOption('select[name=claims-preview-user]', 'adele.vance@contoso.com');
    await expect.poll(() => s.page.getByTestId('claims-preview').locator('tr[data-claim=imagekit_role] td').nth(1).textContent()).toBe('developer');
    await shot(s.page, '05-app-claims');
    await s.page.getByRole('tab', { name: 'SAML Certificates' }).click();
    await s.page.locator('[data-testid=xml-view] .cm-content').waitFor();
    expect(await s.page.locator('[data-testid=metadata-url]').textContent()).toMatch(/federationmetadata\.xml\?appid=/);
    // Shown formatted, one element a line; downloaded as Entra serves it: a byte-order mark and one line.
    const lines = s.page.locator('[data-testid=xml-view] .cm-line');
    expect(await lines.first().textContent()).toBe('<?xml version="1.0" encoding="utf-8"?>');
    expect(await lines.nth(1).textContent()).toMatch(/^<EntityDescriptor [^>]*>$/);
    expect(await s.page.locator('[data-testid=xml-view] .cm-line').count()).toBeGreaterThan(10);
    const download = s.page.waitForEvent('download');
    await s.page.getByRole('button', { name: 'Download', exact: true }).click();
    const bytes = await readFile((await (await download).path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(0x0a)).toBe(false);
    expect(bytes.toString('utf8')).toMatch(/<EntityDescriptor [^>]*>.*<\/EntityDescriptor>$/);
    expect(await s.page.getByTestId('metadata-note').textContent()).toContain(`${bytes.length.toLocaleString('en-US')} bytes on one line`);
    await shot(s.page, '06-app-certificates');
    await s.page.getByRole('tab', { name: 'Users and groups' }).click();
    await shot(s.page, '07-app-users');
  });

  it("a fresh workspace's ImageKit already holds the app's Federation Metadata XML: every set-up check passes", async () => {
    await s.page.getByRole('navigation').getByRole('button', { name: 'ImageKit', exact: true }).click();
    await expect.poll(() => s.page.locator('[data-check=idp-config]').getAttribute('data-status')).toBe('pass');
    expect(await s.page.locator('[data-status=fail]').count()).toBe(0);
    await shot(s.page, '08-vendor-imagekit');
  });

  it('the first ImageKit run signs in: the signed-in page, the trace, a passing report and a "created" diff', async () => {
    await s.page.goto(`${s.ui.origin}/#/run`);
    await s.page.selectOption('select[name=vendor]', 'imagekit');
    expect(await s.page.getByTestId('setup-warnings').count()).toBe(0);
    await runFlow('imagekit', 'idp-initiated', 'adele.vance@contoso.com');
    expect(await s.page.locator('[data-testid=outcome]').getAttribute('data-status')).toBe('signed-in');
    expect(await s.page.locator('[data-testid=report]').getAttribute('data-ok')).toBe('true');
    expect(await s.page.locator('[data-testid=diff]').getAttribute('data-action')).toBe('created');
    // The diff names the user, not the SP's internal ID.
    expect(await s.page.locator('[data-testid=diff] h3').textContent()).toBe('Provisioning: adele.vance@contoso.com created');
    expect(await s.page.locator('[data-testid=trace] li').count()).toBeGreaterThanOrEqual(4);
    const frame = s.page.frameLocator('[data-testid=outcome-page]');
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Welcome, adele.vance@contoso.com');
    await s.page.locator('[data-testid=xml-view] .cm-content').first().waitFor();
    expect(await s.page.locator('.cm-covered-line').count()).toBeGreaterThan(0);
    expect(await s.page.locator('[data-testid=signatures]').first().textContent()).toMatch(/on Assertion.*covers its element/);
    await shot(s.page, '09-run-imagekit-signed-in');
  });

  it('with imagekit_role changed to a value ImageKit does not accept, the next run is refused with the reason', async () => {
    await s.page.goto(`${s.ui.origin}/#/tenant/users`);
    await s.page.getByRole('button', { name: 'Edit Adele Vance' }).click();
    await s.page.locator('input[name=department]').fill('Designer');
    await s.page.getByRole('button', { name: 'Save', exact: true }).click();
    await s.page.getByTestId('toast-info').first().waitFor();
    await runFlow('imagekit', 'idp-initiated', 'adele.vance@contoso.com');
    expect(await s.page.locator('[data-testid=outcome]').getAttribute('data-code')).toBe('INVALID_ROLE');
    expect(await s.page.locator('[data-testid=outcome-message]').textContent()).toBe('The value of imagekit_role is not one of the accepted roles.');
    expect(await s.page.locator('[data-testid=outcome-reason]').textContent()).toMatch(/"imagekit_role" has value "Designer", which is not one of "account_administrator"/);
    // What collided: the value sent beside the values ImageKit holds.
    expect(await s.page.getByTestId('outcome-collided').textContent()).toMatch(
      /^What collided: Claim imagekit_roleSent Designer — The assertion's imagekit_role attributeHeld account_administrator, developer, .* — Values the vendor accepts \(case-sensitive\)$/,
    );
    expect(await s.page.locator('[data-testid=report]').getAttribute('data-ok')).toBe('true');
    // What to change, in the blade's words, with the way to the field; the sound SAML checks said not to contradict it.
    const change = s.page.getByTestId('what-to-change');
    expect(await change.textContent()).toMatch(/Attributes & Claims › claim "imagekit_role"/);
    expect(await change.locator('[data-fix="claim:imagekit_role"]').textContent()).toBe('Fix it: Attributes & Claims › imagekit_role →');
    expect(await s.page.getByTestId('report-note').textContent()).toMatch(/the refusal above is the vendor's own rule/);
    await shot(s.page, '10-run-imagekit-refused');
    await s.page.goto(`${s.ui.origin}/#/tenant/users`);
    await s.page.getByRole('button', { name: 'Edit Adele Vance' }).click();
    await s.page.locator('input[name=department]').fill('developer');
    await s.page.getByRole('button', { name: 'Save', exact: true }).click();
    await s.page.getByTestId('toast-info').first().waitFor();
  });

  it('with the Metadata XML deleted at ImageKit, the Run screen warns before the run, and Fix it leads to the field that mends it', async () => {
    await s.page.goto(`${s.ui.origin}/#/vendors/imagekit`);
    await s.page.getByRole('button', { name: 'Delete the IdP metadata' }).click();
    await s.page.getByRole('button', { name: 'Delete metadata' }).click();
    await expect.poll(() => s.rt.vendors.get('imagekit')!.idpTrust).toBeUndefined();
    await s.page.goto(`${s.ui.origin}/#/run`);
    await s.page.selectOption('select[name=vendor]', 'imagekit');
    const warnings = s.page.getByTestId('setup-warnings');
    await expect.poll(() => warnings.locator('[data-check=idp-config]').count()).toBe(1);
    await shot(s.page, '10b-run-setup-warnings');
    expect(await warnings.locator('h2').textContent()).toBe('One set-up check fails: expect this run to fail');
    await runFlow('imagekit', 'idp-initiated', 'adele.vance@contoso.com');
    expect(await s.page.locator('[data-testid=outcome]').getAttribute('data-code')).toBe('SSO_NOT_CONFIGURED');
    expect(await s.page.getByTestId('what-to-change').textContent()).toMatch(/ImageKit › Single sign-on configuration/);
    await s.page.getByTestId('what-to-change').locator('[data-fix=idp-config]').click();
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-label'))).toBe('Single sign-on configuration');
    await s.page.getByRole('button', { name: 'Fill from the Entra app' }).click();
    await expect.poll(async () => (await s.page.locator('textarea[name=metadata-xml]').inputValue()).length).toBeGreaterThan(2000);
    await s.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => s.page.locator('[data-check=idp-config]').getAttribute('data-status')).toBe('pass');
    await s.page.goto(`${s.ui.origin}/#/run`);
    await s.page.selectOption('select[name=vendor]', 'imagekit');
    await expect.poll(() => s.page.getByTestId('setup-warnings').count()).toBe(0);
  });

  it('Cloudinary answers a role it cannot look up with error 7 ROLE_LOOKUP_ERROR and HTTP 400', async () => {
    await runFlow('cloudinary', 'idp-initiated', 'megan.bowen@contoso.com', 'cloudinary-bad-role');
    expect(await s.page.locator('[data-testid=outcome]').getAttribute('data-code')).toBe('7');
    expect(await s.page.locator('[data-testid=outcome-message]').textContent()).toBe('ROLE_LOOKUP_ERROR');
    expect(await s.page.locator('[data-testid=outcome]').textContent()).toContain('HTTP 400');
    const frame = s.page.frameLocator('[data-testid=outcome-page]');
    await expect.poll(() => frame.locator('[data-error-code]').textContent()).toBe('7');
    await shot(s.page, '11-run-cloudinary-error-7');
    // Cloudinary has no single logout: the logout flow is not offered for it.
    const logout = s.page.locator('select[name=flow] option[value=sp-logout]');
    expect(await logout.isDisabled()).toBe(true);
    expect(await logout.textContent()).toBe('SP-initiated logout: Cloudinary has none');
  });

  it('the vendor SP screens, in dark theme at 1920×1080', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await s.page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await s.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    for (const v of ['cloudinary', 'huggingface', 'imagen', 'generic']) {
      await s.page.goto(`${s.ui.origin}/#/vendors/${v}`);
      await s.page.locator('[aria-label="Setup checks"]').waitFor();
      await shot(s.page, `12-vendor-${v}-dark`);
    }
    await s.page.goto(`${s.ui.origin}/#/run`);
    await shot(s.page, '13-run-dark-1920');
    await s.page.getByRole('button', { name: 'Switch to light theme' }).click();
    await s.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('is reachable from the keyboard, with a visible focus ring', async () => {
    await s.page.goto(`${s.ui.origin}/#/tenant/users`);
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    const focused = await s.page.evaluate(() => ({ tag: document.activeElement?.tagName, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(focused.tag).toBe('BUTTON');
    expect(focused.outline).toBe('solid');
    await s.page.getByRole('tab', { name: 'Users' }).focus();
    await s.page.keyboard.press('ArrowRight');
    expect(await s.page.getByRole('tab', { name: 'Groups' }).getAttribute('aria-selected')).toBe('true');
  });

  it('logged no page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
