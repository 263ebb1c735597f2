import { afterEach, describe, expect, it } from 'vitest';
import { huggingface, enableSso, saveRoleMapping, type HuggingFaceSettings } from '../../src/core/vendors/huggingface/profile';
import { activateCertificate, createAppCertificate } from '../../src/core/idp/app-certificates';
import { pemToBase64 } from '../../src/core/crypto/pem';
import type { FlowResult } from '../../src/core/flows/flows';
import { startVendor, type VendorHarness, type VendorHarnessOptions } from '../support/vendor-harness';

let h: VendorHarness<HuggingFaceSettings> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const params = { org: 'contoso-ml' };
const withAccounts = (s: HuggingFaceSettings) => void (s.accounts = ['adele.vance@contoso.com', 'megan.bowen@contoso.com', 'alex.wilber@contoso.com']);
const start = async (opts: VendorHarnessOptions<HuggingFaceSettings> = {}) =>
  (h = await startVendor(huggingface, {
    params,
    settings: (s) => {
      withAccounts(s);
      opts.settings?.(s);
    },
    idpConfig: opts.idpConfig ?? ((c) => ({ method: 'signon-url-and-certificate', signOnUrl: c.loginUrl, certificate: c.certificatePem })),
    ...(opts.app ? { app: opts.app } : {}),
  }));

function expectHf(r: FlowResult, code: keyof typeof huggingface.errors, reason?: RegExp): void {
  const def = huggingface.errors[code]!;
  expect(r.outcome, JSON.stringify(r.outcome)).toMatchObject({ status: 'error', source: 'sp', code, message: def.text, httpStatus: def.httpStatus });
  if (reason) expect((r.outcome as { reason?: string }).reason).toMatch(reason);
}

describe('Hugging Face', () => {
  it('"Update and Test SAML configuration": the test sign-in passes, then "Enable" opens IdP-initiated too', async () => {
    const v = await start();
    expect(v.settings.state).toBe('configured');
    expect(enableSso(v.settings)).toMatchObject({ code: 'NOT_TESTED', message: huggingface.errors.NOT_TESTED!.text, httpStatus: 400 });
    expectHf(await v.idpInitiated({ user: 'adele.vance@contoso.com' }), 'SSO_NOT_ENABLED');
    const test = await v.spInitiated({ user: 'adele.vance@contoso.com' });
    expect(test.outcome).toMatchObject({ status: 'signed-in', details: { role: 'read', testPassed: true } });
    expect(v.settings.state).toBe('tested');
    expect(enableSso(v.settings)).toBeUndefined();
    expect((await v.idpInitiated({ user: 'megan.bowen@contoso.com' })).outcome.status).toBe('signed-in');
  });

  it('assertion-only signing (Entra\'s default) is refused: Hugging Face needs "Sign SAML response and assertion"', async () => {
    const v = await start({ app: (app) => void (app.signing.option = 'assertion') });
    const r = await v.spInitiated({ user: 'adele.vance@contoso.com' });
    expectHf(r, 'SAML_SIGNATURE_REQUIRED', /requires the Response to be signed/);
    expect(r.outcome).toMatchObject({ check: 'signature.required' });
  });

  it('a certificate without its BEGIN/END lines is refused at setup, with the format it needs', async () => {
    const v = await start();
    const cert = v.app.signing.certificates[0]!.certificatePem;
    const r = await v.vendor.applyIdpConfig({ method: 'signon-url-and-certificate', signOnUrl: v.harness.urls.saml2, certificate: pemToBase64(cert) });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CERTIFICATE_FORMAT', message: 'The public certificate must have the following format: -----BEGIN CERTIFICATE----- {certificate} -----END CERTIFICATE-----', httpStatus: 400 },
    });
    const garbage = await v.vendor.applyIdpConfig({
      method: 'signon-url-and-certificate',
      signOnUrl: v.harness.urls.saml2,
      certificate: '-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----',
    });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_INVALID' } });
    const http = await v.vendor.applyIdpConfig({ method: 'signon-url-and-certificate', signOnUrl: 'http://login.example.com/saml2', certificate: cert });
    expect(http).toMatchObject({ ok: false, error: { code: 'SIGN_ON_URL_INVALID' } });
  });

  it('role mapping: an attribute value maps to a role; no match gives the default role; a mapping without admin cannot be saved', async () => {
    const v = await start();
    const groups = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';
    expect(saveRoleMapping(v.settings, { attribute: groups, mappings: [{ value: 'Marketing', role: 'write' }] })).toMatchObject({ code: 'ROLE_MAPPING_NO_ADMIN', httpStatus: 400 });
    expect(
      saveRoleMapping(v.settings, {
        attribute: groups,
        mappings: [
          { value: 'Marketing', role: 'admin' },
          { value: 'Engineering', role: 'write' },
        ],
      }),
    ).toBeUndefined();
    v.settings.defaultRole = 'contributor';
    v.settings.resourceGroupMapping = { attribute: groups, mappings: [{ value: 'Designers', resourceGroup: 'design-assets', role: 'write' }] };
    expect((await v.spInitiated({ user: 'megan.bowen@contoso.com' })).outcome).toMatchObject({ details: { role: 'admin', resourceGroups: 'design-assets (write)' } });
    expect((await v.spInitiated({ user: 'adele.vance@contoso.com' })).outcome).toMatchObject({ details: { role: 'write', resourceGroups: 'none' } });
    expect((await v.spInitiated({ user: 'alex.wilber@contoso.com' })).outcome).toMatchObject({ details: { role: 'contributor' } });
  });

  it('no user provisioning: an email without a Hugging Face account is refused', async () => {
    const v = await start();
    expectHf(await v.spInitiated({ user: 'diego.siciliani@contoso.com' }), 'NO_HF_ACCOUNT', /SSO does not provision users/);
  });

  it('NO_EMAIL: neither the NameID nor a claim carries an email', async () => {
    const v = await start({
      app: (app) => {
        app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.objectid' }, format: 'persistent' };
        app.claims.attributes = [];
      },
    });
    expectHf(await v.spInitiated({ user: 'adele.vance@contoso.com' }), 'NO_EMAIL');
  });

  it('SAML_VALIDATION_FAILED: the certificate was rolled over in Entra but not updated on Hugging Face', async () => {
    const v = await start();
    const next = await createAppCertificate(new Date());
    v.app.signing.certificates.push(next);
    Object.assign(v.app, activateCertificate(v.app, next.thumbprint));
    const r = await v.spInitiated({ user: 'adele.vance@contoso.com' });
    expectHf(r, 'SAML_VALIDATION_FAILED', new RegExp(`thumbprint ${next.thumbprint}`));
    expect(r.outcome).toMatchObject({ check: 'signature.trusted' });
  });

  it('SSO_NOT_CONFIGURED before "Update and Test"', async () => {
    const v = await start({ idpConfig: () => 'none' });
    expectHf(await v.spInitiated({ user: 'adele.vance@contoso.com' }), 'SSO_NOT_CONFIGURED');
  });
});
