import { describe, expect, it, vi } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import { signEnveloped } from '../../src/core/idp/enveloped-signature';
import { checkSignature } from '../../src/core/sp/signature-check';
import { descendants } from '../../src/core/xml/dom';
import { NS } from '../../src/core/xml/namespaces';
import { parseXmlOrThrow } from '../../src/core/xml/parse';

describe('checking one signature', () => {
  it('let the SP check a signature against its trusted certificates; an unreadable one verifies nothing', async () => {
    const signer = await generateSelfSignedCertificate({ now: new Date() });
    const other = await generateSelfSignedCertificate({ now: new Date() });
    const xml = signEnveloped('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_m" entityID="urn:x"/>', signer, "/*[local-name(.)='EntityDescriptor']");
    const sig = descendants(parseXmlOrThrow(xml), NS.ds, 'Signature')[0]!;
    expect(checkSignature(xml, sig, [signer.certificatePem])).toMatchObject({ status: 'verified', certificateIndex: 0 });
    expect(checkSignature(xml, sig, [other.certificatePem, signer.certificatePem])).toMatchObject({ status: 'verified', certificateIndex: 1 });
    // Sound, but made with a key only KeyInfo names: never trusted for it.
    expect(checkSignature(xml, sig, ['not a certificate'])).toMatchObject({ status: 'untrusted', signer: { thumbprint: signer.thumbprint } });
  });

  it('try the trusted certificate KeyInfo names first, and still never trust KeyInfo itself', async () => {
    const signer = await generateSelfSignedCertificate({ now: new Date() });
    const others = await Promise.all([1, 2, 3].map(() => generateSelfSignedCertificate({ now: new Date() })));
    const xml = signEnveloped('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_m" entityID="urn:x"/>', signer, "/*[local-name(.)='EntityDescriptor']");
    const sig = descendants(parseXmlOrThrow(xml), NS.ds, 'Signature')[0]!;
    const checks = vi.spyOn(SignedXml.prototype, 'checkSignature');
    try {
      expect(checkSignature(xml, sig, [...others.map((o) => o.certificatePem), signer.certificatePem])).toMatchObject({ status: 'verified', certificateIndex: 3 });
      expect(checks).toHaveBeenCalledTimes(1);
      checks.mockClear();
      // KeyInfo names a certificate the SP does not hold: each trusted one is tried, then KeyInfo's only to say why.
      expect(
        checkSignature(
          xml,
          sig,
          others.map((o) => o.certificatePem),
        ),
      ).toMatchObject({ status: 'untrusted', signer: { thumbprint: signer.thumbprint } });
      expect(checks).toHaveBeenCalledTimes(4);
    } finally {
      checks.mockRestore();
    }
  });
});
