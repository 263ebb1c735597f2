import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebUiSession, shot, type WebUiSession } from '../support/web-ui';

// What the user typed and has not saved is never dropped without a word: leaving the screen or the tab first
// asks, "Stay and save" keeps every character, and only "Leave without saving" lets it go.

let s: WebUiSession;
beforeAll(async () => {
  s = await openWebUiSession({ width: 1366, height: 768 });
});
afterAll(async () => {
  await s?.close();
});

const dialog = () => s.page.getByTestId('leave-dialog');

describe('unsaved changes', () => {
  it('metadata pasted into a vendor and not saved: changing screen asks, Stay keeps it, Leave drops it', async () => {
    await s.page.goto(`${s.ui.origin}/#/vendors/imagekit`);
    const box = s.page.locator('textarea[name=metadata-xml]');
    await box.waitFor();
    await box.fill('<EntityDescriptor entityID="https://sts.windows.net/other/"/>');
    await s.page.getByRole('navigation').getByRole('button', { name: 'Cloudinary', exact: true }).click();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(await dialog().textContent()).toContain("Not saved yet: ImageKit's single sign-on configuration");
    await shot(s.page, '76-leave-without-saving', { viewport: true });
    await dialog().getByRole('button', { name: 'Stay and save' }).click();
    expect(await s.page.evaluate(() => location.hash)).toBe('#/vendors/imagekit');
    expect(await box.inputValue()).toBe('<EntityDescriptor entityID="https://sts.windows.net/other/"/>');

    // Back in the browser asks too, and the address stays where the changes are.
    await s.page.goBack();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(await s.page.evaluate(() => location.hash)).toBe('#/vendors/imagekit');
    await dialog().getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(() => s.page.evaluate(() => location.hash)).not.toBe('#/vendors/imagekit');
  });

  it('a tab change in an app with Basic SAML Configuration edited asks first; once saved, it does not', async () => {
    const app = s.rt.ws.apps.find((a) => a.displayName.startsWith('Cloudinary'))!;
    await s.page.goto(`${s.ui.origin}/#/apps/${app.objectId}/basic`);
    await s.page.locator('input[name=relayState]').fill('https://cloudinary.com/console/media_library');
    await s.page.getByRole('tab', { name: 'Attributes & Claims' }).click();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await dialog().getByRole('button', { name: 'Stay and save' }).click();
    await s.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => s.rt.ws.apps.find((a) => a.objectId === app.objectId)!.saml.relayState).toBe('https://cloudinary.com/console/media_library');
    await s.page.getByRole('tab', { name: 'Attributes & Claims' }).click();
    await expect.poll(() => s.page.evaluate(() => location.hash)).toBe(`#/apps/${app.objectId}/claims`);
    expect(await dialog().isVisible()).toBe(false);
  });

  it('logged no page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
