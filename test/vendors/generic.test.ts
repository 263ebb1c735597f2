import { afterEach, describe, expect, it } from 'vitest';
import { GenericSpDefinition, genericProfile, type GenericSettings } from '../../src/core/vendors/generic/profile';
import type { FlowResult } from '../../src/core/flows/flows';
import { startVendor, type VendorHarness } from '../support/vendor-harness';
import { EXAMPLE_GENERIC } from '../../src/core/scenarios/presets/generic';

/** The definition the generic presets use: SP-initiated only, an email NameID, a department it checks. */
const ACME = EXAMPLE_GENERIC;

let h: VendorHarness<GenericSettings> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});
const start = async (def = ACME, opts: Parameters<typeof startVendor<GenericSettings>>[1] = {}) => (h = await startVendor(genericProfile(def), opts));
const expectCode = (r: FlowResult, code: string) =>
  expect(r.outcome, JSON.stringify(r.outcome)).toMatchObject({ status: 'error', source: 'sp', code, message: genericProfile(ACME).errors[code]!.text });

describe('a user-defined generic SP', () => {
  it('takes the attributes, accepted values and flows the integrator defined', async () => {
    const v = await start();
    const r = await v.spInitiated({ user: 'adele.vance@contoso.com' });
    expect(r.outcome.status === 'signed-in' && r.outcome.details?.diff).toMatchObject({
      action: 'created',
      changes: [{ field: 'email' }, { field: 'department', after: 'developer' }, { field: 'employee_id', after: '1001' }],
    });
    expect(r.hops[0]!.url).toBe('https://analytics.acme.test/sso/login');
  });

  it('refuses IdP-initiated when the definition says it is not supported', async () => {
    const r = await (await start()).idpInitiated({ user: 'adele.vance@contoso.com' });
    expectCode(r, 'SAML_CHECK_FAILED');
    expect(r.outcome).toMatchObject({ check: 'response.inResponseTo' });
  });

  it('ATTRIBUTE_NOT_ACCEPTED, ATTRIBUTE_MISSING, NAMEID_NOT_EMAIL', async () => {
    const v = await start();
    expectCode(await v.spInitiated({ user: 'diego.siciliani@contoso.com' }), 'ATTRIBUTE_NOT_ACCEPTED');
    v.app.claims.attributes = v.app.claims.attributes.filter((c) => c.name !== 'department');
    expectCode(await v.spInitiated({ user: 'adele.vance@contoso.com' }), 'ATTRIBUTE_MISSING');
    v.app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.objectid' }, format: 'persistent' };
    expectCode(await v.spInitiated({ user: 'adele.vance@contoso.com' }), 'NAMEID_NOT_EMAIL');
  });

  it('USER_NOT_FOUND for a login-only SP; SSO_NOT_CONFIGURED before the IdP is entered', async () => {
    expectCode(await (await start({ ...ACME, provisioning: 'login-only' })).spInitiated({ user: 'adele.vance@contoso.com' }), 'USER_NOT_FOUND');
    await h!.stop();
    expectCode(await (await start(ACME, { idpConfig: () => 'none' })).spInitiated({ user: 'adele.vance@contoso.com' }), 'SSO_NOT_CONFIGURED');
  });

  it('a definition with a bad URL is refused with the field named', () => {
    const r = GenericSpDefinition.safeParse({ ...ACME, acsUrl: 'not a url' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['acsUrl']);
  });
});
