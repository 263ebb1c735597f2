import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
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

describe('web mode in Chromium: a demo can start again', () => {
  it('deletes a provisioned user at the vendor after asking, with focus on Cancel', async () => {
    await page.goto(`${rt.origin}/#/run?vendor=cloudinary&flow=idp-initiated`);
    await page.selectOption('select[name=user]', 'adele.vance@contoso.com');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-status')).toBe('signed-in');

    await page.goto(`${rt.origin}/#/vendors/cloudinary`);
    const row = page.locator('tr[data-user="adele.vance@contoso.com"]');
    await row.waitFor();
    await page.getByRole('button', { name: 'Delete adele.vance@contoso.com at Cloudinary' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete adele.vance@contoso.com at Cloudinary?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await shot(page, '33-delete-vendor-user-confirm');
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(rt.vendorView('cloudinary').users).toEqual([]);
  });

  it('resets to the demo workspace after asking, keeps a backup, and shows the demo again', async () => {
    const imagekit = rt.view().apps.find((a) => a.vendorId === 'imagekit')!;
    rt.app(imagekit.objectId).displayName = 'ImageKit (customer copy)';
    await rt.saveApp(imagekit.objectId);
    await page.reload();
    await page.waitForSelector('[data-app-ready="true"]');
    await page.goto(`${rt.origin}/#/vendors/cloudinary`);
    const nav = page.getByRole('navigation');
    await nav.getByText('ImageKit (customer copy)').waitFor();

    await page.getByRole('button', { name: 'Reset to the demo workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset to the demo workspace?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(workspace);
    await shot(page, '34-reset-confirm');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(rt.app(imagekit.objectId).displayName).toBe('ImageKit (customer copy)');

    await page.getByRole('button', { name: 'Reset to the demo workspace' }).click();
    await dialog.getByRole('button', { name: 'Back up and reset' }).click();
    await page.getByText(/Reset to the demo workspace\. The previous one is kept in backups\//).waitFor();
    await expect.poll(() => nav.getByText('ImageKit (customer copy)').count()).toBe(0);
    expect(await nav.getByText('ImageKit', { exact: true }).count()).toBeGreaterThan(0);
    const [backup] = await readdir(join(workspace, 'backups'));
    expect(await readdir(join(workspace, 'backups', backup!, 'apps'))).toContain(`${imagekit.objectId}.json`);
    await shot(page, '35-reset-done');
    // Nothing still open on screen asks about what the reset replaced (the Setup checks' test user, say).
    expect(await page.getByTestId('toast-error').allTextContents()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
