import { beforeAll, describe, expect, it } from 'vitest';
import { generateServiceProviderMetadata } from '@node-saml/node-saml';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import { parseSpMetadata } from '../../src/core/idp/sp-metadata';

const NOW = new Date();
let cert: string;
let certKey: string;
let expired: string;

const md = (inner: string, entityId = 'urn:acme:app') =>
  `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</md:SPSSODescriptor></md:EntityDescriptor>`;
const acs = (url: string, index: number, isDefault = false) =>
  `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${url}" index="${index}"${isDefault ? ' isDefault="true"' : ''}/>`;
const key = (pem: string) =>
  `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${pem.replace(/-----[^-]+-----|\s/g, '')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;

beforeAll(async () => {
  const g = await generateSelfSignedCertificate({ now: NOW, subject: 'CN=acme sp' });
  cert = g.certificatePem;
  certKey = g.privateKeyPem;
  expired = (await generateSelfSignedCertificate({ now: new Date(NOW.getTime() - 5 * 365 * 86400_000), subject: 'CN=old sp', years: 1 })).certificatePem;
});

describe('"Upload metadata file": an SP\'s metadata into Basic SAML Configuration', () => {
  it('takes the entity ID, every POST ACS (the default first), the Redirect logout URL, the RequestInitiator and the signing certificate', () => {
    const xml = md(
      `<md:Extensions><init:RequestInitiator xmlns:init="urn:oasis:names:tc:SAML:profiles:SSO:request-init" Binding="urn:oasis:names:tc:SAML:profiles:SSO:request-init" Location="https://app.acme.test/Shibboleth.sso/Login"/></md:Extensions>${key(cert)}` +
        `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://app.acme.test/slo-post"/><md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://app.acme.test/slo"/>` +
        acs('https://app.acme.test/acs/0', 0) +
        acs('https://app.acme.test/acs/1', 1, true),
    );
    const r = parseSpMetadata(xml, NOW);
    expect(r.ok && r.value).toEqual({
      entityId: 'urn:acme:app',
      replyUrls: [
        { url: 'https://app.acme.test/acs/1', index: 1, isDefault: true },
        { url: 'https://app.acme.test/acs/0', index: 0, isDefault: false },
      ],
      logoutUrl: 'https://app.acme.test/slo',
      signOnUrl: 'https://app.acme.test/Shibboleth.sso/Login',
      signingCertificates: [expect.stringContaining('BEGIN CERTIFICATE') as string],
    });
  });

  it("reads node-saml's own SP metadata, as another library writes it", () => {
    const xml = generateServiceProviderMetadata({
      issuer: 'https://sp.node-saml.test/metadata',
      callbackUrl: 'https://sp.node-saml.test/acs',
      logoutCallbackUrl: 'https://sp.node-saml.test/logout',
      publicCerts: cert,
      privateKey: certKey,
      wantAssertionsSigned: true,
    });
    const r = parseSpMetadata(xml, NOW);
    expect(r.ok && r.value).toMatchObject({
      entityId: 'https://sp.node-saml.test/metadata',
      replyUrls: [{ url: 'https://sp.node-saml.test/acs', isDefault: true }],
      logoutUrl: 'https://sp.node-saml.test/logout',
      signingCertificates: [expect.any(String)],
    });
  });

  it.each([
    ['not XML', 'this is not metadata', 'SP_METADATA_NOT_XML', /^This is not an XML file: it starts with text/],
    ['a PNG', '\uFFFDPNG\r\n\x1a\n\x00IHDR<<x>>', 'SP_METADATA_NOT_XML', /^This is not an XML file: it is binary, a PNG image\. Choose the \.xml file itself\.$/],
    [
      'an element left open',
      md(acs('https://a.test/acs', 0)).replace('</md:EntityDescriptor>', ''),
      'SP_METADATA_NOT_XML',
      /^The metadata is not well-formed XML: the element <md:EntityDescriptor> is not closed before the document ends\. \(line 1, column 1\)$/,
    ],
    ['a DTD', '<?xml version="1.0"?><!DOCTYPE md [<!ENTITY x "y">]><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&x;"/>', 'SP_METADATA_DTD', /DTD/],
    ['the wrong root', '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>', 'SP_METADATA_WRONG_ROOT', /not SAML 2\.0 metadata/],
    ['an HTML page', '<html><body>Sign in</body></html>', 'SP_METADATA_HTML', /^This is an HTML page, not SAML metadata/],
    [
      'an HTML error page with a DTD',
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><head><title>500 Internal Server Error</title></head><body>Oops</body></html>',
      'SP_METADATA_HTML',
      /^This is an HTML page \("500 Internal Server Error"\), not SAML metadata/,
    ],
    [
      "an IdP's metadata",
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>',
      'SP_METADATA_NOT_SP',
      /identity provider's metadata/,
    ],
    ['no ACS', md(''), 'SP_METADATA_NO_ACS', /no AssertionConsumerService/],
    ['an entity ID with spaces', md(acs('https://a.test/acs', 0), 'my app'), 'SP_METADATA_BAD_ENTITY_ID', /"my app" contains spaces/],
  ])('%s gets a clear error naming the problem', (_what, xml, code, message) => {
    const r = parseSpMetadata(xml, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toMatch(message);
  });

  it('an expired certificate, or one that cannot be read, is refused naming the KeyDescriptor', () => {
    const old = parseSpMetadata(md(key(expired) + acs('https://a.test/acs', 0)), NOW);
    expect(!old.ok && old.error).toMatchObject({ code: 'SP_METADATA_CERTIFICATE_EXPIRED', detail: { element: expect.stringContaining('KeyDescriptor') as string } });
    const broken = parseSpMetadata(
      md(
        `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>bm90IGEgY2VydA==</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>${acs('https://a.test/acs', 0)}`,
      ),
      NOW,
    );
    expect(!broken.ok && broken.error).toMatchObject({ code: 'SP_METADATA_CERTIFICATE_UNREADABLE', message: expect.stringContaining('cannot be read') as string });
  });
});
