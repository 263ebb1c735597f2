import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebUiSession, shot, type WebUiSession } from '../support/web-ui';
import { seriousViolations } from '../support/axe';

let s: WebUiSession;
beforeAll(async () => {
  s = await openWebUiSession();
});
afterAll(async () => {
  await s?.close();
});

describe('web mode in Chromium: claims where they are edited', () => {
  it('sets a claim directly in an attribute set, warns before the run, previews it live, and the run sends it', async () => {
    await s.page.goto(`${s.ui.origin}/#/tenant/attribute-sets`);
    await s.page.getByRole('button', { name: '+ New set' }).click();
    const editor = s.page.getByTestId('attribute-set-editor');
    await editor.getByRole('textbox').first().fill('Cloudinary role in the wrong case');
    await editor.locator('select[name=preview-vendor]').selectOption('cloudinary');
    await editor.locator('select[name=preview-user]').selectOption('adele.vance@contoso.com');
    const preview = editor.getByTestId('claims-preview');
    await expect.poll(() => preview.locator('tr[data-claim="CloudinaryRole"] td').nth(1).textContent()).toBe('admin');

    await editor.getByRole('button', { name: '+ Claim' }).click();
    await editor.getByRole('combobox', { name: 'Claim name' }).fill('CloudinaryRole');
    await editor.getByRole('textbox', { name: 'Values of the claim CloudinaryRole' }).fill('Media_Library_User');
    // The editor warns beside the value, and the preview shows the claim as Entra would send it.
    expect(await editor.getByTestId('claim-value-warning').textContent()).toMatch(/^Cloudinary would refuse "Media_Library_User": it accepts .*media_library_user.* \(exact case\)/);
    await expect.poll(() => preview.locator('tr[data-claim="CloudinaryRole"] td').nth(1).textContent()).toBe('Media_Library_User');
    expect(await preview.getByTestId('claims-warning').first().textContent()).toMatch(/^Cloudinary would refuse this: .*Media_Library_User/);
    await shot(s.page, '49-attribute-set-claim-warning');
    expect(await seriousViolations(s.page)).toEqual([]);

    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => s.rt.ws.attributeSets.find((x) => x.name === 'Cloudinary role in the wrong case')?.claims).toEqual({ CloudinaryRole: ['Media_Library_User'] });
    const set = s.rt.ws.attributeSets.find((x) => x.name === 'Cloudinary role in the wrong case')!;
    const run = await s.rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: 'adele.vance@contoso.com', attributeSetId: set.id });
    expect(run.result.outcome).toMatchObject({ status: 'error', code: '7' });
    expect(s.errors).toEqual([]);
  });
});
