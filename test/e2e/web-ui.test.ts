import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openUi, shot, startWebMode } from '../support/web-ui';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';

let browser: Browser;
let rt: HarnessRuntime;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  const web = await startWebMode();
  rt = web.rt;
  ({ page, errors } = await openUi(browser, web.url));
});
afterAll(async () => {
  await browser?.close();
  await rt?.close();
});

async function runFlow(vendor: string, flow: string, user: string, attributeSet = ''): Promise<void> {
  await page.goto(`${rt.origin}/#/run`);
  await page.selectOption('select[name=vendor]', vendor);
  await page.selectOption('select[name=flow]', flow);
  await page.selectOption('select[name=user]', user);
  await page.selectOption('select[name=attribute-set]', attributeSet);
  const before = await page.locator('[data-testid=outcome]').count();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ state: 'visible' });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=outcome]').length >= Math.max(1, n) && !document.querySelector('button[disabled]'), before);
}

describe('web mode in Chromium: an integrator sets up ImageKit and signs in', () => {
  it('a new user gets the demo workspace', async () => {
    expect(await page.getByRole('heading', { name: 'Contoso', level: 1 }).count()).toBe(1);
    expect(await page.locator('tr[data-upn]').count()).toBe(8);
    await shot(page, '01-tenant-users');
    await page.getByRole('tab', { name: 'Groups' }).click();
    await shot(page, '02-tenant-groups');
    await page.getByRole('tab', { name: 'Attribute sets' }).click();
    await shot(page, '03-tenant-attribute-sets');
  });

  it('the ImageKit enterprise app is set up as the guide says (Basic SAML, claims, certificate)', async () => {
    await page.getByRole('navigation').getByRole('button', { name: '↳ ImageKit' }).click();
    expect(await page.getByRole('textbox', { name: 'Identifier (Entity ID) 1' }).inputValue()).toBe('https://imagekit.io/saml/consume');
    expect(await page.locator('input[name=relayState]').inputValue()).toBe('https://imagekit.io/dashboard');
    await shot(page, '04-app-basic');
    await page.getByRole('tab', { name: 'Attributes & Claims' }).click();
    expect(await page.locator('tr[data-claim=imagekit_role] td').nth(1).textContent()).toBe('user.department');
    expect(await page.locator('tr[data-claim=full_name] td').nth(1).textContent()).toBe('Join(user.givenname, user.surname, " ")');
    await shot(page, '05-app-claims');
    await page.getByRole('tab', { name: 'SAML Certificates' }).click();
    await page.locator('[data-testid=xml-view] .cm-content').waitFor();
    expect(await page.locator('[data-testid=metadata-url]').textContent()).toMatch(/federationmetadata\.xml\?appid=/);
    await shot(page, '06-app-certificates');
    await page.getByRole('tab', { name: 'Users and groups' }).click();
    await shot(page, '07-app-users');
  });

  it('pasting the Federation Metadata XML into ImageKit makes every setup check pass', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'ImageKit', exact: true }).click();
    await expect.poll(() => page.locator('[data-check=idp-config]').getAttribute('data-status')).toBe('fail');
    await page.getByRole('button', { name: 'Fill from the Entra app' }).click();
    await expect.poll(async () => (await page.locator('textarea[name=metadata-xml]').inputValue()).length).toBeGreaterThan(2000);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('[data-check=idp-config]').getAttribute('data-status')).toBe('pass');
    expect(await page.locator('[data-status=fail]').count()).toBe(0);
    await shot(page, '08-vendor-imagekit');
  });

  it('an IdP-initiated flow shows the signed-in page, the trace, a passing report and a "created" diff', async () => {
    await runFlow('imagekit', 'idp-initiated', 'adele.vance@contoso.com');
    expect(await page.locator('[data-testid=outcome]').getAttribute('data-status')).toBe('signed-in');
    expect(await page.locator('[data-testid=report]').getAttribute('data-ok')).toBe('true');
    expect(await page.locator('[data-testid=diff]').getAttribute('data-action')).toBe('created');
    // The diff names the user, not the SP's internal ID.
    expect(await page.locator('[data-testid=diff] h3').textContent()).toBe('Provisioning: adele.vance@contoso.com created');
    expect(await page.locator('[data-testid=trace] li').count()).toBeGreaterThanOrEqual(4);
    const frame = page.frameLocator('[data-testid=outcome-page]');
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Welcome, adele.vance@contoso.com');
    await page.locator('[data-testid=xml-view] .cm-content').first().waitFor();
    expect(await page.locator('.cm-covered-line').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=signatures]').first().textContent()).toMatch(/on Assertion.*covers its element/);
    await shot(page, '09-run-imagekit-signed-in');
  });

  it('with imagekit_role changed to a value ImageKit does not accept, the next run is refused with the reason', async () => {
    await page.goto(`${rt.origin}/#/tenant/users`);
    await page.getByRole('button', { name: 'Edit Adele Vance' }).click();
    await page.locator('input[name=department]').fill('Designer');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('toast-info').first().waitFor();
    await runFlow('imagekit', 'idp-initiated', 'adele.vance@contoso.com');
    expect(await page.locator('[data-testid=outcome]').getAttribute('data-code')).toBe('INVALID_ROLE');
    expect(await page.locator('[data-testid=outcome-message]').textContent()).toBe('The value of imagekit_role is not one of the accepted roles.');
    expect(await page.locator('[data-testid=outcome-reason]').textContent()).toMatch(/"imagekit_role" has value "Designer", which is not one of "account_administrator"/);
    expect(await page.locator('[data-testid=report]').getAttribute('data-ok')).toBe('true');
    await shot(page, '10-run-imagekit-refused');
  });

  it('Cloudinary answers a role it cannot look up with error 7 ROLE_LOOKUP_ERROR and HTTP 400', async () => {
    await runFlow('cloudinary', 'idp-initiated', 'megan.bowen@contoso.com', 'cloudinary-bad-role');
    expect(await page.locator('[data-testid=outcome]').getAttribute('data-code')).toBe('7');
    expect(await page.locator('[data-testid=outcome-message]').textContent()).toBe('ROLE_LOOKUP_ERROR');
    expect(await page.locator('[data-testid=outcome]').textContent()).toContain('HTTP 400');
    const frame = page.frameLocator('[data-testid=outcome-page]');
    await expect.poll(() => frame.locator('[data-error-code]').textContent()).toBe('7');
    await shot(page, '11-run-cloudinary-error-7');
  });

  it('the vendor SP screens, in dark theme at 1920×1080', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    for (const v of ['cloudinary', 'huggingface', 'imagen', 'generic']) {
      await page.goto(`${rt.origin}/#/vendors/${v}`);
      await page.locator('[aria-label="Setup checks"]').waitFor();
      await shot(page, `12-vendor-${v}-dark`);
    }
    await page.goto(`${rt.origin}/#/run`);
    await shot(page, '13-run-dark-1920');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('is reachable from the keyboard, with a visible focus ring', async () => {
    await page.goto(`${rt.origin}/#/tenant/users`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(focused.tag).toBe('BUTTON');
    expect(focused.outline).toBe('solid');
    await page.getByRole('tab', { name: 'Users' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Groups' }).getAttribute('aria-selected')).toBe('true');
  });

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
