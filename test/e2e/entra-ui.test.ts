import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebUiSession, shot, type WebUiSession } from '../support/web-ui';

let s: WebUiSession;
beforeAll(async () => {
  s = await openWebUiSession();
});
afterAll(async () => {
  await s?.close();
});

const imagekitApp = () => s.rt.ws.apps.find((a) => a.objectId === s.rt.ws.vendors.find((v) => v.id === 'imagekit')!.appObjectId)!;

async function runImageKit(): Promise<{ status: string; code: string }> {
  await s.page.goto(`${s.ui.origin}/#/run?vendor=imagekit&flow=idp-initiated`);
  await s.page.selectOption('select[name=user]', 'adele.vance@contoso.com');
  await s.page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(async () => (await s.page.getByRole('button', { name: 'Running…' }).count()) === 0).toBe(true);
  await s.page.getByTestId('outcome').waitFor();
  const outcome = s.page.getByTestId('outcome');
  return { status: (await outcome.getAttribute('data-status'))!, code: (await outcome.getAttribute('data-code'))! };
}

describe("web mode in Chromium: app roles and claim conditions, in Entra's terms", () => {
  it("ImageKit's roles as app roles: made from its accepted values, assigned, and carried through to ImageKit's role rule", async () => {
    await s.page.goto(`${s.ui.origin}/#/vendors/imagekit`);
    await s.page.getByRole('button', { name: 'Fill from the Entra app' }).click();
    await expect.poll(() => s.page.locator('textarea[name=metadata-xml]').inputValue()).toContain('EntityDescriptor');
    await s.page.getByRole('region', { name: 'Single sign-on configuration' }).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => s.rt.vendors.get('imagekit')!.idpTrust !== undefined).toBe(true);

    await s.page.goto(`${s.ui.origin}/#/apps/${imagekitApp().objectId}/roles`);
    await s.page.getByRole('button', { name: "Make roles from ImageKit's values for imagekit_role" }).click();
    await expect.poll(() => s.page.locator('tr[data-role]').count()).toBeGreaterThanOrEqual(5);
    expect(imagekitApp().claims.attributes.find((r) => r.name === 'imagekit_role')!.source).toEqual({ kind: 'attribute', attribute: 'user.assignedroles' });
    await shot(s.page, '29-app-roles');

    // Adele has Default Access only: no role, so no imagekit_role — ImageKit's own refusal.
    expect(await runImageKit()).toEqual({ status: 'error', code: 'MISSING_ATTRIBUTE' });
    await s.page.goto(`${s.ui.origin}/#/apps/${imagekitApp().objectId}/users`);
    await s.page.getByLabel('Role of Adele Vance').selectOption({ label: 'Developer' });
    await expect.poll(() => imagekitApp().assignments.find((a) => a.principalId === s.rt.ws.tenant.users[0]!.objectid)?.appRoleId).toBeTruthy();
    await shot(s.page, '30-role-assignment');
    expect(await runImageKit()).toEqual({ status: 'signed-in', code: '' });
    expect(await s.page.getByTestId('run-result').textContent()).toContain('developer');
  });

  it('claim conditions: a claim with a value for guests and one for a scoped group, edited in the claim editor', async () => {
    await s.page.goto(`${s.ui.origin}/#/apps/${imagekitApp().objectId}/claims`);
    await s.page.getByRole('button', { name: '+ Add new claim' }).click();
    const editor = s.page.getByRole('region', { name: /Manage claim/ });
    await editor.locator('input[name=claim-name]').fill('audience');
    await editor.getByRole('button', { name: '+ Add condition' }).click();
    await editor.getByLabel('Condition 1 user type').selectOption('all-guests');
    await editor.getByRole('button', { name: '+ Add condition' }).click();
    await editor.getByLabel('Condition 2 user type').selectOption('members');
    await editor.getByLabel('Condition 2 scoped groups').selectOption({ label: 'Engineering' });
    await shot(s.page, '31-claim-conditions');
    await editor.getByRole('button', { name: 'Save claim' }).click();
    await expect
      .poll(() =>
        imagekitApp()
          .claims.attributes.find((r) => r.name === 'audience')
          ?.conditions?.map((c) => c.userType),
      )
      .toEqual(['all-guests', 'members']);
    const engineering = s.rt.ws.tenant.groups.find((g) => g.displayname === 'Engineering')!;
    expect(imagekitApp().claims.attributes.find((r) => r.name === 'audience')!.conditions![1]!.scopedGroups).toEqual([engineering.objectid]);
    expect(await s.page.locator('tr[data-claim=audience]').textContent()).toContain('2 conditions');
  });

  it('the new blades in dark theme at 1920×1080', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await s.page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await s.page.goto(`${s.ui.origin}/#/apps/${imagekitApp().objectId}/roles`);
    await s.page.locator('tr[data-role]').first().waitFor();
    await shot(s.page, '32-app-roles-dark-1920');
    await s.page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  it("a new user with an existing UPN is refused on the field, in Entra's words, and the form speaks the blade's labels", async () => {
    const count = s.rt.ws.tenant.users.length;
    await s.page.goto(`${s.ui.origin}/#/tenant/users`);
    await s.page.getByRole('button', { name: '+ New user' }).click();
    const editor = s.page.getByRole('region', { name: 'Edit New User' });
    // Entra's label first; the source a claim maps from only beside it.
    await expect.poll(() => editor.locator('label.field:has(input[name=givenname]) > span').textContent()).toBe('First name user.givenname');
    expect(await editor.locator('label.field:has(input[name=userprincipalname]) > span').textContent()).toBe('User principal name user.userprincipalname');
    await editor.locator('input[name=userprincipalname]').fill('ADELE.VANCE@contoso.com');
    await expect.poll(() => editor.locator('#userprincipalname-error').textContent()).toBe('Another object with the same value for property userPrincipalName already exists.');
    expect(await editor.locator('input[name=userprincipalname]').getAttribute('aria-invalid')).toBe('true');
    expect(await editor.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await shot(s.page, '60-duplicate-upn');
    await editor.locator('input[name=userprincipalname]').fill('new.person@contoso.com');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => s.rt.ws.tenant.users.length).toBe(count + 1);
  });

  it('app roles: Apply clears the form, a value already taken is refused on the field, and a role can be edited', async () => {
    await s.page.goto(`${s.ui.origin}/#/apps/${imagekitApp().objectId}/roles`);
    const roles = () => imagekitApp().appRoles ?? [];
    const before = roles().length;
    await s.page.locator('input[name=role-display-name]').fill('Auditor');
    await s.page.locator('input[name=role-value]').fill('auditor');
    await s.page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => roles().length).toBe(before + 1);
    await expect.poll(() => s.page.locator('input[name=role-value]').inputValue()).toBe('');
    expect(await s.page.locator('input[name=role-display-name]').inputValue()).toBe('');

    await s.page.locator('input[name=role-display-name]').fill('Auditor again');
    await s.page.locator('input[name=role-value]').fill('auditor');
    await expect.poll(() => s.page.locator('#role-value-error').textContent()).toContain('is already the value of the app role "Auditor"');
    expect(await s.page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);

    await s.page.getByRole('button', { name: 'Edit role Auditor' }).click();
    await expect.poll(() => s.page.locator('input[name=role-display-name]').inputValue()).toBe('Auditor');
    await s.page.locator('input[name=role-description]').fill('Reads the audit trail');
    await s.page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => roles().find((r) => r.value === 'auditor')?.description).toBe('Reads the audit trail');
    expect(roles()).toHaveLength(before + 1);
  });

  it('logged no page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
