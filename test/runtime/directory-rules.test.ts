import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../../src/core/runtime/api-handlers';
import { openTempRuntime } from '../support/temp-runtime';

let temp: Awaited<ReturnType<typeof openTempRuntime>>;
beforeEach(async () => {
  temp = await openTempRuntime();
});
afterEach(() => temp.close());

const ADELE = 'adele.vance@contoso.com';

describe('the directory refuses what Entra refuses, on save', () => {
  it("a second user with an existing UPN, in any case, is refused with Graph's words and the field it concerns", async () => {
    const { rt } = temp;
    const count = rt.view().tenant.users.length;
    const twin = { ...structuredClone(rt.user(ADELE)), objectid: '00000000-0000-4000-8000-0000000000aa' };
    twin.attributes.userprincipalname = 'Adele.Vance@contoso.com';
    const r = await callApi(rt, 'tenant.saveUser', { user: twin });
    expect(r).toMatchObject({
      ok: false,
      code: 'USER_UPN_INVALID',
      message: 'Another object with the same value for property userPrincipalName already exists.',
      detail: { field: 'userprincipalname' },
    });
    expect(rt.view().tenant.users).toHaveLength(count);
    // The same user saved again is an edit, not a duplicate.
    expect(await callApi(rt, 'tenant.saveUser', { user: rt.user(ADELE) })).toMatchObject({ ok: true });
  });

  it('a UPN outside the verified domains is refused', async () => {
    const { rt } = temp;
    const user = { ...structuredClone(rt.user(ADELE)), objectid: '00000000-0000-4000-8000-0000000000ab' };
    user.attributes.userprincipalname = 'someone@fabrikam.example';
    const r = await callApi(rt, 'tenant.saveUser', { user });
    expect(r).toMatchObject({ ok: false, code: 'USER_UPN_INVALID', message: expect.stringContaining('You must use one of the verified domain names in your organization: ') as string });
  });

  it('two app roles with one value are refused, and nothing is saved', async () => {
    const { rt } = temp;
    const app = rt.view().apps.find((a) => a.vendorId === 'cloudinary')!;
    const role = (id: string, displayName: string) => ({ id, displayName, value: 'Admin', description: '', allowedMemberTypes: ['User' as const], enabled: true });
    const before = app.appRoles ?? [];
    const basics = { objectId: app.objectId, displayName: app.displayName, saml: app.saml, claims: app.claims, signing: app.signing };
    const r = await callApi(rt, 'apps.save', {
      app: { ...basics, appRoles: [...before, role('00000000-0000-4000-8000-0000000000c1', 'Admin'), role('00000000-0000-4000-8000-0000000000c2', 'Admin again')] },
    });
    expect(r).toMatchObject({ ok: false, code: 'APP_ROLE_VALUE_TAKEN', detail: { field: 'role-value', value: 'Admin' } });
    expect(rt.view().apps.find((a) => a.objectId === app.objectId)!.appRoles ?? []).toEqual(before);
  });
});
