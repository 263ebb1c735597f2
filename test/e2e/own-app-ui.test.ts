import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { launchChromium, openUi, shot, startWebMode, type WebMode } from '../support/web-ui';
import { definitionOf } from '../../src/core/workspace/schema';

let browser: Browser;
let rt: HarnessRuntime;
let web: WebMode;
let page: Page;
let errors: string[];
let dir: string;
let metadataFile: string;
let badFile: string;

const ENTITY = 'urn:acme:portal';
const ACS = 'https://portal.acme.test/saml/acs';
const GIVEN_NAME = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-own-ui-'));
  metadataFile = join(dir, 'acme-portal-sp-metadata.xml');
  await writeFile(
    metadataFile,
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${ENTITY}"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      `<md:Extensions><init:RequestInitiator xmlns:init="urn:oasis:names:tc:SAML:profiles:SSO:request-init" Binding="urn:oasis:names:tc:SAML:profiles:SSO:request-init" Location="https://portal.acme.test/login"/></md:Extensions>` +
      `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://portal.acme.test/saml/logout"/>` +
      `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ACS}" index="0" isDefault="true"/></md:SPSSODescriptor></md:EntityDescriptor>`,
  );
  badFile = join(dir, 'not-metadata.xml');
  await writeFile(badFile, "<html><body>This is the SP's login page, not its metadata</body></html>");
  browser = await launchChromium();
  web = await startWebMode(join(dir, 'ws'));
  rt = web.rt;
  ({ page, errors } = await openUi(browser, web.url, { width: 1440, height: 900 }));
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await rm(dir, { recursive: true, force: true });
});

const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

async function runFlow(vendorId: string, flow: 'idp-initiated' | 'sp-initiated'): Promise<{ status: string; code: string }> {
  await page.goto(`${web.ui.origin}/#/run?vendor=${vendorId}&flow=${flow}`);
  await page.selectOption('select[name=user]', 'adele.vance@contoso.com');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('outcome').waitFor();
  await expect.poll(async () => (await page.getByRole('button', { name: 'Running…' }).count()) === 0).toBe(true);
  const outcome = page.getByTestId('outcome');
  return { status: (await outcome.getAttribute('data-status'))!, code: (await outcome.getAttribute('data-code'))! };
}

describe('web mode in Chromium: bring your own app and SP', () => {
  it('creates a non-gallery app and fills it by uploading the SP metadata; bad metadata is refused inline and the form keeps what was typed', async () => {
    await page.goto(`${web.ui.origin}/#/apps`);
    await page.fill('input[name=new-app-name]', 'Acme Portal');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'Acme Portal', level: 1 }).waitFor();
    await page.getByLabel('Identifier (Entity ID) 1').waitFor({ state: 'detached' });
    // Typed first, then a bad file: the typed value stays.
    await page.getByRole('button', { name: '+ Add' }).first().click();
    await page.getByLabel('Identifier (Entity ID) 1').fill('urn:typed:by:hand');
    await page.setInputFiles('input[aria-label="SP metadata file"]', badFile);
    await page.getByTestId('metadata-error').waitFor();
    expect(await page.getByTestId('metadata-error').textContent()).toMatch(/not-metadata\.xml was not used: This is an HTML page, not SAML metadata/);
    expect(await page.getByLabel('Identifier (Entity ID) 1').inputValue()).toBe('urn:typed:by:hand');
    await shot(page, '21-app-bad-metadata');

    await page.setInputFiles('input[aria-label="SP metadata file"]', metadataFile);
    await page.getByTestId('metadata-read').waitFor();
    expect(await page.getByLabel('Identifier (Entity ID) 1').inputValue()).toBe(ENTITY);
    expect(await page.getByLabel('Reply URL (Assertion Consumer Service URL) 1').inputValue()).toBe(ACS);
    expect(await page.locator('input[name=signOnUrl]').inputValue()).toBe('https://portal.acme.test/login');
    expect(await page.locator('input[name=logoutUrl]').inputValue()).toBe('https://portal.acme.test/saml/logout');
    // Which field came from where; the Sign on URL read from the RequestInitiator can be unticked (and ticked back).
    const read = page.getByTestId('metadata-read');
    expect(await read.textContent()).toMatch(/Identifier \(Entity ID\) ← EntityDescriptor entityID.*Logout Url ← SingleLogoutService/);
    expect(await read.textContent()).toContain("the My Apps tile opens the SP's sign-on page (SP-initiated)");
    await page.locator('input[name=use-request-initiator]').uncheck();
    expect(await page.locator('input[name=signOnUrl]').inputValue()).toBe('');
    await page.locator('input[name=use-request-initiator]').check();
    expect(await page.locator('input[name=signOnUrl]').inputValue()).toBe('https://portal.acme.test/login');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => rt.ws.apps.find((a) => a.displayName === 'Acme Portal')?.saml.identifiers[0]?.value).toBe(ENTITY);
    expect(await page.getByTestId('setup-card').textContent()).toMatch(
      /Login URL.*https:\/\/login\.microsoftonline\.com\/.*Login URL \(http\)http:\/\/127\.0\.0\.1:\d+\/vh\/login\.microsoftonline\.com\//,
    );
    // The single-logout pitfall, told on the Set up card with each stack's fix.
    await page.getByTestId('logout-issuer-note').locator('summary').click();
    expect(await page.getByTestId('logout-issuer-note').textContent()).toMatch(
      /LogoutResponse names its Issuer https:\/\/login\.microsoftonline\.com\/.*Shibboleth SP.*mod_auth_mellon.*SimpleSAMLphp/,
    );
    await page.getByTestId('logout-issuer-note').scrollIntoViewIfNeeded();
    await shot(page, '22-app-from-metadata');
    // Entra's default for a new app is "assignment required"; this one lets the tenant's users in.
    await page.getByRole('tab', { name: 'Users and groups' }).click();
    await page.getByLabel('Assignment required?').click();
    await expect.poll(() => rt.ws.apps.find((a) => a.displayName === 'Acme Portal')?.assignmentRequired).toBe(false);
  });

  it('creates a service provider from a form (starting from its metadata) that uses that app, and runs both flows against it', async () => {
    await nav('+ New service provider').click();
    await page.fill('input[name=sp-displayName]', 'Acme Portal');
    await page.setInputFiles('input[aria-label="Service provider metadata file"]', metadataFile);
    await expect.poll(() => page.locator('input[name=sp-entityId]').inputValue()).toBe(ENTITY);
    expect(await page.locator('input[name=sp-acsUrl]').inputValue()).toBe(ACS);
    await page.getByRole('button', { name: '+ Add attribute' }).click();
    await page.getByLabel('Attribute 1 name').fill(GIVEN_NAME);
    await page.getByLabel('Attribute 1 accepted values').fill('Adele, Megan');
    await shot(page, '23-new-sp-form');
    await page.getByRole('button', { name: 'Create service provider' }).click();
    await page.getByRole('heading', { name: 'Acme Portal', level: 1 }).waitFor();
    const entry = rt.ws.vendors.find((v) => v.id === 'acme-portal')!;
    expect(entry.appObjectId).toBe(rt.ws.apps.find((a) => a.displayName === 'Acme Portal')!.objectId);
    await page.getByRole('button', { name: 'Fill from the Entra app' }).click();
    await expect.poll(() => page.locator('textarea[name=metadata-xml]').inputValue()).toContain('EntityDescriptor');
    await page.getByRole('region', { name: 'Single sign-on configuration' }).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => rt.vendors.get('acme-portal')?.idpTrust !== undefined).toBe(true);
    expect(await runFlow('acme-portal', 'idp-initiated')).toEqual({ status: 'signed-in', code: '' });
    expect(await runFlow('acme-portal', 'sp-initiated')).toEqual({ status: 'signed-in', code: '' });
    await shot(page, '24-own-sp-signed-in');
  });

  it("an accepted value edited away gives the SP's own refusal, with the reason", async () => {
    await page.goto(`${web.ui.origin}/#/vendors/acme-portal`);
    await page.getByLabel('Attribute 1 accepted values').fill('Megan');
    await page.getByTestId('generic-sp-editor').getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => definitionOf(rt.ws.vendors.find((v) => v.id === 'acme-portal')!)?.attributes[0]?.accepted).toEqual(['Megan']);
    expect(await runFlow('acme-portal', 'idp-initiated')).toEqual({ status: 'error', code: 'ATTRIBUTE_NOT_ACCEPTED' });
    expect(await page.getByTestId('outcome-reason').textContent()).toContain('Adele');
    await shot(page, '25-own-sp-refused');
  });

  it('the new screens in dark theme at 1920×1080', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.goto(`${web.ui.origin}/#/vendors/acme-portal`);
    await page.getByTestId('generic-sp-editor').waitFor();
    await shot(page, '27-own-sp-dark-1920');
    const app = rt.ws.apps.find((a) => a.displayName === 'Acme Portal')!;
    await page.goto(`${web.ui.origin}/#/apps/${app.objectId}/basic`);
    await page.getByTestId('setup-card').waitFor();
    await shot(page, '28-app-setup-card-dark-1920');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('refuses a Logout Url or Reply URL that is not an http(s) URL, inline beside the field, and saves nothing', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = rt.ws.apps.find((a) => a.displayName === 'Acme Portal')!;
    const before = JSON.stringify(app.saml);
    await page.goto(`${web.ui.origin}/#/apps/${app.objectId}/basic`);
    await page.locator('input[name=logoutUrl]').fill('javascript:alert(document.domain)');
    const error = page.locator('#logoutUrl-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Logout Url must be an absolute http:// or https:// URL.');
    expect(await page.locator('input[name=logoutUrl]').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Reply URL (Assertion Consumer Service URL) 1').fill('portal.acme.test/saml/acs');
    expect(await page.getByText('Reply URL 1 must be an absolute http:// or https:// URL.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await error.scrollIntoViewIfNeeded();
    await shot(page, '51-basic-saml-url-refused-1366');
    expect(JSON.stringify(app.saml)).toBe(before);
    // Refused values are still what the user typed: leaving asks before dropping them.
    await page.goto(`${web.ui.origin}/#/vendors/acme-portal`);
    await page.getByTestId('leave-dialog').getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/vendors/acme-portal');
    expect(JSON.stringify(app.saml)).toBe(before);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('deletes the SP and the app, each after a confirmation; Cancel changes nothing', async () => {
    await page.goto(`${web.ui.origin}/#/vendors/acme-portal`);
    await page.getByRole('button', { name: 'Delete service provider' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(rt.vendors.has('acme-portal')).toBe(true);
    await page.getByRole('button', { name: 'Delete service provider' }).click();
    await shot(page, '26-delete-sp-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => rt.vendors.has('acme-portal')).toBe(false);
    await expect.poll(() => nav('Acme Portal').count()).toBe(0);

    const app = rt.ws.apps.find((a) => a.displayName === 'Acme Portal')!;
    await page.goto(`${web.ui.origin}/#/apps/${app.objectId}/basic`);
    await page.getByRole('button', { name: 'Delete application' }).click();
    expect(await page.getByRole('dialog').textContent()).toContain('Delete Acme Portal?');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => rt.ws.apps.some((a) => a.objectId === app.objectId)).toBe(false);
    await page.getByRole('heading', { name: 'Enterprise applications', level: 1 }).waitFor();
  });

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
