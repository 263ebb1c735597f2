import { createSign, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import { privateKeyObject, publicKeyObject } from '../../src/core/crypto/key-objects';

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
});
