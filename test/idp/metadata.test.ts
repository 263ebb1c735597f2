import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { createAppCertificate, activateCertificate } from '../../src/core/idp/app-certificates';
import { parseXmlOrThrow } from '../../src/core/xml/parse';
import { childElements, descendants } from '../../src/core/xml/dom';
import { parseIdpMetadata } from '../../src/core/sp/idp-metadata';
import { NS } from '../../src/core/xml/namespaces';
import { pemToBase64 } from '../../src/core/crypto/pem';
import { nodeSamlSp, postedToSp, samlifyWithSchema, startIdp, type IdpHarness } from '../support/idp-harness';

let h: IdpHarness;
beforeAll(async () => {
  h = await startIdp();
});
afterAll(() => h.stop());

const fetchMetadata = async () => {
  const res = await fetch(h.metadataRealForm);
  expect(res.headers.get('content-type')).toContain('application/xml');
  return res.text();
};

describe('App Federation Metadata XML', () => {
  it("is Entra's shape: signed EntityDescriptor, two WS-Fed RoleDescriptors, then the IDPSSODescriptor", async () => {
    const doc = parseXmlOrThrow(await fetchMetadata());
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(NS.md);
    expect(root.localName).toBe('EntityDescriptor');
    expect(root.getAttribute('entityID')).toBe(`https://sts.windows.net/${h.tenant.id}/`);
    expect(root.getAttribute('ID')).toMatch(/^_[0-9a-f-]{36}$/);
    const children = childElements(root).map((c) => `${c.localName}${c.getAttributeNS(NS.xsi, 'type') ? `(${c.getAttributeNS(NS.xsi, 'type')})` : ''}`);
    expect(children).toEqual(['Signature', 'RoleDescriptor(fed:SecurityTokenServiceType)', 'RoleDescriptor(fed:ApplicationServiceType)', 'IDPSSODescriptor']);
    const idp = childElements(root, NS.md, 'IDPSSODescriptor')[0]!;
    expect(childElements(idp).map((c) => `${c.localName} ${c.getAttribute('Binding') || c.getAttribute('use')}`)).toEqual([
      'KeyDescriptor signing',
      'SingleLogoutService urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
      'SingleSignOnService urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
      'SingleSignOnService urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
    ]);
    for (const sso of childElements(idp, NS.md, 'SingleSignOnService')) expect(sso.getAttribute('Location')).toBe(`https://login.microsoftonline.com/${h.tenant.id}/saml2`);
  });

  it('fetched on loopback, names endpoints this machine reaches, with the same entity ID, certificate and a valid signature', async () => {
    const xml = await (await fetch(h.metadataLoopback)).text();
    const doc = parseXmlOrThrow(xml);
    expect(doc.documentElement.getAttribute('entityID')).toBe(`https://sts.windows.net/${h.tenant.id}/`);
    const idp = childElements(doc.documentElement, NS.md, 'IDPSSODescriptor')[0]!;
    const origin = new URL(h.metadataLoopback).origin;
    for (const el of [...childElements(idp, NS.md, 'SingleSignOnService'), ...childElements(idp, NS.md, 'SingleLogoutService')]) {
      expect(el.getAttribute('Location')).toBe(`${origin}/vh/login.microsoftonline.com/${h.tenant.id}/saml2`);
    }
    const md = parseIdpMetadata(xml);
    expect(md.ok && md.value.signature.status).toBe('valid');
    expect(md.ok && md.value.trust.certificates).toHaveLength(1);
  });

  it('carries a document signature that verifies with the active certificate and no other', async () => {
    const xml = await fetchMetadata();
    const signature = childElements(parseXmlOrThrow(xml).documentElement, NS.ds, 'Signature')[0]!;
    const check = (pem: string, doc = xml): boolean => {
      const sig = new SignedXml({ publicCert: pem, getCertFromKeyInfo: () => null });
      sig.loadSignature(signature);
      try {
        return sig.checkSignature(doc);
      } catch {
        return false;
      }
    };
    expect(check(h.app.signing.certificates[0]!.certificatePem)).toBe(true);
    const stranger = await createAppCertificate(new Date());
    expect(check(stranger.certificatePem)).toBe(false);
    const tampered = xml.replace('HTTP-POST" Location="https://login.microsoftonline.com', 'HTTP-POST" Location="https://evil.example.com');
    expect(tampered).not.toBe(xml);
    expect(check(h.app.signing.certificates[0]!.certificatePem, tampered)).toBe(false);
  });

  it('parses in samlify: entity ID, SSO and SLO services, the signing certificate', async () => {
    const meta = samlifyWithSchema().IdentityProvider({ metadata: await fetchMetadata() }).entityMeta;
    expect(meta.getEntityID()).toBe(`https://sts.windows.net/${h.tenant.id}/`);
    expect(meta.getSingleSignOnService('redirect')).toBe(h.urls.saml2);
    expect(meta.getSingleSignOnService('post')).toBe(h.urls.saml2);
    expect(meta.getSingleLogoutService('redirect')).toBe(h.urls.saml2);
    expect(meta.getX509Certificate('signing')).toBe(pemToBase64(h.app.signing.certificates[0]!.certificatePem));
  });

  it('publishes both certificates during a rollover, and responses signed with the new one still verify', async () => {
    const next = await createAppCertificate(new Date());
    h.state.apps[0]!.signing.certificates.push(next);
    const before = await fetchMetadata();
    const keyCerts = descendants(parseXmlOrThrow(before), NS.ds, 'X509Certificate')
      .filter((e) => (e.parentNode!.parentNode!.parentNode as Element).localName === 'KeyDescriptor' && (e.parentNode!.parentNode!.parentNode!.parentNode as Element).localName === 'IDPSSODescriptor')
      .map((e) => e.textContent);
    expect(keyCerts).toEqual([pemToBase64(h.app.signing.certificates[0]!.certificatePem), pemToBase64(next.certificatePem)]);

    // The SP trusts both certificates from metadata; Entra now signs with the new active one.
    h.state.apps[0] = activateCertificate(h.state.apps[0]!, next.thumbprint);
    const sp = nodeSamlSp(h, [h.app.signing.certificates[0]!.certificatePem, next.certificatePem]);
    const agent = h.agent();
    await agent.navigate(`${await sp.getAuthorizeUrlAsync('', undefined, {})}&login_hint=adele.vance%40contoso.com`);
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: postedToSp(agent).SAMLResponse });
    expect(profile?.nameID).toBe('adele.vance@contoso.com');
    expect(agent.hops.find((hop) => hop.form?.SAMLResponse)?.saml[0]?.signatures[0]?.certificateThumbprint).toBe(next.thumbprint);
  });

  it('answers 404 for an unknown appid', async () => {
    const res = await fetch(h.metadataLoopback.replace(h.app.appId, '00000000-0000-0000-0000-000000000000'));
    expect(res.status).toBe(404);
  });
});

describe('certificate downloads', () => {
  it('"Certificate (Base64)" is the PEM text, "Certificate (Raw)" the DER bytes, both of the active certificate', async () => {
    const base = `${h.host.origin}/api/idp/apps/${h.app.appId}/certificate`;
    const active = h.state.apps[0]!.signing.certificates.find((c) => c.active)!;
    const b64 = await fetch(`${base}?format=base64`);
    expect(b64.headers.get('content-disposition')).toBe('attachment; filename="Test_SP.cer"');
    expect(await b64.text()).toBe(active.certificatePem);
    const raw = Buffer.from(await (await fetch(`${base}?format=raw`)).arrayBuffer());
    expect(raw.toString('base64')).toBe(pemToBase64(active.certificatePem));
    expect((await fetch(`${base}?format=pfx`)).status).toBe(400);
  });
});
