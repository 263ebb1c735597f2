import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCertificate } from '../../src/core/idp/app-certificates';
import { pemToBase64 } from '../../src/core/crypto/pem';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import { parseIdpMetadata, trustFromSignOnUrl } from '../../src/core/sp/idp-metadata';
import { loadMetadataFromUrl } from '../../src/core/sp/metadata-source';
import { SpPolicy } from '../../src/core/sp/model';
import { ServiceProviderCore } from '../../src/core/sp/service-provider';
import { decodeRedirectMessage } from '../../src/core/xml/codec';
import { parseXmlOrThrow } from '../../src/core/xml/parse';
import { SP_ACS, SP_ENTITY, postedToSp, samlifyWithSchema, startIdp, type IdpHarness } from '../support/idp-harness';

let h: IdpHarness;
let metadata: string;
beforeAll(async () => {
  h = await startIdp();
  h.state.apps[0]!.signing.certificates.push(await createAppCertificate(new Date()));
  metadata = await (await fetch(h.metadataRealForm)).text();
});
afterAll(() => h.stop());

const transport = () => ({ origin: h.host.origin, virtualHosts: () => h.host.virtualHostNames() });

describe('configuring the SP with the IdP', () => {
  it("reads Entra's Federation Metadata XML: entity ID, endpoints, every certificate of a rollover, the document signature", () => {
    const r = parseIdpMetadata(metadata);
    if (!r.ok) throw r.error;
    expect(r.value.trust).toMatchObject({ entityId: `https://sts.windows.net/${h.tenant.id}/`, ssoUrl: h.urls.saml2, sloUrl: h.urls.saml2, source: 'metadata-xml' });
    expect(r.value.trust.certificates.map(pemToBase64)).toEqual(h.state.apps[0]!.signing.certificates.map((c) => pemToBase64(c.certificatePem)));
    expect(r.value.signature).toEqual({ status: 'valid', signerThumbprint: h.state.apps[0]!.signing.certificates[0]!.thumbprint });
    expect(r.value.notes).toContain('2 signing certificates are published (a rollover); all are trusted.');
  });

  it('notices metadata edited after signing, and still names what it read', () => {
    const r = parseIdpMetadata(metadata.replace('Location="https://login.microsoftonline.com', 'Location="https://login.evil.example'));
    expect(r.ok && r.value.signature.status).toBe('invalid');
  });

  it('by metadata URL, fetched from the local host', async () => {
    const r = await loadMetadataFromUrl(h.urls.appMetadata(h.app.appId), transport());
    expect(r.ok && r.value.trust).toMatchObject({ source: 'metadata-url', metadataUrl: h.urls.appMetadata(h.app.appId), entityId: `https://sts.windows.net/${h.tenant.id}/` });
    expect(await loadMetadataFromUrl('https://idp.example.org/metadata.xml', transport())).toMatchObject({ ok: false, error: { code: 'METADATA_URL_UNREACHABLE' } });
    expect(await loadMetadataFromUrl(h.urls.appMetadata('00000000-0000-0000-0000-000000000000'), transport())).toMatchObject({ ok: false, error: { code: 'METADATA_URL_HTTP' } });
  });

  it('by sign-on URL and the PEM certificate, the way Hugging Face asks', () => {
    const cert = h.state.apps[0]!.signing.certificates[0]!.certificatePem;
    expect(trustFromSignOnUrl(h.urls.saml2, cert)).toMatchObject({ ok: true, value: { ssoUrl: h.urls.saml2, source: 'signon-url-and-certificate' } });
    expect(trustFromSignOnUrl('login page', cert)).toMatchObject({ ok: false, error: { code: 'SIGNON_URL_INVALID' } });
  });

  it('says clearly what is wrong with metadata that cannot be used, and where', () => {
    expect(parseIdpMetadata('<EntityDescriptor')).toMatchObject({ ok: false, error: { code: 'METADATA_NOT_XML' } });
    // What a user uploads by mistake, in the words the upload shows: the element left open, a text, an image.
    const message = (xml: string) => {
      const r = parseIdpMetadata(xml);
      return r.ok ? '' : r.error.message;
    };
    expect(message(metadata.replace('</EntityDescriptor>', ''))).toBe(
      'The metadata is not well-formed XML: the element <EntityDescriptor> is not closed before the document ends. (line 1, column 39)',
    );
    expect(message('Federation metadata: see the portal')).toBe('This is not an XML file: it starts with text, where an XML document starts with "<". (line 1, column 1)');
    expect(message('\uFFFDPNG\r\n\x1a\n\x00\x00IHDR<<\x01>>')).toBe('This is not an XML file: it is binary, a PNG image. Choose the .xml file itself.');
    expect(parseIdpMetadata('<html><body>Sign in</body></html>')).toMatchObject({ ok: false, error: { code: 'METADATA_NO_ENTITY', message: expect.stringContaining('<html>') as string } });
    const spOnly =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:sp"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>';
    expect(parseIdpMetadata(spOnly)).toMatchObject({ ok: false, error: { code: 'METADATA_NOT_IDP' } });
    const noCert = metadata.replace(/<KeyDescriptor use="signing">.*?<\/KeyDescriptor>/gs, '');
    expect(parseIdpMetadata(noCert)).toMatchObject({ ok: false, error: { code: 'METADATA_NO_SIGNING_CERTIFICATE', detail: { element: '/EntityDescriptor/IDPSSODescriptor' } } });
    const badCert = metadata.replace(/(<IDPSSODescriptor[^>]*><KeyDescriptor use="signing"><KeyInfo[^>]*><X509Data><X509Certificate>)[^<]+/, '$1bm90IGEgY2VydA==');
    expect(parseIdpMetadata(badCert)).toMatchObject({ ok: false, error: { code: 'METADATA_CERTIFICATE_UNREADABLE', detail: { element: '/EntityDescriptor/IDPSSODescriptor/KeyDescriptor[1]' } } });
  });
});

describe('what the SP sends', () => {
  it('SP metadata that samlify reads back', () => {
    const sp = new ServiceProviderCore({ endpoints: { entityId: SP_ENTITY, acsUrl: SP_ACS, sloUrl: 'https://sp.example.com/saml/slo' }, policy: SpPolicy.parse({}), clock: { now: () => new Date() } });
    const meta = samlifyWithSchema().ServiceProvider({ metadata: sp.metadata() }).entityMeta;
    expect(meta.getEntityID()).toBe(SP_ENTITY);
    expect(meta.getAssertionConsumerService('post')).toBe(SP_ACS);
    expect(meta.isWantAssertionsSigned()).toBe(true);
  });

  it('an AuthnRequest over HTTP-Redirect with the RelayState, stamped with the SP clock', async () => {
    const at = new Date('2026-02-03T04:05:06.000Z');
    const sp = new ServiceProviderCore({
      endpoints: { entityId: SP_ENTITY, acsUrl: SP_ACS },
      policy: SpPolicy.parse({}),
      clock: { now: () => at },
      idp: { ssoUrl: h.urls.saml2, certificates: ['x'], source: 'metadata-xml' },
    });
    const req = await sp.loginRequest({ relayState: 'go/here?x=1' });
    if (!req.ok) throw req.error;
    const url = new URL(req.value.url);
    expect(`${url.origin}${url.pathname}`).toBe(h.urls.saml2);
    expect(url.searchParams.get('RelayState')).toBe('go/here?x=1');
    const xml = decodeRedirectMessage(url.searchParams.get('SAMLRequest')!);
    const root = parseXmlOrThrow(xml.ok ? xml.value : '').documentElement;
    expect(root.getAttribute('IssueInstant')).toBe('2026-02-03T04:05:06.000Z');
    expect(root.getAttribute('AssertionConsumerServiceURL')).toBe(SP_ACS);
    expect(root.getAttribute('ID')).toBe(req.value.id);
    expect(sp.requests.status(req.value.id, at)).toBe('outstanding');
  });

  it('a signed AuthnRequest, which Entra verifies when the app requires signed requests', async () => {
    const spKey = await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=sp.example.com' });
    h.state.apps[0]!.requestVerification = { required: true, certificates: [spKey.certificatePem] };
    try {
      const md = parseIdpMetadata(metadata);
      if (!md.ok) throw md.error;
      const make = (signed: boolean) =>
        new ServiceProviderCore({
          endpoints: { entityId: SP_ENTITY, acsUrl: SP_ACS, signing: { certificatePem: spKey.certificatePem, privateKeyPem: spKey.privateKeyPem } },
          policy: SpPolicy.parse({ signAuthnRequests: signed }),
          clock: { now: () => new Date() },
          idp: md.value.trust,
        });
      const signed = make(true);
      const req = await signed.loginRequest({ relayState: 'r' });
      if (!req.ok) throw req.error;
      expect(new URL(req.value.url).searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
      const agent = h.agent();
      await agent.navigate(`${req.value.url}&login_hint=adele.vance%40contoso.com`);
      expect((await signed.validate(postedToSp(agent).SAMLResponse)).ok).toBe(true);
      const unsigned = await make(false).loginRequest();
      if (!unsigned.ok) throw unsigned.error;
      expect((await h.agent().navigate(unsigned.value.url)).html?.aadsts).toBe(76021);
    } finally {
      h.state.apps[0]!.requestVerification = { required: false, certificates: [] };
    }
  });
});
