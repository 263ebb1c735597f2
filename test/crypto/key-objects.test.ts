import { createSign, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import { privateKeyObject, publicKeyObject } from '../../src/core/crypto/key-objects';
import { checkSignature } from '../../src/core/sp/signature-check';
import { parseXmlOrThrow } from '../../src/core/xml/parse';
import { descendants } from '../../src/core/xml/dom';
import { NS } from '../../src/core/xml/namespaces';
import { signEnveloped } from '../../src/core/idp/metadata';

describe('keys parsed once', () => {
  it('sign and verify as the PEM text they come from, and are reused', async () => {
    const cert = await generateSelfSignedCertificate({ now: new Date() });
    const key = privateKeyObject(cert.privateKeyPem);
    expect(privateKeyObject(cert.privateKeyPem)).toBe(key);
    const byObject = createSign('RSA-SHA256').update('octets').sign(key, 'base64');
    expect(byObject).toBe(createSign('RSA-SHA256').update('octets').sign(cert.privateKeyPem, 'base64'));
    expect(createVerify('RSA-SHA256').update('octets').verify(publicKeyObject(cert.certificatePem), byObject, 'base64')).toBe(true);
    expect(() => publicKeyObject('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow();
  });

  it('let the SP check a signature against its trusted certificates; an unreadable one verifies nothing', async () => {
    const signer = await generateSelfSignedCertificate({ now: new Date() });
    const other = await generateSelfSignedCertificate({ now: new Date() });
    const xml = signEnveloped('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_m" entityID="urn:x"/>', { ...signer, active: true }, "/*[local-name(.)='EntityDescriptor']");
    const sig = descendants(parseXmlOrThrow(xml), NS.ds, 'Signature')[0]!;
    expect(checkSignature(xml, sig, [signer.certificatePem])).toMatchObject({ status: 'verified', certificateIndex: 0 });
    expect(checkSignature(xml, sig, [other.certificatePem, signer.certificatePem])).toMatchObject({ status: 'verified', certificateIndex: 1 });
    // Sound, but made with a key only KeyInfo names: never trusted for it.
    expect(checkSignature(xml, sig, ['not a certificate'])).toMatchObject({ status: 'untrusted', signer: { thumbprint: signer.thumbprint } });
  });
});
