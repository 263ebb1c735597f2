import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { launchChromium, openUi, shot, startWebMode } from '../support/web-ui';

let browser: Browser;
let rt: HarnessRuntime;
let page: Page;
let errors: string[];
let workspace: string;

beforeAll(async () => {
  browser = await launchChromium();
  ({ rt, workspace } = await startWebMode());
  ({ page, errors } = await openUi(browser, `${rt.origin}/`, { width: 1440, height: 900 }));
});
afterAll(async () => {
  await browser?.close();
  await rt?.close();
  await rm(workspace, { recursive: true, force: true });
});

describe("web mode in Chromium: setup checks lead to the field that fixes them", () => {
  it('lists failing checks first, "N to fix" goes to the first, and its link reaches the Identifier field in Entra', async () => {
    const app = rt.view().apps.find((a) => a.vendorId === 'imagekit')!;
    rt.app(app.objectId).saml.identifiers = [{ value: 'https://imagekit.io/saml/metadata', isDefault: true }];
    await rt.saveApp(app.objectId);
    await page.goto(`${rt.origin}/#/vendors/imagekit`);
    await page.reload(); // the page reads the changed app afresh, as after a restart
    await page.waitForSelector('[data-app-ready="true"]');
    const checks = page.getByRole('list', { name: 'Setup check results' }).locator('li');
    await expect.poll(() => checks.first().getAttribute('data-check')).toBe('identifier');
    const statuses = await checks.evaluateAll((li) => li.map((l) => l.getAttribute('data-status')));
    const failing = statuses.filter((x) => x === 'fail').length;
    expect(failing).toBeGreaterThan(0);
    expect(statuses.slice(0, failing).every((x) => x === 'fail') && !statuses.slice(failing).includes('fail'), statuses.join(' ')).toBe(true);

    await page.getByRole('button', { name: `${failing} to fix: go to the first` }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-fix'))).toBe('identifier');
    await shot(page, '39-setup-check-fix-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Identifier (Entity ID) 1');
    expect(page.url()).toContain(`#/apps/${app.objectId}`);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('https://imagekit.io/saml/metadata');
    const box = await page.locator('input[aria-label="Identifier (Entity ID) 1"]').boundingBox();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y + box!.height).toBeLessThan(900);
    await shot(page, '40-setup-check-field-reached');
  });

  it("links the vendor's public guide, not a path on this machine", async () => {
    await page.goto(`${rt.origin}/#/vendors/huggingface`);
    const guide = page.getByRole('link', { name: 'huggingface.co/docs/hub/security-sso-azure-saml' });
    expect(await guide.getAttribute('href')).toBe('https://huggingface.co/docs/hub/security-sso-azure-saml');
    expect(await guide.getAttribute('rel')).toContain('noopener');
    expect(await page.getByText('vendor-docs/').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('previews the claims of a run before it runs, and warns about a value ImageKit does not accept', async () => {
    await page.goto(`${rt.origin}/#/run?vendor=imagekit&flow=idp-initiated`);
    await page.selectOption('select[name=user]', 'adele.vance@contoso.com');
    const preview = page.getByTestId('claims-preview');
    await expect.poll(() => preview.locator('tr[data-claim="imagekit_role"] td').nth(1).textContent()).toBe('developer');
    expect(await page.getByTestId('claims-warning').count()).toBe(0);
    await page.selectOption('select[name=attribute-set]', 'imagekit-invalid-role');
    await expect.poll(() => preview.locator('tr[data-claim="imagekit_role"] td').nth(1).textContent()).toBe('Designer');
    expect(await page.getByTestId('claims-warning').first().textContent()).toMatch(/^ImageKit would refuse this: .*Designer/);
    expect(await preview.locator('tr[data-claim="imagekit_role"] td').nth(2).textContent()).toContain('account_administrator, developer');
    await page.getByTestId('claims-warning').first().scrollIntoViewIfNeeded();
    await shot(page, '41-claims-preview-warning');
    expect(errors).toEqual([]);
  });
});
