import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebUiSession, shot, type WebUiSession } from '../support/web-ui';

let s: WebUiSession;
beforeAll(async () => {
  s = await openWebUiSession();
});
afterAll(async () => {
  await s?.close();
});

describe('web mode in Chromium: setup checks lead to the field that fixes them', () => {
  it('lists failing checks first, "N to fix" goes to the first, and its link reaches the Identifier field in Entra', async () => {
    const app = s.rt.view().apps.find((a) => a.vendorId === 'imagekit')!;
    s.rt.app(app.objectId).saml.identifiers = [{ value: 'https://imagekit.io/saml/metadata', isDefault: true }];
    await s.rt.saveApp(app.objectId);
    await s.page.goto(`${s.ui.origin}/#/vendors/imagekit`);
    await s.page.reload(); // the page reads the changed app afresh, as after a restart
    await s.page.waitForSelector('[data-app-ready="true"]');
    const checks = s.page.getByRole('list', { name: 'Setup check results' }).locator('li');
    await expect.poll(() => checks.first().getAttribute('data-check')).toBe('identifier');
    const statuses = await checks.evaluateAll((li) => li.map((l) => l.getAttribute('data-status')));
    const failing = statuses.filter((x) => x === 'fail').length;
    expect(failing).toBeGreaterThan(0);
    expect(statuses.slice(0, failing).every((x) => x === 'fail') && !statuses.slice(failing).includes('fail'), statuses.join(' ')).toBe(true);

    await s.page.getByRole('button', { name: `${failing} to fix: go to the first` }).click();
    expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-fix'))).toBe('identifier');
    await shot(s.page, '39-setup-check-fix-link');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Identifier (Entity ID) 1');
    expect(s.page.url()).toContain(`#/apps/${app.objectId}`);
    expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('https://imagekit.io/saml/metadata');
    const box = await s.page.locator('input[aria-label="Identifier (Entity ID) 1"]').boundingBox();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y + box!.height).toBeLessThan(900);
    await shot(s.page, '40-setup-check-field-reached');
  });

  it("links the vendor's public guide, not a path on this machine", async () => {
    await s.page.goto(`${s.ui.origin}/#/vendors/huggingface`);
    const guide = s.page.getByRole('link', { name: 'huggingface.co/docs/hub/security-sso-azure-saml' });
    expect(await guide.getAttribute('href')).toBe('https://huggingface.co/docs/hub/security-sso-azure-saml');
    expect(await guide.getAttribute('rel')).toContain('noopener');
    expect(await s.page.getByText('vendor-docs/').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('previews the claims of a run before it runs, and warns about a value ImageKit does not accept', async () => {
    await s.page.goto(`${s.ui.origin}/#/run?vendor=imagekit&flow=idp-initiated`);
    await s.page.selectOption('select[name=user]', 'adele.vance@contoso.com');
    const preview = s.page.getByTestId('claims-preview');
    await expect.poll(() => preview.locator('tr[data-claim="imagekit_role"] td').nth(1).textContent()).toBe('developer');
    expect(await s.page.getByTestId('claims-warning').count()).toBe(0);
    await s.page.selectOption('select[name=attribute-set]', 'imagekit-invalid-role');
    await expect.poll(() => preview.locator('tr[data-claim="imagekit_role"] td').nth(1).textContent()).toBe('Designer');
    expect(await s.page.getByTestId('claims-warning').first().textContent()).toMatch(/^ImageKit would refuse this: .*Designer/);
    expect(await preview.locator('tr[data-claim="imagekit_role"] td').nth(2).textContent()).toContain('account_administrator, developer');
    await s.page.getByTestId('claims-warning').first().scrollIntoViewIfNeeded();
    await shot(s.page, '41-claims-preview-warning');
    expect(s.errors).toEqual([]);
  });
});
