import { afterEach, describe, expect, it } from 'vitest';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { parse } from 'node-html-parser';
import { startMockEntra, type MockEntra } from '../../src/api/index';
import { parseIdpMetadata } from '../../src/core/sp/idp-metadata';

let entra: MockEntra | undefined;
afterEach(async () => {
  await entra?.stop();
  entra = undefined;
});

const SP = { entityId: 'urn:example:my-app', acs: 'http://127.0.0.1:4999/saml/acs' };

/** An SP configured only from the metadata the mock serves, as a test suite would configure its own SP. */
async function spFromMetadata(metadataUrl: string): Promise<SAML> {
  const md = parseIdpMetadata(await (await fetch(metadataUrl)).text());
  if (!md.ok) throw md.error;
  return new SAML({
    entryPoint: md.value.trust.ssoUrl,
    idpIssuer: md.value.trust.entityId!,
    issuer: SP.entityId,
    callbackUrl: SP.acs,
    idpCert: md.value.trust.certificates,
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: true,
    audience: SP.entityId,
  });
}

async function signIn(sp: SAML): Promise<{ status: number; html: string; samlResponse?: string }> {
  const res = await fetch(await sp.getAuthorizeUrlAsync('', undefined, {}), { redirect: 'manual' });
  const html = await res.text();
  const samlResponse = parse(html).querySelector('input[name=SAMLResponse]')?.getAttribute('value');
  return { status: res.status, html, ...(samlResponse ? { samlResponse } : {}) };
}

describe('startMockEntra: the Node API for other test suites', () => {
  it("starts a tenant on a free loopback port whose metadata an SP can be configured from, with Entra's identifiers", async () => {
    entra = await startMockEntra({ users: [{ upn: 'tess@contoso.com', displayName: 'Tess Test', attributes: { mail: 'tess@contoso.com', department: 'QA' } }] });
    expect(entra.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(entra.issuer).toBe(`https://sts.windows.net/${entra.tenantId}/`);
    expect(entra.loginUrl).toBe(`${entra.origin}/vh/login.microsoftonline.com/${entra.tenantId}/saml2`);
    const app = await entra.addApp({ name: 'My app', identifier: SP.entityId, replyUrl: SP.acs, claims: [{ name: 'department', source: 'user.department' }] });
    const md = parseIdpMetadata(await (await fetch(app.metadataUrl)).text());
    expect(md.ok && md.value.trust).toMatchObject({ entityId: entra.issuer, ssoUrl: entra.loginUrl, sloUrl: entra.loginUrl });
    expect(app.metadataXml).toContain(`entityID="${entra.issuer}"`);
    const { samlResponse } = await signIn(await spFromMetadata(app.metadataUrl));
    const sp = await spFromMetadata(app.metadataUrl);
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse! });
    expect(profile).toMatchObject({ nameID: 'tess@contoso.com', issuer: entra.issuer, department: 'QA' });
    const issued = entra.issued();
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ app: 'My app', user: 'tess@contoso.com', acsUrl: SP.acs });
    expect(Buffer.from(issued[0]!.samlResponse, 'base64').toString('utf8')).toBe(Buffer.from(samlResponse!, 'base64').toString('utf8'));
  });

  it('per test: claims, signing options and a fault, and each run as Entra saw it', async () => {
    entra = await startMockEntra({ users: [{ upn: 'tess@contoso.com', attributes: { mail: 'tess@contoso.com', jobtitle: 'Engineer' } }] });
    const app = await entra.addApp({ name: 'My app', identifier: SP.entityId, replyUrl: SP.acs });
    await entra.setClaims(app.appId, [
      { name: 'title', source: 'user.jobtitle' },
      { name: 'tier', source: { constant: 'gold' } },
    ]);
    await entra.setSigning(app.appId, { option: 'response-and-assertion' });
    const sp = await spFromMetadata(app.metadataUrl);
    const ok = await signIn(sp);
    const xml = Buffer.from(ok.samlResponse!, 'base64').toString('utf8');
    expect(xml.match(/<(?:\w+:)?Signature /g)).toHaveLength(2);
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: ok.samlResponse! });
    expect(profile).toMatchObject({ title: 'Engineer', tier: 'gold' });

    entra.fault('AADSTS50105', { appId: app.appId });
    const refused = await signIn(sp);
    expect(refused.samlResponse).toBeUndefined();
    expect(refused.html).toContain('data-aadsts="50105"');
    expect(refused.html).toContain('AADSTS50105');
    expect((await signIn(sp)).samlResponse, 'the fault was for one sign-in').toBeDefined();

    const runs = entra.runs();
    expect(runs.map((r) => r.outcome.status)).toEqual(['issued', 'error', 'issued']);
    expect(runs[1]!.outcome).toMatchObject({ status: 'error', source: 'entra', code: 'AADSTS50105' });
    expect(runs[0]!.flow).toBe('external');
    expect(runs[0]!.authnRequest).toMatchObject({ issuer: SP.entityId, entra: { ok: true } });
    expect(runs[0]!.hops[0]!.saml.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response']);
    expect(() => entra!.fault('AADSTS1' as `AADSTS${number}`)).toThrow(/not an AADSTS code the mock tenant knows/);
  });

  it("without a user to sign in, Entra's account picker is shown, and the choice completes the run", async () => {
    entra = await startMockEntra({ signIn: false });
    const app = await entra.addApp({ name: 'My app', identifier: SP.entityId, replyUrl: SP.acs });
    const first = await signIn(await spFromMetadata(app.metadataUrl));
    const form = parse(first.html).querySelector('form')!;
    expect(first.html).toContain('Pick an account');
    const fields = Object.fromEntries(form.querySelectorAll('input').map((i) => [i.getAttribute('name')!, i.getAttribute('value') ?? '']));
    const action = new URL(form.getAttribute('action')!, entra.origin).toString();
    const picked = await fetch(action, { method: 'POST', body: new URLSearchParams({ ...fields, login: 'adele.vance@contoso.com' }), redirect: 'manual' });
    expect(await picked.text()).toContain('name="SAMLResponse"');
    const [run] = entra.runs();
    expect(run!.hops.map((h) => h.page?.kind ?? 'post')).toEqual(['pick-account', 'post']);
    expect(run!.outcome).toMatchObject({ status: 'issued', user: 'adele.vance@contoso.com' });
  });

  it('stops cleanly: the port is closed afterwards', async () => {
    const e = await startMockEntra();
    const origin = e.origin;
    await e.stop();
    await expect(fetch(`${origin}/status`)).rejects.toThrow();
  });
});

describe('startMockEntra: configurations that last', () => {
  it('pins the tenant ID and an app signing certificate, so an SP configured once trusts the next fresh tenant too', async () => {
    const tenantId = '0b5e6a7c-1d2e-4f3a-8b9c-0d1e2f3a4b5c';
    const { generateSelfSignedCertificate } = await import('../../src/core/crypto/generate');
    const pinned = await generateSelfSignedCertificate({ now: new Date() });
    const signingCertificate = { certificatePem: pinned.certificatePem, privateKeyPem: pinned.privateKeyPem };
    const issued: string[] = [];
    for (let round = 0; round < 2; round++) {
      entra = await startMockEntra({ tenantId });
      const app = await entra.addApp({ name: 'My app', identifier: SP.entityId, replyUrl: SP.acs, signingCertificate });
      expect(entra.issuer).toBe(`https://sts.windows.net/${tenantId}/`);
      expect(app.certificatePem.replace(/\s/g, '')).toBe(pinned.certificatePem.replace(/\s/g, ''));
      issued.push(app.metadataXml.match(/<X509Certificate>([^<]+)/)![1]!);
      await entra.stop();
      entra = undefined;
    }
    expect(issued[0]).toBe(issued[1]);
  });

  it('refuses a pinned key that is not the certificate’s', async () => {
    const { generateSelfSignedCertificate } = await import('../../src/core/crypto/generate');
    const [a, b] = [await generateSelfSignedCertificate({ now: new Date() }), await generateSelfSignedCertificate({ now: new Date() })];
    entra = await startMockEntra();
    await expect(entra.addApp({ name: 'My app', identifier: SP.entityId, replyUrl: SP.acs, signingCertificate: { certificatePem: a.certificatePem, privateKeyPem: b.privateKeyPem } })).rejects.toThrow(
      /is not the key of the certificate/,
    );
  });

  it('adds an app from the SP’s metadata, as Upload metadata file does, and can answer logout with the entity ID as Issuer', async () => {
    entra = await startMockEntra({ logoutIssuer: 'entity-id' });
    const spMetadata =
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${SP.entityId}"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://127.0.0.1:4999/saml/logout"/>` +
      `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${SP.acs}" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`;
    const app = await entra.addApp({ name: 'From metadata', spMetadata });
    const sp = await spFromMetadata(app.metadataUrl);
    // The browser's Entra session: its cookie, sent back with the LogoutRequest.
    const login = await fetch(await sp.getAuthorizeUrlAsync('', undefined, {}), { redirect: 'manual' });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const samlResponse = parse(await login.text())
      .querySelector('input[name=SAMLResponse]')!
      .getAttribute('value')!;
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse });
    // Logout: with the entity-ID form, node-saml (idpIssuer = the metadata's entity ID) takes Entra's LogoutResponse.
    const slo = new SAML({ ...sp.options, logoutUrl: entra.logoutUrl, logoutCallbackUrl: 'http://127.0.0.1:4999/saml/logout', validateInResponseTo: ValidateInResponseTo.never });
    const answer = await fetch(await slo.getLogoutUrlAsync(profile!, '', {}), { redirect: 'manual', headers: { cookie } });
    const back = new URL(answer.headers.get('location')!);
    expect(back.origin + back.pathname).toBe('http://127.0.0.1:4999/saml/logout');
    await expect(slo.validateRedirectAsync(Object.fromEntries(back.searchParams), back.search.slice(1))).resolves.toMatchObject({ loggedOut: true });
  });
});
