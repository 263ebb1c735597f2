import { afterEach, describe, expect, it } from 'vitest';
import { imagekit, type ImageKitSettings } from '../../src/core/vendors/imagekit/profile';
import type { FlowResult } from '../../src/core/flows/flows';
import { startVendor, type VendorHarness, type VendorHarnessOptions } from '../support/vendor-harness';

let h: VendorHarness<ImageKitSettings> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});
const start = async (opts: VendorHarnessOptions<ImageKitSettings> = {}) => (h = await startVendor(imagekit, opts));

function expectVendorError(r: FlowResult, code: string, httpStatus: number, reason?: RegExp): void {
  expect(r.outcome, JSON.stringify(r.outcome)).toMatchObject({ status: 'error', source: 'sp', code, httpStatus, message: imagekit.errors[code]!.text });
  if (reason) expect((r.outcome as { reason?: string }).reason).toMatch(reason);
}

describe('ImageKit', () => {
  it("a user's first login from My Apps creates the ImageKit user with the role from user.department", async () => {
    const v = await start();
    const r = await v.idpInitiated({ user: 'adele.vance@contoso.com' });
    expect(r.outcome).toMatchObject({ status: 'signed-in', identity: { nameId: 'adele.vance@contoso.com' }, details: { role: 'developer' } });
    expect(r.outcome.status === 'signed-in' && r.outcome.details?.diff).toMatchObject({
      action: 'created',
      changes: expect.arrayContaining([
        { field: 'full_name', before: undefined, after: 'Adele Vance' },
        { field: 'role', before: undefined, after: 'developer' },
      ]) as unknown,
    });
    expect(r.hops.at(-1)!.saml[0]!.relayState).toBe('https://imagekit.io/dashboard');
  });

  it('SP-initiated from the ImageKit SSO page before any IdP-initiated login is refused, without an AuthnRequest', async () => {
    const v = await start();
    const r = await v.spInitiated({ user: 'megan.bowen@contoso.com' });
    expectVendorError(r, 'FIRST_LOGIN_IDP_INITIATED', 403, /has not signed in to ImageKit through the identity provider/);
    expect(r.hops.map((x) => `${x.method} ${x.url}`)).toEqual(['GET https://imagekit.io/single-sign-on', 'POST https://imagekit.io/single-sign-on']);
    expect(r.hops.some((x) => x.saml.length > 0)).toBe(false);
  });

  it('after one IdP-initiated login, SP-initiated works', async () => {
    const v = await start();
    expect((await v.idpInitiated({ user: 'megan.bowen@contoso.com' })).outcome.status).toBe('signed-in');
    const r = await v.spInitiated({ user: 'megan.bowen@contoso.com' });
    expect(r.outcome).toMatchObject({ status: 'signed-in', details: { role: 'media_library_full_access', diff: { action: 'unchanged' } } });
    expect(r.hops.map((x) => x.url.split('?')[0])).toContain(`https://login.microsoftonline.com/${v.tenant.id}/saml2`);
  });

  it('an imagekit_role outside the list is refused with the reason (values are case-sensitive)', async () => {
    const v = await start();
    const r = await v.idpInitiated({ user: 'diego.siciliani@contoso.com' });
    expectVendorError(r, 'INVALID_ROLE', 400, /"imagekit_role" has value "Developer"; the accepted value is "developer" — values are case-sensitive/);
    expect(r.report?.ok).toBe(true);
  });

  it('a changed role updates the user, with the before and after', async () => {
    const v = await start();
    await v.idpInitiated({ user: 'adele.vance@contoso.com' });
    v.user('adele.vance@contoso.com').attributes.department = 'finance';
    const r = await v.idpInitiated({ user: 'adele.vance@contoso.com' });
    expect(r.outcome.status === 'signed-in' && r.outcome.details?.diff).toMatchObject({ action: 'updated', changes: [{ field: 'role', before: 'developer', after: 'finance' }] });
  });

  it('MISSING_ATTRIBUTE: a claim left under the default namespace is not the name ImageKit reads', async () => {
    const v = await start({ app: (app) => void (app.claims.attributes.find((c) => c.name === 'imagekit_role')!.namespace = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims') });
    expectVendorError(
      await v.idpInitiated({ user: 'adele.vance@contoso.com' }),
      'MISSING_ATTRIBUTE',
      400,
      /"imagekit_role" is missing; "http:\/\/schemas.xmlsoap.org\/ws\/2005\/05\/identity\/claims\/imagekit_role" was sent/,
    );
  });

  it('ACCOUNT_MISMATCH: imagekit_id is not this account', async () => {
    const v = await start({ settings: (s) => void (s.imagekitId = 'contoso-emea') });
    v.app.claims.attributes.find((c) => c.name === 'imagekit_id')!.source = { kind: 'constant', value: 'contoso' };
    expectVendorError(await v.idpInitiated({ user: 'adele.vance@contoso.com' }), 'ACCOUNT_MISMATCH', 403, /"contoso"; this account's ImageKit ID is "contoso-emea"/);
  });

  it('INVALID_EMAIL: the Unique User Identifier is not user.mail', async () => {
    const v = await start({ app: (app) => void (app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.objectid' }, format: 'default' }) });
    expectVendorError(await v.idpInitiated({ user: 'adele.vance@contoso.com' }), 'INVALID_EMAIL', 400);
  });

  it('SAML_INVALID: "Sign SAML response" leaves the assertion unsigned', async () => {
    const v = await start({ app: (app) => void (app.signing.option = 'response') });
    const r = await v.idpInitiated({ user: 'adele.vance@contoso.com' });
    expectVendorError(r, 'SAML_INVALID', 401, /The elements the SP requires signed are signed/);
    expect(r.outcome).toMatchObject({ check: 'signature.required' });
  });

  it('SSO_NOT_CONFIGURED: deleting the Metadata XML disables SSO', async () => {
    const v = await start();
    expect((await v.idpInitiated({ user: 'adele.vance@contoso.com' })).outcome.status).toBe('signed-in');
    v.vendor.clearIdpConfig();
    expectVendorError(await v.idpInitiated({ user: 'adele.vance@contoso.com' }), 'SSO_NOT_CONFIGURED', 403);
    expectVendorError(await v.spInitiated({ user: 'adele.vance@contoso.com' }), 'SSO_NOT_CONFIGURED', 403);
  });
});
