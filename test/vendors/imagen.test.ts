import { afterEach, describe, expect, it } from 'vitest';
import { imagen, MAIL_OID, type ImagenSettings } from '../../src/core/vendors/imagen/profile';
import type { FlowResult } from '../../src/core/flows/flows';
import { startVendor, type VendorHarness, type VendorHarnessOptions } from '../support/vendor-harness';

let h: VendorHarness<ImagenSettings> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const start = async (opts: VendorHarnessOptions<ImagenSettings> & { applied?: boolean } = {}) => {
  h = await startVendor(imagen, { params: { subdomain: 'contoso' }, ...opts });
  if (opts.applied !== false) expect((await h.vendor.supportApplies()).ok).toBe(true);
  return h;
};

function expectImagen(r: FlowResult, code: keyof typeof imagen.errors, message?: string): void {
  const def = imagen.errors[code]!;
  expect(r.outcome, JSON.stringify(r.outcome)).toMatchObject({ status: 'error', source: 'sp', code, message: message ?? def.text, httpStatus: def.httpStatus });
}

describe('Imagen (a SimpleSAMLphp SP, configured through its support team)', () => {
  it('until support applies the Federation Metadata XML, SimpleSAMLphp has no metadata for the IdP', async () => {
    const v = await start({ applied: false });
    expectImagen(await v.spInitiated({ user: 'adele.vance@contoso.com' }), 'METADATANOTFOUND', 'Unable to locate metadata for the identity provider');
    expect((await v.vendor.supportApplies()).ok).toBe(true);
    expect((await v.spInitiated({ user: 'adele.vance@contoso.com' })).outcome.status).toBe('signed-in');
  });

  it('SP-initiated with just-in-time provisioning creates the user with mail, UPN and groups', async () => {
    const v = await start();
    const r = await v.spInitiated({ user: 'megan.bowen@contoso.com' });
    expect(r.outcome.status === 'signed-in' && r.outcome.details?.diff).toMatchObject({ action: 'created', userId: 'megan.bowen@contoso.com' });
    expect(r.hops[0]!.url).toBe('https://contoso.imagencloud.com/site/login');
  });

  it('the My Apps tile goes to the Sign on URL, so even "IdP-initiated" is SP-initiated', async () => {
    const v = await start();
    const r = await v.idpInitiated({ user: 'adele.vance@contoso.com' });
    expect(r.outcome.status).toBe('signed-in');
    expect(r.hops.map((x) => x.url.split('?')[0])).toContain('https://contoso.imagencloud.com/site/login');
    expect(r.report?.message.inResponseTo).toBeTruthy();
  });

  it('NOSTATE: an unsolicited response (Sign on URL left empty in Entra) has no state to resume', async () => {
    const v = await start({ app: (app) => void delete app.saml.signOnUrl });
    expectImagen(await v.idpInitiated({ user: 'adele.vance@contoso.com' }), 'NOSTATE');
  });

  it('METADATANOTFOUND: support was sent the metadata of another tenant', async () => {
    const v = await start({ applied: false });
    const other = v.metadataXml.replace(/entityID="https:\/\/sts\.windows\.net\/[^/]+\/"/, 'entityID="https://sts.windows.net/00000000-1111-2222-3333-444444444444/"');
    expect((await v.vendor.applyIdpConfig({ method: 'sent-to-support', metadataXml: other })).ok).toBe(true);
    await v.vendor.supportApplies();
    expectImagen(await v.spInitiated({ user: 'adele.vance@contoso.com' }), 'METADATANOTFOUND', `Unable to locate metadata for https://sts.windows.net/${v.tenant.id}/`);
  });

  it('RESPONSESTATUSNOSUCCESS: a passive check without an Entra session gets an error status back', async () => {
    const v = await start();
    const agent = v.agent();
    await agent.navigate('https://contoso.imagencloud.com/site/login?isPassive=true');
    const last = agent.hops.at(-1)!;
    expect(last.status).toBe(500);
    expect(v.vendor.site.history.at(-1)!.outcome).toMatchObject({ kind: 'refused', code: 'RESPONSESTATUSNOSUCCESS', message: imagen.errors.RESPONSESTATUSNOSUCCESS!.text });
  });

  it('PROCESSASSERTION: the response is refused by a SAML check (here: the assertion is not signed)', async () => {
    const v = await start({ app: (app) => void (app.signing.option = 'response') });
    const r = await v.spInitiated({ user: 'adele.vance@contoso.com' });
    expectImagen(r, 'PROCESSASSERTION');
    expect(r.outcome).toMatchObject({ check: 'signature.required' });
  });

  it('ACSPARAMS: the ACS reached without a SAMLResponse', async () => {
    const v = await start();
    const page = await v.agent().post('https://contoso.imagencloud.com/saml/module.php/saml/sp/saml2-acs.php/imagenweb', {});
    expect(page.status).toBe(500);
    expect(page.html?.root.querySelector('[data-error-code]')?.getAttribute('data-error-code')).toBe('ACSPARAMS');
  });

  it('IMAGEN_ATTRIBUTES: the mail attribute (urn:oid:0.9.2342.19200300.100.1.3) is missing', async () => {
    const v = await start({ app: (app) => void (app.claims.attributes = app.claims.attributes.filter((c) => c.name !== MAIL_OID)) });
    const r = await v.spInitiated({ user: 'adele.vance@contoso.com' });
    expectImagen(r, 'IMAGEN_ATTRIBUTES');
    expect((r.outcome as { reason: string }).reason).toContain(`"${MAIL_OID}" is missing`);
  });

  it('IMAGEN_NO_USER: just-in-time provisioning turned off and the user unknown', async () => {
    const v = await start({ settings: (s) => void (s.jitProvisioning = false) });
    expectImagen(await v.spInitiated({ user: 'adele.vance@contoso.com' }), 'IMAGEN_NO_USER');
  });
});
