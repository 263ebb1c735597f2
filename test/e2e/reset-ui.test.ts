import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openWebUiSession, shot, type WebUiSession } from '../support/web-ui';

let s: WebUiSession;
beforeAll(async () => {
  s = await openWebUiSession();
});
afterAll(async () => {
  await s?.close();
});

describe('web mode in Chromium: a demo can start again', () => {
  it('deletes a provisioned user at the vendor after asking, with focus on Cancel', async () => {
    await s.page.goto(`${s.ui.origin}/#/run?vendor=cloudinary&flow=idp-initiated`);
    await s.page.selectOption('select[name=user]', 'adele.vance@contoso.com');
    await s.page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => s.page.getByTestId('outcome').getAttribute('data-status')).toBe('signed-in');

    await s.page.goto(`${s.ui.origin}/#/vendors/cloudinary`);
    const row = s.page.locator('tr[data-user="adele.vance@contoso.com"]');
    await row.waitFor();
    await s.page.getByRole('button', { name: 'Delete adele.vance@contoso.com at Cloudinary' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Delete adele.vance@contoso.com at Cloudinary?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await shot(s.page, '33-delete-vendor-user-confirm');
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(s.rt.vendorView('cloudinary').users).toEqual([]);
  });

  it('resets to the demo workspace after asking, keeps a backup, and shows the demo again', async () => {
    const imagekit = s.rt.view().apps.find((a) => a.vendorId === 'imagekit')!;
    s.rt.app(imagekit.objectId).displayName = 'ImageKit (customer copy)';
    await s.rt.saveApp(imagekit.objectId);
    await s.page.reload();
    await s.page.waitForSelector('[data-app-ready="true"]');
    await s.page.goto(`${s.ui.origin}/#/vendors/cloudinary`);
    const nav = s.page.getByRole('navigation');
    await nav.getByText('ImageKit (customer copy)').waitFor();

    await s.page.getByRole('button', { name: 'Reset to the demo workspace' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Reset to the demo workspace?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(s.workspace);
    await shot(s.page, '34-reset-confirm');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(s.rt.app(imagekit.objectId).displayName).toBe('ImageKit (customer copy)');

    await s.page.getByRole('button', { name: 'Reset to the demo workspace' }).click();
    await dialog.getByRole('button', { name: 'Back up and reset' }).click();
    await s.page.getByText(/Reset to the demo workspace\. The previous one is kept in backups\//).waitFor();
    await expect.poll(() => nav.getByText('ImageKit (customer copy)').count()).toBe(0);
    expect(await nav.getByText('ImageKit', { exact: true }).count()).toBeGreaterThan(0);
    const [backup] = await readdir(join(s.workspace, 'backups'));
    expect(await readdir(join(s.workspace, 'backups', backup!, 'apps'))).toContain(`${imagekit.objectId}.json`);
    await shot(s.page, '35-reset-done');
    // Nothing still open on screen asks about what the reset replaced (the Setup checks' test user, say).
    expect(await s.page.getByTestId('toast-error').allTextContents()).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
